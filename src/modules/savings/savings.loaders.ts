import { BATCH_KEY, byKeys, Keyed, loaderById, loaderOfLists, loaderPerVariant } from '../../db/batch';
import { ReadBatch } from '../../db/json-rows';
import { Scope } from '../../auth/scope';
import { sql } from '../../db/sql';
import {
  savingsChangeColumns,
  savingsChangeOrder,
  SavingsChangeRow,
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
    /** The line another replaces: rare, so with all its columns. */
    savingsLineById: loaderById<SavingsLineRow>((ids) =>
      reads.rows(sql`SELECT ${savingsLineColumns('l')} FROM ${byKeys('savings_lines', 'l', 'id', scope, ids)}`),
    ),
    savingsChangesByLineId: loaderOfLists<SavingsChangeRow>((ids): Promise<Keyed<SavingsChangeRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${savingsChangeColumns('c')} FROM ${byKeys('savings_changes', 'c', 'savings_line_id', scope, ids)}
            ORDER BY ${savingsChangeOrder('c')}`,
      ),
    ),
    savingsDeliveriesByLineId: loaderOfLists<SavingsDeliveryRow>((ids): Promise<Keyed<SavingsDeliveryRow>[]> =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${savingsDeliveryColumns('d')} FROM ${byKeys('savings_deliveries', 'd', 'savings_line_id', scope, ids)}
            ORDER BY ${savingsDeliveryOrder('d')}`,
      ),
    ),
  };
}
