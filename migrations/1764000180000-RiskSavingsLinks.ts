import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Risks linked to the savings they threaten (linkRiskToSavingsLine). Keyed by organisation first,
 * like every table; the index on the line's side serves SavingsLine.threatenedBy and the
 * reconciliation's atRisk. Deleting a risk or a line removes its links first (and audits them),
 * so the foreign keys never cascade unseen.
 */
export class RiskSavingsLinks1764000180000 implements MigrationInterface {
  name = 'RiskSavingsLinks1764000180000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk_savings_lines (
        organisation_id uuid NOT NULL,
        risk_id uuid NOT NULL,
        savings_line_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_risk_savings_lines PRIMARY KEY (organisation_id, risk_id, savings_line_id),
        CONSTRAINT fk_risk_savings_lines_risk FOREIGN KEY (organisation_id, risk_id) REFERENCES risks (organisation_id, id),
        CONSTRAINT fk_risk_savings_lines_line FOREIGN KEY (organisation_id, savings_line_id)
          REFERENCES savings_lines (organisation_id, id)
      );
      CREATE INDEX ix_risk_savings_lines_line ON risk_savings_lines (organisation_id, savings_line_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE risk_savings_lines`);
  }
}
