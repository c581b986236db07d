import { columns, Projection } from '../../db/projection';
import { raw } from '../../db/sql';
import { TableOf } from '../../db/table';

/**
 * Savings lines and their deliveries as the API reads them. Money columns are numeric(15,2),
 * selected ::text so they stay exact strings (also inside JSON, see src/db/json-rows.ts);
 * `delivered` is derived (the sum of the line's
 * deliveries), computed in SQL, never stored.
 */
export interface SavingsLineRow {
  id: string;
  programmeId: string;
  description: string;
  kind: 'SAVING' | 'ONE_OFF_COST';
  category: 'STAFFING' | 'PREMISES' | 'COMMISSIONING' | 'INCOME' | 'OTHER';
  financialYear: number;
  recurring: boolean;
  reference: string | null;
  planned: string;
  originalPlanned: string;
  forecast: string;
  delivered: string;
  replacesId: string | null;
  deliveryConfidence: 'NOT_RATED' | 'RED' | 'AMBER' | 'GREEN' | 'BLUE';
  version: number;
}

export interface SavingsDeliveryRow {
  id: string;
  savingsLineId: string;
  amount: string;
  recordedOn: string;
  ledgerReference: string | null;
  note: string | null;
}

/** The contract's enum orders, which the reconciliation sorts by. */
export const SAVINGS_CATEGORIES = ['STAFFING', 'PREMISES', 'COMMISSIONING', 'INCOME', 'OTHER'] as const;
export const SAVINGS_KINDS = ['SAVING', 'ONE_OFF_COST'] as const;

/** Sum of a line's deliveries, exact (numeric), 0 when it has none. */
export const deliveredOf = (l: string) =>
  `(SELECT round(coalesce(sum(d.amount), 0), 2) FROM savings_deliveries d
     WHERE d.organisation_id = ${l}.organisation_id AND d.savings_line_id = ${l}.id)`;

/** A savings line's columns, named as the row's fields. */
export const savingsLineProjection = new Projection<SavingsLineRow>({
  ...columns('id programme_id description kind category financial_year recurring reference'),
  planned: (l) => `${l}.planned::text AS planned`,
  originalPlanned: (l) => `${l}.original_planned::text AS "originalPlanned"`,
  replacesId: (l) => `${l}.replaces_id AS "replacesId"`,
  forecast: (l) => `${l}.forecast::text AS forecast`,
  delivered: (l) => `${deliveredOf(l)}::text AS delivered`,
  ...columns('delivery_confidence version'),
});

export const savingsLineColumns = (l: string) => savingsLineProjection.selectAll(l);

export const savingsLines = savingsLineProjection.table('savings_lines', 'l', 'savings line');

/** A programme's lines: by financial year, then description. */
export const savingsLineOrder = (l: string) => raw(`${l}.financial_year, ${l}.description, ${l}.id`);

export const savingsDeliveryColumns = (d: string) =>
  raw(`${d}.id, ${d}.savings_line_id AS "savingsLineId", ${d}.amount::text AS amount, ${d}.recorded_on AS "recordedOn",
   ${d}.ledger_reference AS "ledgerReference", ${d}.note`);

export const savingsDeliveries: TableOf<SavingsDeliveryRow> = {
  table: 'savings_deliveries',
  alias: 'd',
  noun: 'savings delivery',
  columns: savingsDeliveryColumns,
};

/** A line's deliveries in the order recorded. */
export const savingsDeliveryOrder = (d: string) => raw(`${d}.recorded_on, ${d}.seq`);

/** One entry of a line's changes: fields that do not apply to its kind are null. */
export interface SavingsChangeRow {
  on: string;
  kind: 'REFORECAST' | 'CONFIDENCE' | 'REPHASED_OUT' | 'REPHASED_IN' | 'WRITTEN_OFF';
  amount: string | null;
  otherYear: number | null;
  forecastBefore: string | null;
  forecastAfter: string | null;
  confidenceBefore: string | null;
  confidenceAfter: string | null;
  reason: string | null;
  resolutionId: string | null;
  recordedBy: string;
}

export const savingsChangeColumns = (c: string) =>
  raw(`${c}.on_date AS "on", ${c}.kind, ${c}.amount::text AS amount, ${c}.other_year AS "otherYear",
   ${c}.forecast_before::text AS "forecastBefore", ${c}.forecast_after::text AS "forecastAfter",
   ${c}.confidence_before AS "confidenceBefore", ${c}.confidence_after AS "confidenceAfter", ${c}.reason,
   ${c}.resolution_id AS "resolutionId", ${c}.recorded_by AS "recordedBy"`);

/** Newest first; on the same day, the one recorded later first. */
export const savingsChangeOrder = (c: string) => raw(`${c}.on_date DESC, ${c}.seq DESC`);
