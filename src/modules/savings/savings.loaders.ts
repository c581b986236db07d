import { BATCH_KEY, byKeys, listsByKey, listsPerFields, loaderById } from '../../db/batch';
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

/** Savings relations, one statement per batch; `delivered` is summed in the same statement. */
export function savingsLoaders(reads: ReadBatch, scope: Scope) {
  const listsBy = listsByKey(reads, scope);
  return {
    /** A programme's lines, with the fields asked for. */
    savingsLinesByProgrammeId: listsPerFields<SavingsLineRow>((fields, ids) =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${savingsLineProjection.select(fields, 'l')} FROM ${byKeys('savings_lines', 'l', 'programme_id', scope, ids)}
              ORDER BY ${savingsLineOrder('l')}`,
      ),
    ),
    /** The line another replaces: rare, so with all its columns. */
    savingsLineById: loaderById<SavingsLineRow>((ids) =>
      reads.rows(sql`SELECT ${savingsLineColumns('l')} FROM ${byKeys('savings_lines', 'l', 'id', scope, ids)}`),
    ),
    /** SavingsLine.threatenedBy: the linked risks the caller may see, highest current score first, then reference. */
    threatenedByLineId: listsPerFields<RiskRow>((fields, ids) =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${riskProjection.select(fields, 'r')}
               FROM ${byKeys('risk_savings_lines', 'link', 'savings_line_id', scope, ids)}
               JOIN risks r ON r.organisation_id = link.organisation_id AND r.id = link.risk_id
              WHERE ${visibleRisks('r', scope)} ORDER BY ${riskOrder('r')}`,
      ),
    ),
    /** Risk.threatensSavings: the linked lines (of the risk's programme) by financial year, then description. */
    savingsLinesByRiskId: listsPerFields<SavingsLineRow>((fields, ids) =>
      reads.rows(
        sql`SELECT ${BATCH_KEY}, ${savingsLineProjection.select(fields, 'l')}
               FROM ${byKeys('risk_savings_lines', 'link', 'risk_id', scope, ids)}
               JOIN savings_lines l ON l.organisation_id = link.organisation_id AND l.id = link.savings_line_id
              ORDER BY ${savingsLineOrder('l')}`,
      ),
    ),
    savingsChangesByLineId: listsBy<SavingsChangeRow>(
      'savings_changes',
      'c',
      'savings_line_id',
      savingsChangeColumns,
      savingsChangeOrder,
    ),
    savingsDeliveriesByLineId: listsBy<SavingsDeliveryRow>(
      'savings_deliveries',
      'd',
      'savings_line_id',
      savingsDeliveryColumns,
      savingsDeliveryOrder,
    ),
  };
}
