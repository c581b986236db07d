import { BATCH_KEY, byKeys, Keyed, loaderOfLists } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { sql } from '../../db/sql';
import { resolutionColumns, resolutionOrder, ResolutionRow } from '../committee/committee.entity';
import { milestoneColumns, milestoneOrder, MilestoneRow } from './milestone.entity';

export function milestoneLoaders(reads: ReadBatch, scope: Scope) {
  return {
    /** A programme's milestones by forecast date, then title. */
    milestonesByProgrammeId: loaderOfLists<MilestoneRow>((ids): Promise<Keyed<MilestoneRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${milestoneColumns('m')} FROM ${byKeys('milestones', 'm', 'programme_id', scope, ids)}
            ORDER BY ${milestoneOrder('m')}`,
      ),
    ),
    /** The milestones a resolution is linked to, by forecast date, then title. */
    milestonesByResolutionId: loaderOfLists<MilestoneRow>((ids): Promise<Keyed<MilestoneRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${milestoneColumns('m')}
             FROM ${byKeys('resolution_milestones', 'l', 'resolution_id', scope, ids)}
             JOIN milestones m ON m.organisation_id = l.organisation_id AND m.id = l.milestone_id
            ORDER BY ${milestoneOrder('m')}`,
      ),
    ),
    /** The resolutions standing behind a milestone, newest meeting first. */
    resolutionsByMilestoneId: loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${resolutionColumns('r')}
             FROM ${byKeys('resolution_milestones', 'l', 'milestone_id', scope, ids)}
             JOIN resolutions r ON r.organisation_id = l.organisation_id AND r.id = l.resolution_id
            ORDER BY ${resolutionOrder('r')}`,
      ),
    ),
  };
}
