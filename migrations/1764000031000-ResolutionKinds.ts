import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The committee cycle's resolutions: what kind each is (a decision, a recommendation to another
 * committee, a noting), a recommendation's outcome and the decisions that responded to it; and
 * which agenda items' minutes were imported, so that importing them again writes nothing.
 */
export class ResolutionKinds1764000031000 implements MigrationInterface {
  name = 'ResolutionKinds1764000031000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE resolutions
        ADD COLUMN kind text NOT NULL DEFAULT 'DECISION',
        ADD COLUMN referred_to_committee_id uuid,
        -- PENDING from the start for a RECOMMENDATION, null for other kinds
        ADD COLUMN outcome text,
        ADD CONSTRAINT ck_resolutions_kind CHECK (kind IN ('DECISION', 'RECOMMENDATION', 'NOTED')),
        ADD CONSTRAINT ck_resolutions_outcome CHECK (
          (kind = 'RECOMMENDATION') = (outcome IS NOT NULL)
          AND outcome IN ('PENDING', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED')),
        ADD CONSTRAINT fk_resolutions_referred_to FOREIGN KEY (organisation_id, referred_to_committee_id)
          REFERENCES committees (organisation_id, id);

      CREATE TABLE resolution_responses (
        organisation_id uuid NOT NULL,
        recommendation_id uuid NOT NULL,
        response_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_resolution_responses PRIMARY KEY (organisation_id, recommendation_id, response_id),
        CONSTRAINT fk_resolution_responses_recommendation FOREIGN KEY (organisation_id, recommendation_id)
          REFERENCES resolutions (organisation_id, id),
        CONSTRAINT fk_resolution_responses_response FOREIGN KEY (organisation_id, response_id)
          REFERENCES resolutions (organisation_id, id)
      );
      CREATE INDEX ix_resolution_responses_response ON resolution_responses (organisation_id, response_id);

      -- one import per meeting and agenda item (its title, ignoring case): the key makes a
      -- second import, even a concurrent one, write nothing
      CREATE TABLE minutes_imports (
        organisation_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        agenda_key text NOT NULL,
        -- the resolutions written, in the order of the text
        resolution_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_minutes_imports PRIMARY KEY (organisation_id, meeting_id, agenda_key),
        CONSTRAINT fk_minutes_imports_meeting FOREIGN KEY (organisation_id, meeting_id) REFERENCES meetings (organisation_id, id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE minutes_imports;
      DROP TABLE resolution_responses;
      ALTER TABLE resolutions DROP CONSTRAINT fk_resolutions_referred_to, DROP CONSTRAINT ck_resolutions_outcome,
        DROP CONSTRAINT ck_resolutions_kind, DROP COLUMN outcome, DROP COLUMN referred_to_committee_id, DROP COLUMN kind;
    `);
  }
}
