import { BATCH_KEY, byKeys, Keyed, loaderById, loaderOfLists, loaderPerVariant } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { sql } from '../../db/sql';
import { programmeProjection, ProgrammeRow } from '../programme/programme.entity';
import { CommitteeRow, meetingColumns, MeetingRow, resolutionColumns, resolutionOrder, ResolutionRow } from './committee.entity';

export function committeeLoaders(reads: ReadBatch, scope: Scope) {
  return {
    committeeById: loaderById<CommitteeRow>((ids) =>
      reads.rows(sql`SELECT id, name FROM committees WHERE organisation_id = ${scope.org} AND id = ANY(${ids}::uuid[])`),
    ),
    meetingsByCommitteeId: loaderOfLists<MeetingRow>((ids): Promise<Keyed<MeetingRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${meetingColumns('m')} FROM ${byKeys('meetings', 'm', 'committee_id', scope, ids)}
            ORDER BY m.date DESC, m.id`,
      ),
    ),
    resolutionsByMeetingId: loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${resolutionColumns('r')} FROM ${byKeys('resolutions', 'r', 'meeting_id', scope, ids)}
            ORDER BY ${resolutionOrder('r')}`,
      ),
    ),
    resolutionsByProgrammeId: loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${resolutionColumns('r')}
             FROM ${byKeys('resolution_programmes', 'l', 'programme_id', scope, ids)}
             JOIN resolutions r ON r.organisation_id = l.organisation_id AND r.id = l.resolution_id
            ORDER BY ${resolutionOrder('r')}`,
      ),
    ),
    /** A resolution's programmes by code, with the fields asked for. */
    programmesByResolutionId: loaderPerVariant((fields: readonly (keyof ProgrammeRow & string)[]) =>
      loaderOfLists<ProgrammeRow>((ids): Promise<Keyed<ProgrammeRow>[]> =>
        reads.rows(
          sql`SELECT ${BATCH_KEY}, ${programmeProjection.select(fields, 'p')}
               FROM ${byKeys('resolution_programmes', 'l', 'resolution_id', scope, ids)}
               JOIN programmes p ON p.organisation_id = l.organisation_id AND p.id = l.programme_id
              ORDER BY p.code`,
        ),
      ),
    ),
  };
}
