import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The risks list (current score highest first, then programme code and reference) served by
 * index at any depth. Score descending and code ascending could not be one row comparison, so a
 * page far in had to read every risk before its cursor (page 300 of 900 read 6 840 rows); on
 * (-current_score, programme_code, reference) the cursor is one row comparison the index seeks
 * to. The second index leads with status, as the usual filter (open risks) does, and holds
 * confidential, so totalCount is an index-only count.
 */
export class RiskListKeyset1764000009000 implements MigrationInterface {
  name = 'RiskListKeyset1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX ix_risks_list ON risks (organisation_id, (-current_score), programme_code, reference) INCLUDE (status, confidential);
      CREATE INDEX ix_risks_status_list ON risks (organisation_id, status, (-current_score), programme_code, reference) INCLUDE (confidential);
      DROP INDEX ix_risks_order;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX ix_risks_order ON risks (organisation_id, current_score DESC, programme_code, reference);
      DROP INDEX ix_risks_status_list;
      DROP INDEX ix_risks_list;
    `);
  }
}
