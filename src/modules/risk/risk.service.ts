import { Context } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { raw, sql } from '../../db/sql';
import { listPage, pageArgs } from '../../db/table';
import { QueryRisksArgs } from '../../generated/types';
import { risks, RiskRow } from './risk.entity';
import { riskConditions } from './risk-filter';

/** `risks`: every filter combined, by current score then programme code and reference, keyset-paginated. */
export async function listRisks(ctx: Context, args: QueryRisksArgs) {
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
