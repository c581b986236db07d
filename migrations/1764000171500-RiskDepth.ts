import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Risks as councils write them: cause, effect, the chosen treatment and proximity; the
 * organisation's escalation threshold (15 until an ADMIN sets it), at or above which an open risk
 * is on the corporate register. Mitigations are ACTIONs or CONTROLs (a control rates its
 * effectiveness, an action has none), keep the first due date they were given, and take progress
 * notes. Existing mitigations are ACTIONs whose baseline is their due date as it stands.
 */
export class RiskDepth1764000171500 implements MigrationInterface {
  name = 'RiskDepth1764000171500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations ADD COLUMN escalation_threshold smallint NOT NULL DEFAULT 15
        CONSTRAINT ck_organisations_escalation_threshold CHECK (escalation_threshold BETWEEN 1 AND 25);

      ALTER TABLE risks ADD COLUMN cause text, ADD COLUMN effect text,
        ADD COLUMN treatment text CONSTRAINT ck_risks_treatment CHECK (treatment IN ('TOLERATE','TREAT','TRANSFER','TERMINATE')),
        ADD COLUMN proximity date;

      ALTER TABLE mitigations ADD COLUMN kind text NOT NULL DEFAULT 'ACTION'
          CONSTRAINT ck_mitigations_kind CHECK (kind IN ('ACTION','CONTROL')),
        ADD COLUMN effectiveness text
          CONSTRAINT ck_mitigations_effectiveness_value CHECK (effectiveness IN ('NOT_ASSESSED','EFFECTIVE','PARTLY_EFFECTIVE','INEFFECTIVE')),
        ADD COLUMN baseline_due_date date,
        -- a control always rates its effectiveness (NOT_ASSESSED until assessed); an action never does
        ADD CONSTRAINT ck_mitigations_effectiveness CHECK ((kind = 'CONTROL') = (effectiveness IS NOT NULL));
      UPDATE mitigations SET baseline_due_date = due_date WHERE due_date IS NOT NULL;

      CREATE TABLE mitigation_updates (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- orders notes recorded on the same day
        seq bigint GENERATED ALWAYS AS IDENTITY,
        mitigation_id uuid NOT NULL,
        on_date date NOT NULL,
        note text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_mitigation_updates PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_mitigation_updates_mitigation FOREIGN KEY (organisation_id, mitigation_id)
          REFERENCES mitigations (organisation_id, id) ON DELETE CASCADE
      );
      CREATE INDEX ix_mitigation_updates_mitigation ON mitigation_updates (organisation_id, mitigation_id, on_date DESC, seq DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE mitigation_updates;
      ALTER TABLE mitigations DROP CONSTRAINT ck_mitigations_effectiveness,
        DROP COLUMN baseline_due_date, DROP COLUMN effectiveness, DROP COLUMN kind;
      ALTER TABLE risks DROP COLUMN proximity, DROP COLUMN treatment, DROP COLUMN effect, DROP COLUMN cause;
      ALTER TABLE organisations DROP COLUMN escalation_threshold;
    `);
  }
}
