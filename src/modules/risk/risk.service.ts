import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { Scope } from '../../loaders';
import { connection, decodeCursor, encodeCursor, pageSize } from '../../paging';
import { londonToday } from '../../values/calendar-date';
import { containsPattern, isId } from '../../validation';
import { callerScope, reviewOverdueSql, riskColumns, riskOrder, RiskRow, visibleRisks, withinAppetiteSql } from './risk.entity';
import { ratingSql } from './score';

export interface RiskFilter {
  programmeId?: string | null;
  status?: string[] | null;
  category?: string[] | null;
  minScore?: number | null;
  rating?: string[] | null;
  withinAppetite?: boolean | null;
  reviewOverdue?: boolean | null;
  search?: string | null;
}

/**
 * The WHERE conditions of a RiskFilter for the risks `r` a scope may see, their values pushed
 * onto params (whose $1 is the organisation); null when the filter can match nothing.
 */
export function riskConditions(
  r: string,
  scope: Scope,
  filter: RiskFilter | null | undefined,
  params: unknown[],
): string[] | null {
  const f = filter ?? {};
  const where = [visibleRisks(r, scope)];
  if (f.programmeId != null) {
    if (!isId(f.programmeId)) return null;
    where.push(`${r}.programme_id = $${params.push(f.programmeId)}::uuid`);
  }
  // one status (the usual open risks) as an equality, so the list and its count use ix_risks_status_list
  if (f.status != null && f.status.length === 1) where.push(`${r}.status = $${params.push(f.status[0])}::text`);
  else if (f.status != null) where.push(`${r}.status = ANY($${params.push(f.status)}::text[])`);
  if (f.category != null) where.push(`${r}.category = ANY($${params.push(f.category)}::text[])`);
  if (f.minScore != null) where.push(`${r}.current_score >= $${params.push(f.minScore)}::int`);
  if (f.rating != null) where.push(ratingSql(`${r}.current_score`, f.rating));
  if (f.withinAppetite != null) where.push(`${f.withinAppetite ? '' : 'NOT '}${withinAppetiteSql(r)}`);
  if (f.reviewOverdue != null)
    where.push(`${f.reviewOverdue ? '' : 'NOT '}${reviewOverdueSql(r, `$${params.push(londonToday())}`)}`);
  if (f.search) {
    const n = params.push(containsPattern(f.search));
    where.push(`(${r}.reference ILIKE $${n} OR ${r}.title ILIKE $${n} OR ${r}.description ILIKE $${n})`);
  }
  return where;
}

/** `risks`: every filter combined, by current score then programme code and reference, keyset-paginated. */
export async function listRisks(
  ctx: Context,
  args: { filter?: RiskFilter | null; first?: number | null; after?: string | null },
) {
  const caller = requireCaller(ctx);
  const first = pageSize(args.first);
  const cursor = decodeCursor('risks', args.after, ['number', 'string', 'string']);
  const params: unknown[] = [caller.organisationId];
  const where = riskConditions('r', callerScope(caller), args.filter, params);
  if (!where)
    return connection<RiskRow>(
      [],
      first,
      () => '',
      async () => 0,
    );
  const filter = where.join(' AND ');
  const countParams = [...params];
  let keyset = '';
  if (cursor) {
    // one row comparison in the list's order: the index seeks straight to the cursor
    const [score, code, reference] = [params.push(-cursor[0]), params.push(cursor[1]), params.push(cursor[2])];
    keyset = ` AND (-r.current_score, r.programme_code, r.reference) > ($${score}::int, $${code}::text, $${reference}::text)`;
  }
  const rows: RiskRow[] = await ctx.db.query(
    `SELECT ${riskColumns('r')} FROM risks r WHERE ${filter}${keyset} ORDER BY ${riskOrder('r')} LIMIT ${first + 1}`,
    params,
  );
  return connection(
    rows,
    first,
    (row) => encodeCursor('risks', [row.currentScore, row.programmeCode, row.reference]),
    async () =>
      (await ctx.loaders.reads.rows<{ n: number }>(`SELECT count(*)::int AS n FROM risks r WHERE ${filter}`, countParams))[0].n,
  );
}

export function getRisk(ctx: Context, id: string): Promise<RiskRow | null> {
  requireCaller(ctx);
  return ctx.loaders.riskById.load(id);
}

/** Reads a risk the caller may see inside a transaction (never through a loader there). */
export async function findRisk(em: EntityManager, scope: Scope, id: string): Promise<RiskRow | null> {
  if (!isId(id)) return null;
  const [row] = await em.query(`SELECT ${riskColumns('r')} FROM risks r WHERE ${visibleRisks('r', scope)} AND r.id = $2`, [
    scope.organisationId,
    id,
  ]);
  return row ?? null;
}

const BASIS = {
  INHERENT: ['inherent_likelihood', 'inherent_impact'],
  CURRENT: ['current_likelihood', 'current_impact'],
  TARGET: ['target_likelihood', 'target_impact'],
} as const;

/** `riskMatrix`: open risks counted by likelihood and impact on one basis; always 25 cells. */
export async function riskMatrix(
  ctx: Context,
  programmeId: string | null | undefined,
  basis: keyof typeof BASIS | null | undefined,
) {
  const caller = requireCaller(ctx);
  const [likelihood, impact] = BASIS[basis ?? 'CURRENT'];
  const params: unknown[] = [caller.organisationId];
  const where = riskConditions('r', callerScope(caller), { programmeId, status: ['OPEN'] }, params);
  const counts: { likelihood: number; impact: number; n: number }[] = where
    ? await ctx.db.query(
        `SELECT r.${likelihood} AS likelihood, r.${impact} AS impact, count(*)::int AS n FROM risks r
          WHERE ${where.join(' AND ')} AND r.${likelihood} IS NOT NULL GROUP BY 1, 2`,
        params,
      )
    : [];
  const count = (l: number, i: number) => counts.find((c) => c.likelihood === l && c.impact === i)?.n ?? 0;
  const cells = [1, 2, 3, 4, 5].flatMap((l) => [1, 2, 3, 4, 5].map((i) => ({ likelihood: l, impact: i, count: count(l, i) })));
  return { cells, total: cells.reduce((sum, c) => sum + c.count, 0) };
}
