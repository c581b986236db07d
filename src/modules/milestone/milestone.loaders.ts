import { listsByKey } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { raw } from '../../db/sql';
import { baselineColumns, MilestoneBaselineRow, milestoneColumns, milestoneOrder, MilestoneRow } from './milestone.entity';

export function milestoneLoaders(reads: ReadBatch, scope: Scope) {
  const listsBy = listsByKey(reads, scope);
  return {
    /** A programme's milestones by forecast date, then title. */
    milestonesByProgrammeId: listsBy<MilestoneRow>('milestones', 'm', 'programme_id', milestoneColumns, milestoneOrder),
    /** The baselines rebaselineMilestone set, newest first (the original is the milestone's own). */
    rebaselinesByMilestoneId: listsBy<MilestoneBaselineRow>('milestone_baselines', 'b', 'milestone_id', baselineColumns, (b) =>
      raw(`${b}.seq DESC`),
    ),
  };
}
