import { Context } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { join, raw, sql } from '../../db/sql';
import { listPage, pageArgs, visibleTo } from '../../db/table';
import { MitigationFilter } from '../../generated/types';
import { londonToday } from '../../values/calendar-date';
import { containsPattern, isId } from '../../validation';
import { MitigationRow, mitigationList } from './risk.entity';

/** dueDate is before today and the status is PLANNED or IN_PROGRESS (mitigationOverdue, in SQL). */
const overdueSql = (today: string) =>
  sql`coalesce(m.status IN ('PLANNED', 'IN_PROGRESS') AND m.due_date < ${today}::date, false)`;

/**
 * `mitigations`: those of the risks the caller can see (a MEMBER's never include a confidential
 * risk's), every filter combined; an unknown or invisible programmeId or riskId matches nothing.
 */
export async function listMitigations(
  ctx: Context,
  args: { filter?: MitigationFilter | null; first?: number | null; after?: string | null },
) {
  requireCaller(ctx);
  const page = pageArgs(mitigationList, args);
  const f = args.filter ?? {};
  if ((f.programmeId != null && !isId(f.programmeId)) || (f.riskId != null && !isId(f.riskId)))
    return listPage(ctx, mitigationList, page, null);
  const where = [visibleTo(mitigationList, ctx.scope)];
  if (f.programmeId != null) where.push(sql`r.programme_id = ${f.programmeId}::uuid`);
  if (f.riskId != null) where.push(sql`m.risk_id = ${f.riskId}::uuid`);
  if (f.status != null) where.push(sql`m.status = ANY(${f.status}::text[])`);
  if (f.overdue != null) where.push(sql`${raw(f.overdue ? '' : 'NOT ')}${overdueSql(londonToday())}`);
  if (f.dueBefore != null) where.push(sql`m.due_date < ${f.dueBefore}::date`);
  if (f.kind != null) where.push(sql`m.kind = ANY(${f.kind}::text[])`);
  if (f.owner) where.push(sql`m.owner ILIKE ${containsPattern(f.owner)}`);
  return listPage(ctx, mitigationList, page, join(where, ' AND '));
}

export function getMitigation(ctx: Context, id: string): Promise<MitigationRow | null> {
  requireCaller(ctx);
  return ctx.loaders.mitigationById.load(id);
}
