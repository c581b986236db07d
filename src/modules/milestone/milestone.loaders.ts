import { DataSource } from 'typeorm';
import { Keyed, loaderOfLists } from '../../db/batch';
import { Scope } from '../../loaders';
import { resolutionColumns, resolutionOrder, ResolutionRow } from '../committee/committee.entity';
import { milestoneColumns, milestoneOrder, MilestoneRow } from './milestone.entity';

export function milestoneLoaders(db: DataSource, scope: Scope) {
  const org = scope.organisationId;
  return {
    /** A programme's milestones by forecast date, then title. */
    milestonesByProgrammeId: loaderOfLists<MilestoneRow>(
      (ids): Promise<Keyed<MilestoneRow>[]> =>
        db.query(
          `SELECT m.programme_id AS _key, ${milestoneColumns('m')} FROM milestones m
            WHERE m.organisation_id = $1 AND m.programme_id = ANY($2::uuid[]) ORDER BY ${milestoneOrder('m')}`,
          [org, ids],
        ),
    ),
    /** The milestones a resolution is linked to, by forecast date, then title. */
    milestonesByResolutionId: loaderOfLists<MilestoneRow>(
      (ids): Promise<Keyed<MilestoneRow>[]> =>
        db.query(
          `SELECT l.resolution_id AS _key, ${milestoneColumns('m')}
             FROM resolution_milestones l
             JOIN milestones m ON m.organisation_id = l.organisation_id AND m.id = l.milestone_id
            WHERE l.organisation_id = $1 AND l.resolution_id = ANY($2::uuid[]) ORDER BY ${milestoneOrder('m')}`,
          [org, ids],
        ),
    ),
    /** The resolutions standing behind a milestone, newest meeting first. */
    resolutionsByMilestoneId: loaderOfLists<ResolutionRow>(
      (ids): Promise<Keyed<ResolutionRow>[]> =>
        db.query(
          `SELECT l.milestone_id AS _key, ${resolutionColumns('r')}
             FROM resolution_milestones l
             JOIN resolutions r ON r.organisation_id = l.organisation_id AND r.id = l.resolution_id
            WHERE l.organisation_id = $1 AND l.milestone_id = ANY($2::uuid[]) ORDER BY ${resolutionOrder('r')}`,
          [org, ids],
        ),
    ),
  };
}
