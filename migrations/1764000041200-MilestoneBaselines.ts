import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-baselining: a committee approves a new date for a milestone. original_baseline_date keeps
 * the date first agreed (every existing milestone's current baseline, which never changed until
 * now); milestone_baselines holds each later baseline with the day it was set, the reason and the
 * approving resolution. Deleting that resolution leaves the baseline, without its resolution.
 */
export class MilestoneBaselines1764000041200 implements MigrationInterface {
  name = 'MilestoneBaselines1764000041200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE milestones ADD COLUMN original_baseline_date date;
      UPDATE milestones SET original_baseline_date = baseline_date;
      ALTER TABLE milestones ALTER COLUMN original_baseline_date SET NOT NULL;

      CREATE TABLE milestone_baselines (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        milestone_id uuid NOT NULL,
        baseline_date date NOT NULL,
        set_on date NOT NULL,
        reason text NOT NULL,
        resolution_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_milestone_baselines PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_milestone_baselines_milestone FOREIGN KEY (organisation_id, milestone_id) REFERENCES milestones (organisation_id, id),
        CONSTRAINT fk_milestone_baselines_resolution FOREIGN KEY (organisation_id, resolution_id)
          REFERENCES resolutions (organisation_id, id) ON DELETE SET NULL (resolution_id)
      );
      CREATE INDEX ix_milestone_baselines_milestone ON milestone_baselines (organisation_id, milestone_id, seq DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE milestone_baselines; ALTER TABLE milestones DROP COLUMN original_baseline_date;`);
  }
}
