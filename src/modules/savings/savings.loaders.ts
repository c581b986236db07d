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
import { riskOrder, riskProjection, RiskRow, visibleRisks } from '../risk/risk.entity';

type LineFields = readonly (keyof SavingsLineRow & string)[];
type RiskFields = readonly (keyof RiskRow & string)[];

/** Savings relations, one statement per batch; `delivered` is summed in the same statement. */
export function savingsLoaders(reads: ReadBatch, scope: Scope) {
  return {
    /** A programme's lines, with the fields asked for. */
    savingsLinesByProgrammeId: loaderPerVariant((fields: LineFields) =>
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
    /** SavingsLine.threatenedBy: the linked risks the caller may see, highest current score first, then reference. */
    threatenedByLineId: loaderPerVariant((fields: RiskFields) =>
      loaderOfLists<RiskRow>((ids): Promise<Keyed<RiskRow>[]> =>
        reads.rows(
          sql`SELECT ${BATCH_KEY}, ${riskProjection.select(fields, 'r')}
               FROM ${byKeys('risk_savings_lines', 'link', 'savings_line_id', scope, ids)}
               JOIN risks r ON r.organisation_id = link.organisation_id AND r.id = link.risk_id
              WHERE ${visibleRisks('r', scope)} ORDER BY ${riskOrder('r')}`,
        ),
      ),
    ),
    /** Risk.threatensSavings: the linked lines (of the risk's programme) by financial year, then description. */
    savingsLinesByRiskId: loaderPerVariant((fields: LineFields) =>
      loaderOfLists<SavingsLineRow>((ids): Promise<Keyed<SavingsLineRow>[]> =>
        reads.rows(
          sql`SELECT ${BATCH_KEY}, ${savingsLineProjection.select(fields, 'l')}
               FROM ${byKeys('risk_savings_lines', 'link', 'risk_id', scope, ids)}
               JOIN savings_lines l ON l.organisation_id = link.organisation_id AND l.id = link.savings_line_id
              ORDER BY ${savingsLineOrder('l')}`,
        ),
      ),
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
