import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What happened to a saving, not only where it stands: original_planned is planned as created
 * (0 on a line rephaseSavings creates), written_off what writeOffSavings gave up, replaces_id the
 * undeliverable saving a line replaces, and savings_changes each re-forecast, re-rating, rephasing
 * and write-off with its day, reason and approving resolution. A deleted line takes its changes;
 * a deleted resolution or replaced line leaves the reference empty.
 */
export class SavingsChanges1764000162000 implements MigrationInterface {
  name = 'SavingsChanges1764000162000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE savings_lines ADD COLUMN original_planned numeric(15,2),
        ADD COLUMN written_off numeric(15,2) NOT NULL DEFAULT 0 CHECK (written_off >= 0),
        ADD COLUMN replaces_id uuid,
        ADD CONSTRAINT fk_savings_lines_replaces FOREIGN KEY (organisation_id, replaces_id)
          REFERENCES savings_lines (organisation_id, id) ON DELETE SET NULL (replaces_id);
      UPDATE savings_lines SET original_planned = planned;
      ALTER TABLE savings_lines ALTER COLUMN original_planned SET NOT NULL;

      CREATE TABLE savings_changes (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        savings_line_id uuid NOT NULL,
        on_date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('REFORECAST','CONFIDENCE','REPHASED_OUT','REPHASED_IN','WRITTEN_OFF')),
        amount numeric(15,2),
        other_year smallint,
        forecast_before numeric(15,2),
        forecast_after numeric(15,2),
        confidence_before text,
        confidence_after text,
        reason text,
        resolution_id uuid,
        recorded_by text NOT NULL,
        CONSTRAINT pk_savings_changes PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_savings_changes_line FOREIGN KEY (organisation_id, savings_line_id)
          REFERENCES savings_lines (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_savings_changes_resolution FOREIGN KEY (organisation_id, resolution_id)
          REFERENCES resolutions (organisation_id, id) ON DELETE SET NULL (resolution_id)
      );
      CREATE INDEX ix_savings_changes_line ON savings_changes (organisation_id, savings_line_id, on_date DESC, seq DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE savings_changes;
      ALTER TABLE savings_lines DROP COLUMN replaces_id, DROP COLUMN written_off, DROP COLUMN original_planned;
    `);
  }
}
