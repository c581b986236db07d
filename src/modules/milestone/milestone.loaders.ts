import { BATCH_KEY, byKeys, Keyed, loaderOfLists } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { sql } from '../../db/sql';
import { baselineColumns, MilestoneBaselineRow, milestoneColumns, milestoneOrder, MilestoneRow } from './milestone.entity';

export function milestoneLoaders(reads: ReadBatch, scope: Scope) {
  return {
    /** A programme's milestones by forecast date, then title. */
    milestonesByProgrammeId: loaderOfLists<MilestoneRow>((ids): Promise<Keyed<MilestoneRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${milestoneColumns('m')} FROM ${byKeys('milestones', 'm', 'programme_id', scope, ids)}
            ORDER BY ${milestoneOrder('m')}`,
      ),
    ),
    /** The baselines rebaselineMilestone set, newest first (the original is the milestone's own). */
    rebaselinesByMilestoneId: loaderOfLists<MilestoneBaselineRow>((ids): Promise<Keyed<MilestoneBaselineRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${baselineColumns('b')} FROM ${byKeys('milestone_baselines', 'b', 'milestone_id', scope, ids)}
            ORDER BY b.seq DESC`,
      ),
    ),
  };
}
