import { BATCH_KEY, byKeys, Keyed, loaderOfLists, loaderPerVariant } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { sql } from '../../db/sql';
import { resolutionColumns, resolutionOrder, ResolutionRow } from '../committee/committee.entity';
import {
  savingsDeliveryColumns,
  savingsDeliveryOrder,
  SavingsDeliveryRow,
  savingsLineColumns,
  savingsLineOrder,
  savingsLineProjection,
  SavingsLineRow,
} from './savings.entity';

/** Savings relations, one statement per batch; `delivered` is summed in the same statement. */
export function savingsLoaders(reads: ReadBatch, scope: Scope) {
  return {
    /** A programme's lines, with the fields asked for. */
    savingsLinesByProgrammeId: loaderPerVariant((fields: readonly (keyof SavingsLineRow & string)[]) =>
      loaderOfLists<SavingsLineRow>((ids): Promise<Keyed<SavingsLineRow>[]> =>
        reads.rows(
          sql`SELECT ${BATCH_KEY}, ${savingsLineProjection.select(fields, 'l')} FROM ${byKeys('savings_lines', 'l', 'programme_id', scope, ids)}
              ORDER BY ${savingsLineOrder('l')}`,
        ),
      ),
    ),
    savingsDeliveriesByLineId: loaderOfLists<SavingsDeliveryRow>((ids): Promise<Keyed<SavingsDeliveryRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${savingsDeliveryColumns('d')} FROM ${byKeys('savings_deliveries', 'd', 'savings_line_id', scope, ids)}
            ORDER BY ${savingsDeliveryOrder('d')}`,
      ),
    ),
    /** Newest meeting first, then agenda item and number. */
    resolutionsBySavingsLineId: loaderOfLists<ResolutionRow>((ids): Promise<Keyed<ResolutionRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${resolutionColumns('r')}
             FROM ${byKeys('resolution_savings_lines', 'k', 'savings_line_id', scope, ids)}
             JOIN resolutions r ON r.organisation_id = k.organisation_id AND r.id = k.resolution_id
            ORDER BY ${resolutionOrder('r')}`,
      ),
    ),
    /** By programme code, then financial year and description. */
    savingsLinesByResolutionId: loaderOfLists<SavingsLineRow>((ids): Promise<Keyed<SavingsLineRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${savingsLineColumns('l')}
             FROM ${byKeys('resolution_savings_lines', 'k', 'resolution_id', scope, ids)}
             JOIN savings_lines l ON l.organisation_id = k.organisation_id AND l.id = k.savings_line_id
             JOIN programmes p ON p.organisation_id = l.organisation_id AND p.id = l.programme_id
            ORDER BY p.code, ${savingsLineOrder('l')}`,
      ),
    ),
  };
}
