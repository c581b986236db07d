import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { findVisible, updateVersioned } from '../../db/table';
import { MutationRebaselineMilestoneArgs } from '../../generated/types';
import { londonToday } from '../../values/calendar-date';
import { requiredText } from '../../validation';
import { diff, recordAudit } from '../audit/audit.service';
import { resolutions } from '../decision-trail/decision-trail.entity';
import { MilestoneRow, milestones } from './milestone.entity';

/**
 * rebaselineMilestone: a new agreed date, kept in the history with the day it was set, the reason
 * and the approving resolution; forecastDate is unchanged, slippage is measured from the new one.
 */
export async function rebaselineMilestone(ctx: Context, args: MutationRebaselineMilestoneArgs): Promise<MilestoneRow> {
  const caller = requireCaller(ctx);
  const reason = requiredText('reason', args.reason, 2000);
  return inTransaction(ctx, async (tx) => {
    const before = await findVisible(tx, milestones, ctx.scope, args.id);
    const resolution = args.resolutionId == null ? null : await findVisible(tx, resolutions, ctx.scope, args.resolutionId);
    requireProgrammeEditor(caller, before.programmeId);
    const after = await updateVersioned(tx, milestones, ctx.scope, before, args.expectedVersion, {
      baseline_date: args.baselineDate,
    });
    const setOn = londonToday();
    await tx.execute(
      sql`INSERT INTO milestone_baselines (organisation_id, milestone_id, baseline_date, set_on, reason, resolution_id)
       VALUES (${caller.organisationId}, ${before.id}, ${args.baselineDate}, ${setOn}, ${reason}, ${resolution?.id ?? null})`,
    );
    await recordAudit(tx, caller, 'milestone.rebaselined', 'Milestone', before.id, {
      ...diff(before, after, ['baselineDate']),
      reason: [null, reason],
      resolutionId: [null, resolution?.id ?? null],
    });
    return after;
  });
}
