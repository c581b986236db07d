import { Context } from '../../context';
import { Scope } from '../../auth/scope';
import { requireCaller } from '../../auth/permissions';
import { join, param, raw, Sql, sql } from '../../db/sql';
import { listPage, pageArgs } from '../../db/table';
import { londonToday } from '../../values/calendar-date';
import { containsPattern, isId } from '../../validation';
import { reviewOverdueSql, risks, RiskRow, visibleRisks, withinAppetiteSql } from './risk.entity';
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

/** The WHERE condition of a RiskFilter for the risks `r` a scope may see; null when it can match nothing. */
export function riskConditions(scope: Scope, filter: RiskFilter | null | undefined): Sql | null {
  const f = filter ?? {};
  const where = [visibleRisks('r', scope)];
  if (f.programmeId != null) {
    if (!isId(f.programmeId)) return null;
    where.push(sql`r.programme_id = ${f.programmeId}::uuid`);
  }
  // one status (the usual open risks) as an equality, so the list and its count use ix_risks_status_list
  if (f.status != null && f.status.length === 1) where.push(sql`r.status = ${f.status[0]}::text`);
  else if (f.status != null) where.push(sql`r.status = ANY(${f.status}::text[])`);
  if (f.category != null) where.push(sql`r.category = ANY(${f.category}::text[])`);
  if (f.minScore != null) where.push(sql`r.current_score >= ${f.minScore}::int`);
  if (f.rating != null) where.push(raw(ratingSql('r.current_score', f.rating)));
  if (f.withinAppetite != null) where.push(raw(`${f.withinAppetite ? '' : 'NOT '}${withinAppetiteSql('r')}`));
  if (f.reviewOverdue != null) where.push(sql`${raw(f.reviewOverdue ? '' : 'NOT ')}${reviewOverdueSql('r', londonToday())}`);
  if (f.search) {
    const pattern = param(containsPattern(f.search));
    where.push(sql`(r.reference ILIKE ${pattern} OR r.title ILIKE ${pattern} OR r.description ILIKE ${pattern})`);
  }
  return join(where, ' AND ');
}

/** `risks`: every filter combined, by current score then programme code and reference, keyset-paginated. */
export async function listRisks(
  ctx: Context,
  args: { filter?: RiskFilter | null; first?: number | null; after?: string | null },
) {
  requireCaller(ctx);
  const page = pageArgs(risks, args);
  return listPage(ctx, risks, page, riskConditions(ctx.scope, args.filter));
}

export function getRisk(ctx: Context, id: string): Promise<RiskRow | null> {
  requireCaller(ctx);
  return ctx.loaders.riskById.load(id);
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
  requireCaller(ctx);
  const [likelihood, impact] = BASIS[basis ?? 'CURRENT'].map(raw);
  const where = riskConditions(ctx.scope, { programmeId, status: ['OPEN'] });
  const counts = where
    ? await ctx.db.rows<{ likelihood: number; impact: number; n: number }>(
        sql`SELECT r.${likelihood} AS likelihood, r.${impact} AS impact, count(*)::int AS n FROM risks r
          WHERE ${where} AND r.${likelihood} IS NOT NULL GROUP BY 1, 2`,
      )
    : [];
  const count = (l: number, i: number) => counts.find((c) => c.likelihood === l && c.impact === i)?.n ?? 0;
  const cells = [1, 2, 3, 4, 5].flatMap((l) => [1, 2, 3, 4, 5].map((i) => ({ likelihood: l, impact: i, count: count(l, i) })));
  return { cells, total: cells.reduce((sum, c) => sum + c.count, 0) };
}
