import { BATCH_KEY, byKeys, Keyed, loaderOfLists } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../loaders';
import { resolutionColumns, resolutionOrder, ResolutionRow } from '../committee/committee.entity';
import { milestoneColumns, milestoneOrder, MilestoneRow } from './milestone.entity';

export function milestoneLoaders(reads: ReadBatch, scope: Scope) {
  const org = scope.organisationId;
  return {
    /** A programme's milestones by forecast date, then title. */
    milestonesByProgrammeId: loaderOfLists<MilestoneRow>((ids): Promise<Keyed<MilestoneRow>[]> =>
      reads.rows(
        `SELECT ${BATCH_KEY}, ${milestoneColumns('m')} FROM ${byKeys('milestones', 'm', 'programme_id')}
            ORDER BY ${milestoneOrder('m')}`,
        [org, ids],
      ),
    ),
    /** The milestones a resolution is linked to, by forecast date, then title. */
    milestonesByResolutionId: loaderOfLists<MilestoneRow>((ids): Promise<Keyed<MilestoneRow>[]> =>
      reads.rows(
        `SELECT ${BATCH_KEY}, ${milestoneColumns('m')}
             FROM ${byKeys('resolution_milestones', 'l', 'resolution_id')}
             JOIN milestones m ON m.organisation_id = l.organisation_id AND m.id = l.milestone_id
            ORDER BY ${milestoneOrder('m')}`,
        [org, ids],
      ),
    ),
    /** The resolutions standing behind a milestone, newest meeting first. */
    resolutionsByMilestoneId: loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        `SELECT ${BATCH_KEY}, ${resolutionColumns('r')}
             FROM ${byKeys('resolution_milestones', 'l', 'milestone_id')}
             JOIN resolutions r ON r.organisation_id = l.organisation_id AND r.id = l.resolution_id
            ORDER BY ${resolutionOrder('r')}`,
        [org, ids],
      ),
    ),
  };
}
