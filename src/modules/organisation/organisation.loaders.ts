import DataLoader from 'dataloader';
import { Scope } from '../../auth/scope';
import { loaderById } from '../../db/batch';
import { Db } from '../../db/db';
import { sql } from '../../db/sql';
import {
  Appetite,
  DEFAULT_APPETITE,
  organisationColumns,
  OrganisationRow,
  RISK_CATEGORIES,
  userColumns,
  UserRow,
} from './organisation.entity';

export function organisationLoaders(db: Db, scope: Scope) {
  return {
    organisationById: loaderById<OrganisationRow>((ids) =>
      db.rows(sql`SELECT ${organisationColumns} FROM organisations WHERE id = ${scope.org} AND id = ANY(${ids}::uuid[])`),
    ),
    userById: loaderById<UserRow>((ids) =>
      db.rows(sql`SELECT ${userColumns('u')} FROM users u WHERE u.organisation_id = ${scope.org} AND u.id = ANY(${ids}::uuid[])`),
    ),
    /** The organisation's appetite per category, defaults filled in. */
    appetite: new DataLoader<string, Appetite>(async (organisationIds) => {
      const rows = await db.rows<{ category: string; max_score: number }>(
        sql`SELECT category, max_score FROM risk_appetites WHERE organisation_id = ${scope.org}`,
      );
      const appetite = new Map<string, number>(RISK_CATEGORIES.map((c) => [c, DEFAULT_APPETITE]));
      for (const row of rows) appetite.set(row.category, row.max_score);
      return organisationIds.map(() => appetite);
    }),
  };
}
