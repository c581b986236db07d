import { requireCaller } from '../../auth/permissions';
import { Context } from '../../context';
import { join, param, raw, sql } from '../../db/sql';
import { listPage, pageArgs, visibleTo } from '../../db/table';
import { QueryCommitteeActionsArgs } from '../../generated/types';
import { londonToday } from '../../values/calendar-date';
import { isId } from '../../validation';
import { actionOverdueSql, committeeActions } from './committee-action.entity';

/**
 * `committeeActions`: the organisation's actions across committees and programmes, every filter
 * combined; an unknown, malformed or other organisation's committeeId or programmeId matches nothing.
 */
export async function listCommitteeActions(ctx: Context, args: QueryCommitteeActionsArgs) {
  requireCaller(ctx);
  const page = pageArgs(committeeActions, args);
  const f = args.filter ?? {};
  if ([f.committeeId, f.programmeId].some((id) => id != null && !isId(id))) return listPage(ctx, committeeActions, page, null);
  const where = [visibleTo(committeeActions, ctx.scope)];
  if (f.committeeId != null) {
    const committee = param(f.committeeId);
    // given at one of its meetings, or to come back to it
    where.push(sql`(m.committee_id = ${committee}::uuid OR a.report_to_committee_id = ${committee}::uuid)`);
  }
  if (f.programmeId != null) where.push(sql`a.programme_id = ${f.programmeId}::uuid`);
  if (f.status != null) where.push(sql`a.status = ANY(${f.status}::text[])`);
  if (f.overdue != null) where.push(sql`${raw(f.overdue ? '' : 'NOT ')}${actionOverdueSql('a', londonToday())}`);
  return listPage(ctx, committeeActions, page, join(where, ' AND '));
}
