import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The MTFS reference that ties one saving's lines across years (e.g. CYP-05): a line now holds the
 * increment of its own year, and the reference says which saving it is an increment of. Unique per
 * programme and year ignoring case; lines without one are many.
 */
export class SavingsReferences1764000160000 implements MigrationInterface {
  name = 'SavingsReferences1764000160000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE savings_lines ADD COLUMN reference text;
      CREATE UNIQUE INDEX uq_savings_lines_reference
        ON savings_lines (organisation_id, programme_id, financial_year, lower(reference)) WHERE reference IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX uq_savings_lines_reference;
      ALTER TABLE savings_lines DROP COLUMN reference;
    `);
  }
}
