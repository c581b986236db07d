import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Committee actions: what an officer undertook at a meeting, or the committee asked for (a
 * dashboard to be circulated, impact to be reported back in six months), optionally arising from a
 * resolution of that meeting and about a programme, with the post responsible, a due date and the
 * committee it comes back to. seq is the order recorded. Deleting the resolution an action arose
 * from leaves the action without it (deleteResolution clears the reference and records it); no
 * meeting, committee or programme is deleted.
 */
export class CommitteeActions1764000175300 implements MigrationInterface {
  name = 'CommitteeActions1764000175300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE committee_actions (
        organisation_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        meeting_id uuid NOT NULL,
        resolution_id uuid,
        programme_id uuid,
        text text NOT NULL CHECK (btrim(text) <> ''),
        owner text,
        due_date date,
        report_to_committee_id uuid,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'DROPPED')),
        completed_on date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_committee_actions PRIMARY KEY (organisation_id, id),
        CONSTRAINT ck_committee_actions_done CHECK (status <> 'DONE' OR completed_on IS NOT NULL),
        CONSTRAINT fk_committee_actions_meeting FOREIGN KEY (organisation_id, meeting_id) REFERENCES meetings (organisation_id, id),
        CONSTRAINT fk_committee_actions_resolution FOREIGN KEY (organisation_id, resolution_id) REFERENCES resolutions (organisation_id, id),
        CONSTRAINT fk_committee_actions_programme FOREIGN KEY (organisation_id, programme_id) REFERENCES programmes (organisation_id, id),
        CONSTRAINT fk_committee_actions_report_to FOREIGN KEY (organisation_id, report_to_committee_id)
          REFERENCES committees (organisation_id, id)
      );
      -- the relations (Meeting.actions, Resolution.actions in the order recorded; Programme.actions)
      -- and the committeeId filter (given at a meeting of the committee, or reporting to it)
      CREATE INDEX ix_committee_actions_meeting ON committee_actions (organisation_id, meeting_id, seq);
      CREATE INDEX ix_committee_actions_resolution ON committee_actions (organisation_id, resolution_id, seq);
      CREATE INDEX ix_committee_actions_programme ON committee_actions (organisation_id, programme_id, due_date);
      CREATE INDEX ix_committee_actions_report_to ON committee_actions (organisation_id, report_to_committee_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE committee_actions;`);
  }
}
