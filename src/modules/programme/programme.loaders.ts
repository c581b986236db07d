import { BATCH_KEY, byKeys, loaderById, loaderOfLists, Keyed } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../loaders';
import { programmeColumns, ProgrammeRow } from './programme.entity';

export function programmeLoaders(reads: ReadBatch, scope: Scope) {
  return {
    programmeById: loaderById<ProgrammeRow>((ids) =>
      reads.rows(`SELECT ${programmeColumns('p')} FROM ${byKeys('programmes', 'p', 'id')}`, [scope.organisationId, ids]),
    ),
    /** The programmes a user is assigned to, by code. */
    programmesByUserId: loaderOfLists<ProgrammeRow>((userIds): Promise<Keyed<ProgrammeRow>[]> =>
      reads.rows(
        `SELECT ${BATCH_KEY}, ${programmeColumns('p')}
             FROM ${byKeys('user_programmes', 'up', 'user_id')}
             JOIN programmes p ON p.organisation_id = up.organisation_id AND p.id = up.programme_id
            ORDER BY p.code`,
        [scope.organisationId, userIds],
      ),
    ),
  };
}
