import { Context } from '../../context';
import { requireCaller, requireProgrammeEditor } from '../../auth/permissions';
import { sql } from '../../db/sql';
import { Deletion } from '../audit/audit.service';
import { deleteVisible } from '../audit/versioned-writes';
import { unlinkDeletedTarget } from '../decision-trail/resolution-link.service';
import { baselineColumns, MilestoneBaselineRow, MilestoneRow, milestones } from './milestone.entity';

/**
 * deleteMilestone: a milestone entered in error goes with its later baselines (kept in its last
 * state) and its links to resolutions. Those who may edit it.
 */
export async function deleteMilestone(ctx: Context, id: string, expectedVersion: number, reason: string): Promise<Deletion> {
  const caller = requireCaller(ctx);
  const edit = (milestone: MilestoneRow) => requireProgrammeEditor(caller, milestone.programmeId);
  return deleteVisible(ctx, caller, milestones, 'Milestone', { id, expectedVersion, reason }, edit, async (tx, milestone) => {
    const baselines = await tx.rows<MilestoneBaselineRow>(
      sql`DELETE FROM milestone_baselines WHERE organisation_id = ${ctx.scope.org} AND milestone_id = ${milestone.id}
            RETURNING ${baselineColumns('milestone_baselines')}`,
    );
    const resolutionIds = await unlinkDeletedTarget(tx, caller, ctx.scope, 'milestoneId', milestone.id);
    return { baselines, resolutionIds };
  });
}
