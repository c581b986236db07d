import { DataSource } from 'typeorm';
import { Keyed, loaderOfLists } from '../../db/batch';
import { Scope } from '../../loaders';
import { resolutionColumns, resolutionOrder, ResolutionRow } from '../committee/committee.entity';
import {
  savingsDeliveryColumns,
  savingsDeliveryOrder,
  SavingsDeliveryRow,
  savingsLineColumns,
  savingsLineOrder,
  SavingsLineRow,
} from './savings.entity';

/** Savings relations, one statement per batch; `delivered` is summed in the same statement. */
export function savingsLoaders(db: DataSource, scope: Scope) {
  const org = scope.organisationId;
  return {
    savingsLinesByProgrammeId: loaderOfLists<SavingsLineRow>(
      (ids): Promise<Keyed<SavingsLineRow>[]> =>
        db.query(
          `SELECT l.programme_id AS _key, ${savingsLineColumns('l')} FROM savings_lines l
            WHERE l.organisation_id = $1 AND l.programme_id = ANY($2::uuid[]) ORDER BY ${savingsLineOrder('l')}`,
          [org, ids],
        ),
    ),
    savingsDeliveriesByLineId: loaderOfLists<SavingsDeliveryRow>(
      (ids): Promise<Keyed<SavingsDeliveryRow>[]> =>
        db.query(
          `SELECT d.savings_line_id AS _key, ${savingsDeliveryColumns('d')} FROM savings_deliveries d
            WHERE d.organisation_id = $1 AND d.savings_line_id = ANY($2::uuid[]) ORDER BY ${savingsDeliveryOrder('d')}`,
          [org, ids],
        ),
    ),
    /** Newest meeting first, then agenda item and number. */
    resolutionsBySavingsLineId: loaderOfLists<ResolutionRow>(
      (ids): Promise<Keyed<ResolutionRow>[]> =>
        db.query(
          `SELECT k.savings_line_id AS _key, ${resolutionColumns('r')}
             FROM resolution_savings_lines k
             JOIN resolutions r ON r.organisation_id = k.organisation_id AND r.id = k.resolution_id
            WHERE k.organisation_id = $1 AND k.savings_line_id = ANY($2::uuid[]) ORDER BY ${resolutionOrder('r')}`,
          [org, ids],
        ),
    ),
    /** By programme code, then financial year and description. */
    savingsLinesByResolutionId: loaderOfLists<SavingsLineRow>(
      (ids): Promise<Keyed<SavingsLineRow>[]> =>
        db.query(
          `SELECT k.resolution_id AS _key, ${savingsLineColumns('l')}
             FROM resolution_savings_lines k
             JOIN savings_lines l ON l.organisation_id = k.organisation_id AND l.id = k.savings_line_id
             JOIN programmes p ON p.organisation_id = l.organisation_id AND p.id = l.programme_id
            WHERE k.organisation_id = $1 AND k.resolution_id = ANY($2::uuid[]) ORDER BY p.code, ${savingsLineOrder('l')}`,
          [org, ids],
        ),
    ),
  };
}
