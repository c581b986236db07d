import { DataSource } from 'typeorm';
import { loaderById, loaderOfLists, Keyed } from '../../db/batch';
import { Scope } from '../../loaders';
import { programmeColumns, ProgrammeRow } from './programme.entity';

export function programmeLoaders(db: DataSource, scope: Scope) {
  return {
    programmeById: loaderById<ProgrammeRow>((ids) =>
      db.query(`SELECT ${programmeColumns('p')} FROM programmes p WHERE p.organisation_id = $1 AND p.id = ANY($2::uuid[])`, [
        scope.organisationId,
        ids,
      ]),
    ),
    /** The programmes a user is assigned to, by code. */
    programmesByUserId: loaderOfLists<ProgrammeRow>(
      (userIds): Promise<Keyed<ProgrammeRow>[]> =>
        db.query(
          `SELECT up.user_id AS _key, ${programmeColumns('p')}
             FROM user_programmes up
             JOIN programmes p ON p.organisation_id = up.organisation_id AND p.id = up.programme_id
            WHERE up.organisation_id = $1 AND up.user_id = ANY($2::uuid[])
            ORDER BY p.code`,
          [scope.organisationId, userIds],
        ),
    ),
  };
}
