import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Business dates on risks. identified_on is the day the risk was identified, its inherent
 * assessment's assessed_on (filled here from each risk's first recorded assessment). The current
 * score and the one before it now follow assessed_on (on the same day, the order recorded), not the
 * order typed: an August review typed after October's is history, not the current score. Existing
 * risks get current and previous recomputed so; no assessment row changes.
 */
export class RiskDates1764000041100 implements MigrationInterface {
  name = 'RiskDates1764000041100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE risks ADD COLUMN identified_on date;
      UPDATE risks r SET identified_on = coalesce(
        (SELECT a.assessed_on FROM risk_assessments a
          WHERE a.organisation_id = r.organisation_id AND a.risk_id = r.id ORDER BY a.seq LIMIT 1),
        (r.created_at AT TIME ZONE 'Europe/London')::date);
      ALTER TABLE risks ALTER COLUMN identified_on SET NOT NULL;

      CREATE INDEX ix_risk_assessments_order ON risk_assessments (organisation_id, risk_id, assessed_on DESC, seq DESC);
      DROP INDEX ix_risk_assessments_risk;

      WITH ranked AS (
        SELECT a.organisation_id, a.risk_id, a.likelihood, a.impact,
               row_number() OVER (PARTITION BY a.organisation_id, a.risk_id ORDER BY a.assessed_on DESC, a.seq DESC) AS n
          FROM risk_assessments a
      ), latest AS (
        SELECT c.organisation_id, c.risk_id, c.likelihood, c.impact, p.likelihood * p.impact AS previous_score
          FROM ranked c LEFT JOIN ranked p ON p.organisation_id = c.organisation_id AND p.risk_id = c.risk_id AND p.n = 2
         WHERE c.n = 1
      )
      UPDATE risks r SET current_likelihood = l.likelihood, current_impact = l.impact, previous_score = l.previous_score
        FROM latest l
       WHERE r.organisation_id = l.organisation_id AND r.id = l.risk_id
         AND (r.current_likelihood, r.current_impact, r.previous_score) IS DISTINCT FROM (l.likelihood, l.impact, l.previous_score);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX ix_risk_assessments_risk ON risk_assessments (organisation_id, risk_id, seq DESC);
      DROP INDEX ix_risk_assessments_order;
      ALTER TABLE risks DROP COLUMN identified_on;
    `);
  }
}
