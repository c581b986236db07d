import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole data model of the register.
 *
 * Every table carries organisation_id and leads its primary key, unique constraints and
 * foreign keys with it, so the schema can be distributed by organisation (e.g. Citus)
 * unchanged. Enumerations are text with CHECK constraints: adding a value is one ALTER.
 * Written for PostgreSQL 15 (the servers we deploy on) and PGlite (PostgreSQL 18).
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE risk_appetites (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        category text NOT NULL,
        max_score smallint NOT NULL CHECK (max_score BETWEEN 1 AND 25),
        CONSTRAINT pk_risk_appetites PRIMARY KEY (organisation_id, category)
      );

      CREATE TABLE users (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN','PROGRAMME_MANAGER','FINANCE','MEMBER')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_users PRIMARY KEY (organisation_id, id)
      );
      CREATE UNIQUE INDEX uq_users_email ON users (organisation_id, lower(email));

      CREATE TABLE api_tokens (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT pk_api_tokens PRIMARY KEY (organisation_id, id),
        CONSTRAINT uq_api_tokens_hash UNIQUE (organisation_id, token_hash),
        CONSTRAINT fk_api_tokens_user FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id)
      );

      CREATE TABLE programmes (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        description text,
        status text NOT NULL DEFAULT 'PROPOSED'
          CHECK (status IN ('PROPOSED','CONSULTATION','APPROVED','IMPLEMENTATION','CLOSED','CANCELLED')),
        owner text,
        start_date date,
        end_date date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_programmes PRIMARY KEY (organisation_id, id),
        CONSTRAINT uq_programmes_code UNIQUE (organisation_id, code)
      );

      CREATE TABLE user_programmes (
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        programme_id uuid NOT NULL,
        CONSTRAINT pk_user_programmes PRIMARY KEY (organisation_id, user_id, programme_id),
        CONSTRAINT fk_user_programmes_user FOREIGN KEY (organisation_id, user_id) REFERENCES users (organisation_id, id),
        CONSTRAINT fk_user_programmes_programme FOREIGN KEY (organisation_id, programme_id) REFERENCES programmes (organisation_id, id)
      );

      CREATE TABLE risks (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL,
        -- programme codes never change, so the list order (score, programme code, reference)
        -- can be served by one index without a join
        programme_code text NOT NULL,
        reference text NOT NULL,
        title text NOT NULL,
        description text,
        category text NOT NULL,
        owner text,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        inherent_likelihood smallint NOT NULL CHECK (inherent_likelihood BETWEEN 1 AND 5),
        inherent_impact smallint NOT NULL CHECK (inherent_impact BETWEEN 1 AND 5),
        current_likelihood smallint NOT NULL CHECK (current_likelihood BETWEEN 1 AND 5),
        current_impact smallint NOT NULL CHECK (current_impact BETWEEN 1 AND 5),
        current_score smallint GENERATED ALWAYS AS (current_likelihood * current_impact) STORED,
        -- the score of the assessment before the current one; null while there is only one
        previous_score smallint,
        target_likelihood smallint CHECK (target_likelihood BETWEEN 1 AND 5),
        target_impact smallint CHECK (target_impact BETWEEN 1 AND 5),
        review_date date,
        confidential boolean NOT NULL DEFAULT false,
        closed_on date,
        closed_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_risks PRIMARY KEY (organisation_id, id),
        CONSTRAINT uq_risks_reference UNIQUE (organisation_id, programme_id, reference),
        CONSTRAINT fk_risks_programme FOREIGN KEY (organisation_id, programme_id) REFERENCES programmes (organisation_id, id),
        CONSTRAINT ck_risks_target CHECK ((target_likelihood IS NULL) = (target_impact IS NULL))
      );
      CREATE INDEX ix_risks_order ON risks (organisation_id, current_score DESC, programme_code, reference);
      CREATE INDEX ix_risks_programme ON risks (organisation_id, programme_id, current_score DESC, reference);

      CREATE TABLE risk_assessments (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        risk_id uuid NOT NULL,
        assessed_on date NOT NULL,
        likelihood smallint NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact smallint NOT NULL CHECK (impact BETWEEN 1 AND 5),
        note text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_risk_assessments PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_risk_assessments_risk FOREIGN KEY (organisation_id, risk_id) REFERENCES risks (organisation_id, id)
      );
      CREATE INDEX ix_risk_assessments_risk ON risk_assessments (organisation_id, risk_id, seq DESC);

      CREATE TABLE mitigations (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        risk_id uuid NOT NULL,
        action text NOT NULL,
        owner text,
        due_date date,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','IN_PROGRESS','COMPLETE','CANCELLED')),
        completed_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_mitigations PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_mitigations_risk FOREIGN KEY (organisation_id, risk_id) REFERENCES risks (organisation_id, id)
      );
      CREATE INDEX ix_mitigations_risk ON mitigations (organisation_id, risk_id, due_date);

      CREATE TABLE savings_lines (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL,
        description text NOT NULL,
        kind text NOT NULL DEFAULT 'SAVING' CHECK (kind IN ('SAVING','ONE_OFF_COST')),
        category text NOT NULL CHECK (category IN ('STAFFING','PREMISES','COMMISSIONING','INCOME','OTHER')),
        -- the calendar year in which the financial year starts: 2018 for 2018/19
        financial_year smallint NOT NULL CHECK (financial_year BETWEEN 1900 AND 2999),
        recurring boolean NOT NULL DEFAULT false,
        planned numeric(15,2) NOT NULL CHECK (planned >= 0),
        forecast numeric(15,2) NOT NULL,
        confidence text NOT NULL DEFAULT 'GREEN' CHECK (confidence IN ('GREEN','AMBER','RED')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_savings_lines PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_savings_lines_programme FOREIGN KEY (organisation_id, programme_id) REFERENCES programmes (organisation_id, id)
      );
      CREATE INDEX ix_savings_lines_programme ON savings_lines (organisation_id, programme_id, financial_year);

      CREATE TABLE savings_deliveries (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        savings_line_id uuid NOT NULL,
        amount numeric(15,2) NOT NULL,
        recorded_on date NOT NULL,
        ledger_reference text,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_savings_deliveries PRIMARY KEY (organisation_id, id),
        CONSTRAINT uq_savings_deliveries_ledger_reference UNIQUE (organisation_id, ledger_reference),
        CONSTRAINT fk_savings_deliveries_line FOREIGN KEY (organisation_id, savings_line_id) REFERENCES savings_lines (organisation_id, id)
      );
      CREATE INDEX ix_savings_deliveries_line ON savings_deliveries (organisation_id, savings_line_id, recorded_on);

      CREATE TABLE milestones (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL,
        title text NOT NULL,
        baseline_date date NOT NULL,
        forecast_date date NOT NULL,
        actual_date date,
        status text NOT NULL DEFAULT 'NOT_STARTED'
          CHECK (status IN ('NOT_STARTED','ON_TRACK','AT_RISK','COMPLETE','MISSED')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_milestones PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_milestones_programme FOREIGN KEY (organisation_id, programme_id) REFERENCES programmes (organisation_id, id),
        CONSTRAINT ck_milestones_complete CHECK (status <> 'COMPLETE' OR actual_date IS NOT NULL)
      );
      CREATE INDEX ix_milestones_order ON milestones (organisation_id, forecast_date, title, id);
      CREATE INDEX ix_milestones_programme ON milestones (organisation_id, programme_id, forecast_date);

      CREATE TABLE committees (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_committees PRIMARY KEY (organisation_id, id)
      );

      CREATE TABLE meetings (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        committee_id uuid NOT NULL,
        date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_meetings PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_meetings_committee FOREIGN KEY (organisation_id, committee_id) REFERENCES committees (organisation_id, id)
      );
      CREATE INDEX ix_meetings_committee ON meetings (organisation_id, committee_id, date DESC);

      CREATE TABLE resolutions (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        -- copied from the meeting (meeting dates never change) so the list order has one index
        meeting_date date NOT NULL,
        committee_id uuid NOT NULL,
        agenda_item text NOT NULL,
        number text NOT NULL DEFAULT '',
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_resolutions PRIMARY KEY (organisation_id, id),
        CONSTRAINT fk_resolutions_meeting FOREIGN KEY (organisation_id, meeting_id) REFERENCES meetings (organisation_id, id)
      );
      CREATE INDEX ix_resolutions_order ON resolutions (organisation_id, meeting_date DESC, agenda_item, number, id);
      CREATE INDEX ix_resolutions_meeting ON resolutions (organisation_id, meeting_id);
    `);

    for (const [table, column, parent] of LINK_TABLES) {
      await q.query(`
        CREATE TABLE ${table} (
          organisation_id uuid NOT NULL,
          resolution_id uuid NOT NULL,
          ${column} uuid NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          CONSTRAINT pk_${table} PRIMARY KEY (organisation_id, resolution_id, ${column}),
          CONSTRAINT fk_${table}_resolution FOREIGN KEY (organisation_id, resolution_id) REFERENCES resolutions (organisation_id, id),
          CONSTRAINT fk_${table}_target FOREIGN KEY (organisation_id, ${column}) REFERENCES ${parent} (organisation_id, id)
        );
        CREATE INDEX ix_${table}_target ON ${table} (organisation_id, ${column});
      `);
    }

    await q.query(`
      CREATE TABLE audit_events (
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        changes jsonb NOT NULL,
        CONSTRAINT pk_audit_events PRIMARY KEY (organisation_id, id)
      );
      CREATE INDEX ix_audit_events_order ON audit_events (organisation_id, seq DESC);
      CREATE INDEX ix_audit_events_entity ON audit_events (organisation_id, entity_id, seq DESC);

      -- The audit trail is append-only whatever connects to the database.
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$;
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events; DROP FUNCTION audit_events_append_only();`);
    for (const [table] of [...LINK_TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
    await q.query(`
      DROP TABLE resolutions; DROP TABLE meetings; DROP TABLE committees;
      DROP TABLE milestones; DROP TABLE savings_deliveries; DROP TABLE savings_lines;
      DROP TABLE mitigations; DROP TABLE risk_assessments; DROP TABLE risks;
      DROP TABLE user_programmes; DROP TABLE programmes; DROP TABLE api_tokens;
      DROP TABLE users; DROP TABLE risk_appetites; DROP TABLE organisations;
    `);
  }
}

const LINK_TABLES: ReadonlyArray<readonly [string, string, string]> = [
  ['resolution_programmes', 'programme_id', 'programmes'],
  ['resolution_risks', 'risk_id', 'risks'],
  ['resolution_milestones', 'milestone_id', 'milestones'],
  ['resolution_savings_lines', 'savings_line_id', 'savings_lines'],
];
