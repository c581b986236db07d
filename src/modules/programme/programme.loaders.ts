import { Scope } from '../../auth/scope';
import { BATCH_KEY, byKeys, loaderById, loaderOfLists, Keyed } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { sql } from '../../db/sql';
import {
  programmeColumns,
  programmeHealthColumns,
  programmeHealthOrder,
  ProgrammeHealthRow,
  ProgrammeRow,
} from './programme.entity';

export function programmeLoaders(reads: ReadBatch, scope: Scope) {
  return {
    programmeById: loaderById<ProgrammeRow>((ids) =>
      reads.rows(sql`SELECT ${programmeColumns('p')} FROM ${byKeys('programmes', 'p', 'id', scope, ids)}`),
    ),
    /** The programmes a user is assigned to, by code. */
    programmesByUserId: loaderOfLists<ProgrammeRow>((userIds): Promise<Keyed<ProgrammeRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${programmeColumns('p')}
             FROM ${byKeys('user_programmes', 'up', 'user_id', scope, userIds)}
             JOIN programmes p ON p.organisation_id = up.organisation_id AND p.id = up.programme_id
            ORDER BY p.code`,
      ),
    ),
    /** A programme's health reports, newest asOf first (on the same day, the one recorded later first). */
    healthHistoryByProgrammeId: loaderOfLists<ProgrammeHealthRow>((ids): Promise<Keyed<ProgrammeHealthRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${programmeHealthColumns('h')} FROM ${byKeys('programme_health_reports', 'h', 'programme_id', scope, ids)}
            ORDER BY ${programmeHealthOrder('h')}`,
      ),
    ),
    /**
     * A programme's latest health report, as a list of at most one: the first of the history's
     * order per programme (DISTINCT ON), so a list of programmes asking only for their health
     * does not read every report of each.
     */
    latestHealthByProgrammeId: loaderOfLists<ProgrammeHealthRow>((ids): Promise<Keyed<ProgrammeHealthRow>[]> =>
      reads.rows(
        sql`SELECT DISTINCT ON (batch.n) ${BATCH_KEY}, ${programmeHealthColumns('h')}
              FROM ${byKeys('programme_health_reports', 'h', 'programme_id', scope, ids)}
             ORDER BY batch.n, ${programmeHealthOrder('h')}`,
      ),
    ),
  };
}
