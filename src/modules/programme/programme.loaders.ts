import { Scope } from '../../auth/scope';
import { BATCH_KEY, byKeys, loaderById, loaderOfLists, Keyed } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { sql } from '../../db/sql';
import { programmeColumns, ProgrammeRow } from './programme.entity';

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
  };
}
