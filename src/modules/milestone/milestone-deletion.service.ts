import { Context, inTransaction } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { deleteVersioned, findVisible } from '../../db/table';
import { requiredText } from '../../validation';
import { Deletion, recordDeletion } from '../audit/audit.service';
import { unlinkDeletedTarget } from '../decision-trail/resolution-link.service';
import { baselineColumns, MilestoneBaselineRow, milestones } from './milestone.entity';

/**
 * deleteMilestone: a milestone entered in error goes with its later baselines (kept in its last
 * state) and its links to resolutions. Those who may edit it.
 */
export async function deleteMilestone(ctx: Context, id: string, expectedVersion: number, reason: string): Promise<Deletion> {
  const caller = requireCaller(ctx);
  const why = requiredText('reason', reason, 2000);
  return inTransaction(ctx, async (tx) => {
    const milestone = await findVisible(tx, milestones, ctx.scope, id);
    requireProgrammeEditor(caller, milestone.programmeId);
    let baselines: MilestoneBaselineRow[] = [];
    let resolutionIds: string[] = [];
    await deleteVersioned(tx, milestones, ctx.scope, milestone, expectedVersion, async () => {
      baselines = await tx.rows<MilestoneBaselineRow>(
        sql`DELETE FROM milestone_baselines WHERE organisation_id = ${ctx.scope.org} AND milestone_id = ${milestone.id}
            RETURNING ${baselineColumns('milestone_baselines')}`,
      );
      resolutionIds = await unlinkDeletedTarget(tx, caller, ctx.scope, 'milestoneId', milestone.id);
    });
    const lastState = { ...milestone, baselines, resolutionIds };
    return recordDeletion(tx, caller, 'Milestone', lastState, why);
  });
}
