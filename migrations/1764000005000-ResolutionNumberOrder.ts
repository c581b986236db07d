import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resolutions are listed by meeting date, agenda item and number; numbers are text ("1", "2",
 * "a"), so "10" sorted before "2". number_key pads an all-digit number with zeros so that such
 * numbers sort as numbers (1, 2, 10) and anything else ("a", "1a") as its text, after them.
 */
export class ResolutionNumberOrder1764000005000 implements MigrationInterface {
  name = 'ResolutionNumberOrder1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE resolutions ADD COLUMN number_key text GENERATED ALWAYS AS (
        CASE WHEN number ~ '^[0-9]{1,18}$' THEN lpad(number, 18, '0') ELSE number END) STORED;
      DROP INDEX ix_resolutions_order;
      CREATE INDEX ix_resolutions_order ON resolutions (organisation_id, meeting_date DESC, agenda_item, number_key, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX ix_resolutions_order;
      ALTER TABLE resolutions DROP COLUMN number_key;
      CREATE INDEX ix_resolutions_order ON resolutions (organisation_id, meeting_date DESC, agenda_item, number, id);
    `);
  }
}
