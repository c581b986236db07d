import { Context } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { raw, sql } from '../../db/sql';
import { listFiltered } from '../../db/table';
import { MitigationFilter } from '../../generated/types';
import { londonToday } from '../../values/calendar-date';
import { containsPattern } from '../../validation';
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
  const f = args.filter ?? {};
  return listFiltered(ctx, mitigationList, args, [f.programmeId, f.riskId], () => [
    f.programmeId != null && sql`r.programme_id = ${f.programmeId}::uuid`,
    f.riskId != null && sql`m.risk_id = ${f.riskId}::uuid`,
    f.status != null && sql`m.status = ANY(${f.status}::text[])`,
    f.overdue != null && sql`${raw(f.overdue ? '' : 'NOT ')}${overdueSql(londonToday())}`,
    f.dueBefore != null && sql`m.due_date < ${f.dueBefore}::date`,
    f.kind != null && sql`m.kind = ANY(${f.kind}::text[])`,
    !!f.owner && sql`m.owner ILIKE ${containsPattern(f.owner)}`,
  ]);
}

export function getMitigation(ctx: Context, id: string): Promise<MitigationRow | null> {
  requireCaller(ctx);
  return ctx.loaders.mitigationById.load(id);
}
