import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A risk's reference is unique within its programme ignoring case ("r03" is taken by "R03").
 *
 * Registers kept before this rule may hold references that differ only in case. This migration
 * deletes, merges and renames nothing: in each such set the risk recorded first keeps the
 * reference; each later one is marked `kept_duplicate`, which leaves it out of the unique index
 * (it still reads as before), and gets an audit event `risk.keptDuplicate` naming the risk it
 * duplicates (actor "migration RiskReferenceIgnoringCase", no user), by which an ADMIN finds it in
 * auditTrail and, if it was entered in error, deletes it with deleteRisk.
 */
export class RiskReferenceIgnoringCase1764000043100 implements MigrationInterface {
  name = 'RiskReferenceIgnoringCase1764000043100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE risks ADD COLUMN kept_duplicate boolean NOT NULL DEFAULT false;
      WITH ranked AS (
        SELECT organisation_id, id,
               first_value(id) OVER (PARTITION BY organisation_id, programme_id, lower(reference) ORDER BY created_at, id) AS first_id,
               row_number() OVER (PARTITION BY organisation_id, programme_id, lower(reference) ORDER BY created_at, id) AS n
          FROM risks
      ), marked AS (
        UPDATE risks r SET kept_duplicate = true FROM ranked
         WHERE ranked.n > 1 AND r.organisation_id = ranked.organisation_id AND r.id = ranked.id
        RETURNING r.organisation_id, r.id, ranked.first_id
      )
      INSERT INTO audit_events (organisation_id, actor, action, entity_type, entity_id, changes)
      SELECT organisation_id, 'migration RiskReferenceIgnoringCase', 'risk.keptDuplicate', 'Risk', id,
             jsonb_build_object('keptDuplicate', jsonb_build_array(false, true), 'duplicateOf', jsonb_build_array(NULL, first_id))
        FROM marked;
      CREATE UNIQUE INDEX uq_risks_reference_ci ON risks (organisation_id, programme_id, lower(reference)) WHERE NOT kept_duplicate;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_risks_reference_ci; ALTER TABLE risks DROP COLUMN kept_duplicate;`);
  }
}
