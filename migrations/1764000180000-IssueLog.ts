import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The issue log: problems that have happened, raised directly or from a risk that happened
 * (from_risk_id; deleting that risk as entered in error clears it), and their links to
 * resolutions. The list's order (status, priority RED first, programme code, reference) is one
 * index: priority_rank holds RED as 0, and programme codes never change, so the code is copied
 * as risks copy it.
 */
export class IssueLog1764000180000 implements MigrationInterface {
  name = 'IssueLog1764000180000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE issues (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL,
        programme_code text NOT NULL,
        reference text NOT NULL,
        title text NOT NULL,
        description text,
        owner text,
        priority text NOT NULL,
        priority_rank smallint GENERATED ALWAYS AS (CASE priority WHEN 'RED' THEN 0 WHEN 'AMBER' THEN 1 ELSE 2 END) STORED,
        status text NOT NULL DEFAULT 'OPEN',
        raised_on date NOT NULL,
        resolved_on date,
        resolution_note text,
        from_risk_id uuid,
        confidential boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_issues PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_issues_programme FOREIGN KEY (organisation_id, programme_id) REFERENCES programmes (organisation_id, id),
        CONSTRAINT fk_issues_risk FOREIGN KEY (organisation_id, from_risk_id) REFERENCES risks (organisation_id, id),
        CONSTRAINT ck_issues_priority CHECK (priority IN ('GREEN','AMBER','RED')),
        CONSTRAINT ck_issues_status CHECK (status IN ('OPEN','RESOLVED')),
        CONSTRAINT ck_issues_resolved CHECK ((status = 'RESOLVED') = (resolved_on IS NOT NULL))
      );
      CREATE UNIQUE INDEX uq_issues_reference_ci ON issues (organisation_id, programme_id, lower(reference));
      CREATE INDEX ix_issues_list ON issues (organisation_id, status, priority_rank, programme_code, reference, id);
      CREATE INDEX ix_issues_programme ON issues (organisation_id, programme_id, raised_on DESC, reference);
      CREATE INDEX ix_issues_risk ON issues (organisation_id, from_risk_id) WHERE from_risk_id IS NOT NULL;

      CREATE TABLE resolution_issues (
        organisation_id uuid NOT NULL,
        resolution_id uuid NOT NULL,
        issue_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_resolution_issues PRIMARY KEY (organisation_id, resolution_id, issue_id),
        CONSTRAINT fk_resolution_issues_resolution FOREIGN KEY (organisation_id, resolution_id) REFERENCES resolutions (organisation_id, id),
        CONSTRAINT fk_resolution_issues_target FOREIGN KEY (organisation_id, issue_id) REFERENCES issues (organisation_id, id)
      );
      CREATE INDEX ix_resolution_issues_target ON resolution_issues (organisation_id, issue_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resolution_issues; DROP TABLE issues;`);
  }
}
