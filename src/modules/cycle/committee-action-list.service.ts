import { requireCaller } from '../../auth/permissions';
import { Context } from '../../context';
import { param, raw, sql } from '../../db/sql';
import { listFiltered } from '../../db/table';
import { QueryCommitteeActionsArgs } from '../../generated/types';
import { londonToday } from '../../values/calendar-date';
import { actionOverdueSql, committeeActions } from './committee-action.entity';

/** Given at one of the committee's meetings, or to come back to it (one parameter, written twice). */
function forCommittee(committeeId: string) {
  const committee = param(committeeId);
  return sql`(m.committee_id = ${committee}::uuid OR a.report_to_committee_id = ${committee}::uuid)`;
}

/**
 * `committeeActions`: the organisation's actions across committees and programmes, every filter
 * combined; an unknown, malformed or other organisation's committeeId or programmeId matches nothing.
 */
export async function listCommitteeActions(ctx: Context, args: QueryCommitteeActionsArgs) {
  requireCaller(ctx);
  const f = args.filter ?? {};
  return listFiltered(ctx, committeeActions, args, [f.committeeId, f.programmeId], () => [
    f.committeeId != null && forCommittee(f.committeeId),
    f.programmeId != null && sql`a.programme_id = ${f.programmeId}::uuid`,
    f.status != null && sql`a.status = ANY(${f.status}::text[])`,
    f.overdue != null && sql`${raw(f.overdue ? '' : 'NOT ')}${actionOverdueSql('a', londonToday())}`,
  ]);
}
