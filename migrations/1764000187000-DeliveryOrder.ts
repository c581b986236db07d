import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries are listed by recordedOn, then in the order recorded. created_at cannot say that order:
 * every delivery of one ledger import shares its transaction's timestamp, so they fell back on
 * their random ids. seq, an identity, numbers them as they are written (an import writes its
 * rows in the file's order). Existing deliveries are numbered by created_at, then id, the order
 * they were listed in until now; the line index takes seq so a line's deliveries come in order.
 */
export class DeliveryOrder1764000187000 implements MigrationInterface {
  name = 'DeliveryOrder1764000187000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE savings_deliveries ADD COLUMN seq bigint;
      UPDATE savings_deliveries d SET seq = o.n
        FROM (SELECT organisation_id, id, row_number() OVER (ORDER BY created_at, id) AS n FROM savings_deliveries) o
       WHERE o.organisation_id = d.organisation_id AND o.id = d.id;
      ALTER TABLE savings_deliveries ALTER COLUMN seq SET NOT NULL;
      ALTER TABLE savings_deliveries ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY;
      SELECT setval(pg_get_serial_sequence('savings_deliveries', 'seq'), coalesce(max(seq), 0) + 1, false) FROM savings_deliveries;
      DROP INDEX ix_savings_deliveries_line;
      CREATE INDEX ix_savings_deliveries_line ON savings_deliveries (organisation_id, savings_line_id, recorded_on, seq);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX ix_savings_deliveries_line;
      CREATE INDEX ix_savings_deliveries_line ON savings_deliveries (organisation_id, savings_line_id, recorded_on);
      ALTER TABLE savings_deliveries DROP COLUMN seq;
    `);
  }
}
