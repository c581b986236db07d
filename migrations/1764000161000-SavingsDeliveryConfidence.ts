import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * BRAG delivery confidence in place of the RAG one, which was GREEN until rated: an unrated
 * saving (even a one-off cost) looked on course. A line keeps GREEN only where finance set it by
 * updateSavingsLine (the audit trail shows it); a GREEN given or defaulted at creation cannot be
 * told from no rating, so it becomes NOT_RATED. RED and AMBER stay.
 */
export class SavingsDeliveryConfidence1764000161000 implements MigrationInterface {
  name = 'SavingsDeliveryConfidence1764000161000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE savings_lines RENAME COLUMN confidence TO delivery_confidence;
      ALTER TABLE savings_lines DROP CONSTRAINT savings_lines_confidence_check;
      UPDATE savings_lines l SET delivery_confidence = 'NOT_RATED'
       WHERE l.delivery_confidence = 'GREEN'
         AND NOT EXISTS (SELECT 1 FROM audit_events a
                          WHERE a.organisation_id = l.organisation_id AND a.entity_id = l.id
                            AND a.action = 'savingsLine.updated' AND a.changes -> 'confidence' ->> 1 = 'GREEN');
      ALTER TABLE savings_lines ALTER COLUMN delivery_confidence SET DEFAULT 'NOT_RATED',
        ADD CONSTRAINT ck_savings_lines_delivery_confidence
          CHECK (delivery_confidence IN ('NOT_RATED','RED','AMBER','GREEN','BLUE'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE savings_lines DROP CONSTRAINT ck_savings_lines_delivery_confidence;
      UPDATE savings_lines SET delivery_confidence = 'GREEN' WHERE delivery_confidence IN ('NOT_RATED', 'BLUE');
      ALTER TABLE savings_lines RENAME COLUMN delivery_confidence TO confidence;
      ALTER TABLE savings_lines ALTER COLUMN confidence SET DEFAULT 'GREEN',
        ADD CONSTRAINT savings_lines_confidence_check CHECK (confidence IN ('GREEN','AMBER','RED'));
    `);
  }
}
