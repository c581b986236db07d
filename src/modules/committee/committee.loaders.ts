import { BATCH_KEY, byKeys, Keyed, loaderById, loaderOfLists, loaderPerVariant } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../loaders';
import { programmeProjection, ProgrammeRow } from '../programme/programme.entity';
import { CommitteeRow, meetingColumns, MeetingRow, resolutionColumns, resolutionOrder, ResolutionRow } from './committee.entity';

export function committeeLoaders(reads: ReadBatch, scope: Scope) {
  const org = scope.organisationId;
  return {
    committeeById: loaderById<CommitteeRow>((ids) =>
      reads.rows(`SELECT id, name FROM committees WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, [org, ids]),
    ),
    meetingsByCommitteeId: loaderOfLists<MeetingRow>((ids): Promise<Keyed<MeetingRow>[]> =>
      reads.rows(
        `SELECT ${BATCH_KEY}, ${meetingColumns('m')} FROM ${byKeys('meetings', 'm', 'committee_id')}
            ORDER BY m.date DESC, m.id`,
        [org, ids],
      ),
    ),
    resolutionsByMeetingId: loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        `SELECT ${BATCH_KEY}, ${resolutionColumns('r')} FROM ${byKeys('resolutions', 'r', 'meeting_id')}
            ORDER BY ${resolutionOrder('r')}`,
        [org, ids],
      ),
    ),
    resolutionsByProgrammeId: loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        `SELECT ${BATCH_KEY}, ${resolutionColumns('r')}
             FROM ${byKeys('resolution_programmes', 'l', 'programme_id')}
             JOIN resolutions r ON r.organisation_id = l.organisation_id AND r.id = l.resolution_id
            ORDER BY ${resolutionOrder('r')}`,
        [org, ids],
      ),
    ),
    /** A resolution's programmes by code, with the fields asked for. */
    programmesByResolutionId: loaderPerVariant((fields: readonly (keyof ProgrammeRow & string)[]) =>
      loaderOfLists<ProgrammeRow>((ids): Promise<Keyed<ProgrammeRow>[]> =>
        reads.rows(
          `SELECT ${BATCH_KEY}, ${programmeProjection.sql(fields, 'p')}
               FROM ${byKeys('resolution_programmes', 'l', 'resolution_id')}
               JOIN programmes p ON p.organisation_id = l.organisation_id AND p.id = l.programme_id
              ORDER BY p.code`,
          [org, ids],
        ),
      ),
    ),
  };
}
