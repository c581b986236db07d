import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme health: a programme manager's RAG reports on the programme as a whole, each speaking
 * for a business day (as_of) and signed with the recorder's email. seq, an identity, orders the
 * reports of one day as they were recorded, exactly (recorded_at can tie within a transaction or
 * a clock tick). One index serves both reads: the latest report and the history, newest first.
 */
export class ProgrammeHealth1764000185000 implements MigrationInterface {
  name = 'ProgrammeHealth1764000185000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme_health_reports (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- orders reports with the same as_of: the one recorded later first
        seq bigint GENERATED ALWAYS AS IDENTITY,
        programme_id uuid NOT NULL,
        rating text NOT NULL,
        commentary text NOT NULL,
        as_of date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_programme_health_reports PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_programme_health_reports_programme FOREIGN KEY (organisation_id, programme_id)
          REFERENCES programmes (organisation_id, id),
        CONSTRAINT ck_programme_health_reports_rating CHECK (rating IN ('GREEN','AMBER','RED'))
      );
      CREATE INDEX ix_programme_health_reports_programme
        ON programme_health_reports (organisation_id, programme_id, as_of DESC, seq DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme_health_reports;`);
  }
}
