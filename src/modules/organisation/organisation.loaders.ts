import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { loaderById } from '../../db/batch';
import { Scope } from '../../loaders';
import { Appetite, DEFAULT_APPETITE, OrganisationRow, RISK_CATEGORIES, userColumns, UserRow } from './organisation.entity';

export function organisationLoaders(db: DataSource, scope: Scope) {
  return {
    organisationById: loaderById<OrganisationRow>((ids) =>
      db.query(`SELECT id, name FROM organisations WHERE id = $1 AND id = ANY($2::uuid[])`, [scope.organisationId, ids]),
    ),
    userById: loaderById<UserRow>((ids) =>
      db.query(`SELECT ${userColumns('u')} FROM users u WHERE u.organisation_id = $1 AND u.id = ANY($2::uuid[])`, [
        scope.organisationId,
        ids,
      ]),
    ),
    /** The organisation's appetite per category, defaults filled in. */
    appetite: new DataLoader<string, Appetite>(async (organisationIds) => {
      const rows: { category: string; max_score: number }[] = await db.query(
        `SELECT category, max_score FROM risk_appetites WHERE organisation_id = $1`,
        [scope.organisationId],
      );
      const appetite = new Map<string, number>(RISK_CATEGORIES.map((c) => [c, DEFAULT_APPETITE]));
      for (const row of rows) appetite.set(row.category, row.max_score);
      return organisationIds.map(() => appetite);
    }),
  };
}
