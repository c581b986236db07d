import { DataSource } from 'typeorm';
import { Keyed, loaderById, loaderOfLists } from '../../db/batch';
import { Scope } from '../../loaders';
import { programmeColumns, ProgrammeRow } from '../programme/programme.entity';
import { CommitteeRow, meetingColumns, MeetingRow, resolutionColumns, resolutionOrder, ResolutionRow } from './committee.entity';

export function committeeLoaders(db: DataSource, scope: Scope) {
  const org = scope.organisationId;
  return {
    committeeById: loaderById<CommitteeRow>((ids) =>
      db.query(`SELECT id, name FROM committees WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, [org, ids]),
    ),
    meetingById: loaderById<MeetingRow>((ids) =>
      db.query(`SELECT ${meetingColumns('m')} FROM meetings m WHERE m.organisation_id = $1 AND m.id = ANY($2::uuid[])`, [org, ids]),
    ),
    meetingsByCommitteeId: loaderOfLists<MeetingRow>(
      (ids): Promise<Keyed<MeetingRow>[]> =>
        db.query(
          `SELECT m.committee_id AS _key, ${meetingColumns('m')} FROM meetings m
            WHERE m.organisation_id = $1 AND m.committee_id = ANY($2::uuid[]) ORDER BY m.date DESC, m.id`,
          [org, ids],
        ),
    ),
    resolutionsByMeetingId: loaderOfLists<ResolutionRow>(
      (ids): Promise<Keyed<ResolutionRow>[]> =>
        db.query(
          `SELECT r.meeting_id AS _key, ${resolutionColumns('r')} FROM resolutions r
            WHERE r.organisation_id = $1 AND r.meeting_id = ANY($2::uuid[]) ORDER BY ${resolutionOrder('r')}`,
          [org, ids],
        ),
    ),
    resolutionsByProgrammeId: loaderOfLists<ResolutionRow>(
      (ids): Promise<Keyed<ResolutionRow>[]> =>
        db.query(
          `SELECT l.programme_id AS _key, ${resolutionColumns('r')}
             FROM resolution_programmes l
             JOIN resolutions r ON r.organisation_id = l.organisation_id AND r.id = l.resolution_id
            WHERE l.organisation_id = $1 AND l.programme_id = ANY($2::uuid[]) ORDER BY ${resolutionOrder('r')}`,
          [org, ids],
        ),
    ),
    programmesByResolutionId: loaderOfLists<ProgrammeRow>(
      (ids): Promise<Keyed<ProgrammeRow>[]> =>
        db.query(
          `SELECT l.resolution_id AS _key, ${programmeColumns('p')}
             FROM resolution_programmes l
             JOIN programmes p ON p.organisation_id = l.organisation_id AND p.id = l.programme_id
            WHERE l.organisation_id = $1 AND l.resolution_id = ANY($2::uuid[]) ORDER BY p.code`,
          [org, ids],
        ),
    ),
  };
}
