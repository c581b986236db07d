import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The decision trail's uniqueness rules: a committee's name within its organisation (ignoring case
 * and surrounding spaces; names are stored trimmed), one meeting per committee and date, and a
 * resolution's number within its meeting's agenda item (ignoring case; numbers are stored
 * trimmed, and absent ones never collide).
 *
 * Registers kept before these rules may already hold duplicates ("Scrutiny " beside "Scrutiny", a
 * second meeting on one date). This migration deletes, merges and renames nothing (every row and
 * everything hanging from it stays as it is) apart from trimming committee names:
 * - in each set of duplicates the row recorded first keeps the key; each later one is marked
 *   `kept_duplicate`, which leaves it out of the unique index (so it still reads as before) and
 *   records an audit event `<type>.keptDuplicate` naming the row it duplicates, by which an ADMIN
 *   finds it in auditTrail;
 * - a trimmed committee name is recorded as a `committee.updated` event;
 * - a marked row loses its mark when its key is corrected (updateCommittee's name, updateMeeting's
 *   date, updateResolution's agenda item or number), and the correction is CONFLICT if the new key
 *   is taken; deleteResolution removes a duplicate resolution outright.
 * Events written here carry the actor "migration DecisionTrailUniqueness" and no user.
 */
export class DecisionTrailUniqueness1764000042000 implements MigrationInterface {
  name = 'DecisionTrailUniqueness1764000042000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      WITH trimmed AS (
        UPDATE committees c SET name = regexp_replace(c.name, '^\\s+|\\s+$', '', 'g')
          FROM committees old
         WHERE old.organisation_id = c.organisation_id AND old.id = c.id AND c.name ~ '^\\s|\\s$'
        RETURNING c.organisation_id, c.id, old.name AS was_name, c.name AS now_name
      )
      INSERT INTO audit_events (organisation_id, actor, action, entity_type, entity_id, changes)
      SELECT organisation_id, 'migration DecisionTrailUniqueness', 'committee.updated', 'Committee', id,
             jsonb_build_object('name', jsonb_build_array(was_name, now_name))
        FROM trimmed;

      ALTER TABLE committees ADD COLUMN kept_duplicate boolean NOT NULL DEFAULT false;
      ALTER TABLE meetings ADD COLUMN kept_duplicate boolean NOT NULL DEFAULT false;
      ALTER TABLE resolutions ADD COLUMN kept_duplicate boolean NOT NULL DEFAULT false;
    `);
    await this.markDuplicates(q, 'committees', 'Committee', 'committee', 'organisation_id, lower(name)');
    await this.markDuplicates(q, 'meetings', 'Meeting', 'meeting', 'organisation_id, committee_id, date');
    await this.markDuplicates(
      q,
      'resolutions',
      'Resolution',
      'resolution',
      'organisation_id, meeting_id, agenda_item, lower(number)',
      "number <> ''",
    );
    await q.query(`
      CREATE UNIQUE INDEX uq_committees_name ON committees (organisation_id, lower(name)) WHERE NOT kept_duplicate;
      CREATE UNIQUE INDEX uq_meetings_date ON meetings (organisation_id, committee_id, date) WHERE NOT kept_duplicate;
      CREATE UNIQUE INDEX uq_resolutions_number ON resolutions (organisation_id, meeting_id, agenda_item, lower(number))
        WHERE number <> '' AND NOT kept_duplicate;
    `);
  }

  /** Marks every row but the first recorded of each set sharing `key`, with an audit event naming that first. */
  private async markDuplicates(q: QueryRunner, table: string, type: string, noun: string, key: string, only = 'true') {
    await q.query(`
      WITH ranked AS (
        SELECT organisation_id, id,
               first_value(id) OVER (PARTITION BY ${key} ORDER BY created_at, id) AS first_id,
               row_number() OVER (PARTITION BY ${key} ORDER BY created_at, id) AS n
          FROM ${table} WHERE ${only}
      ), marked AS (
        UPDATE ${table} t SET kept_duplicate = true FROM ranked
         WHERE ranked.n > 1 AND t.organisation_id = ranked.organisation_id AND t.id = ranked.id
        RETURNING t.organisation_id, t.id, ranked.first_id
      )
      INSERT INTO audit_events (organisation_id, actor, action, entity_type, entity_id, changes)
      SELECT organisation_id, 'migration DecisionTrailUniqueness', '${noun}.keptDuplicate', '${type}', id,
             jsonb_build_object('keptDuplicate', jsonb_build_array(false, true), 'duplicateOf', jsonb_build_array(NULL, first_id))
        FROM marked;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX uq_resolutions_number;
      DROP INDEX uq_meetings_date;
      DROP INDEX uq_committees_name;
      ALTER TABLE resolutions DROP COLUMN kept_duplicate;
      ALTER TABLE meetings DROP COLUMN kept_duplicate;
      ALTER TABLE committees DROP COLUMN kept_duplicate;
    `);
  }
}
