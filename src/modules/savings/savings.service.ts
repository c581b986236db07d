import Decimal from 'decimal.js';
import { Caller } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { param, sql } from '../../db/sql';
import { findVisible, setsOf } from '../../db/table';
import { badInput, conflict } from '../../errors';
import { recordSavingsChange } from './savings-change';
import { financialYearOf, formatFinancialYear } from '../../values/financial-year';
import { optionalText, presentKeys, requiredText } from '../../validation';
import { created, recordAudit } from '../audit/audit.service';
import { updateVisible } from '../audit/versioned-writes';
import { programmes } from '../programme/programme.entity';
import { savingsDeliveryColumns, SavingsDeliveryRow, savingsLineColumns, SavingsLineRow, savingsLines } from './savings.entity';
import {
  MutationUpdateSavingsLineArgs,
  SavingsDeliveryInput,
  SavingsLineInput,
  UpdateSavingsLineInput,
} from '../../generated/types';

/** Who writes savings: finance officers, and ADMIN who may do everything. */
export function requireSavingsWriter(caller: Caller): void {
  requireRole(caller, 'FINANCE', 'ADMIN');
}

export async function createSavingsLine(ctx: Context, input: SavingsLineInput): Promise<SavingsLineRow> {
  const caller = requireCaller(ctx);
  const description = requiredText('description', input.description, 500);
  const reference = optionalText('reference', input.reference, 100) ?? null;
  return inTransaction(ctx, async (tx) => {
    const programme = await findVisible(tx, programmes, ctx.scope, input.programmeId);
    const replaced = input.replacesId == null ? null : await findVisible(tx, savingsLines, ctx.scope, input.replacesId);
    requireSavingsWriter(caller);
    if (replaced && replaced.programmeId !== programme.id) {
      throw badInput('replacesId', 'A savings line replaces only a line of its own programme');
    }
    if (input.planned.isNegative()) throw badInput('planned', 'planned must be 0 or more');
    // nothing is delivered yet: BLUE (delivered in full) only for a line that plans nothing
    const deliveryConfidence = input.deliveryConfidence ?? input.confidence ?? 'NOT_RATED';
    requireDeliveredForBlue(deliveryConfidence, '0', input.planned.toFixed(2));
    // the forecast is the plan until someone says otherwise
    const planned = param(input.planned.toFixed(2));
    const [row] = await tx.rows<SavingsLineRow>(
      sql`INSERT INTO savings_lines (organisation_id, programme_id, description, kind, category, financial_year, recurring,
                                  reference, replaces_id, planned, original_planned, forecast, delivery_confidence)
       VALUES (${caller.organisationId}, ${programme.id}, ${description}, coalesce(${input.kind ?? null}, 'SAVING'), ${input.category},
               ${input.financialYear}, coalesce(${input.recurring ?? null}, false), ${reference}, ${replaced?.id ?? null}::uuid,
               ${planned}::numeric, ${planned}::numeric,
               coalesce(${input.forecast?.toFixed(2) ?? null}::numeric, ${planned}::numeric), ${deliveryConfidence})
       ON CONFLICT DO NOTHING
       RETURNING ${savingsLineColumns('savings_lines')}`,
    );
    // the only unique key a new line can collide on is its reference in its year
    if (!row)
      throw conflict(
        `Programme ${programme.code} already has a savings line ${reference} in ${formatFinancialYear(input.financialYear)}`,
        'reference',
      );
    const { id, version, delivered, ...values } = row;
    await recordAudit(tx, caller, 'savingsLine.created', 'SavingsLine', id, created(values));
    return row;
  });
}

/** BLUE says delivered in full: only when the ledger shows at least the plan. */
function requireDeliveredForBlue(confidence: string, delivered: string, planned: string): void {
  if (confidence === 'BLUE' && new Decimal(delivered).lessThan(planned)) {
    throw badInput('deliveryConfidence', `BLUE means delivered in full: ${delivered} is delivered of ${planned} planned`);
  }
}

const INPUTS = ['description', 'category', 'recurring', 'forecast', 'confidence', 'deliveryConfidence'] as const;
const EDITABLE = ['description', 'category', 'recurring', 'forecast', 'deliveryConfidence'] as const;
type Editable = (typeof EDITABLE)[number];

/** Absent fields stay as they are; none of them may be set to null. The deprecated confidence sets deliveryConfidence. */
function cleanUpdate(input: UpdateSavingsLineInput): Partial<Record<Editable, unknown>> {
  const clean: Partial<Record<Editable, unknown>> = {};
  for (const field of presentKeys(input)) {
    if (!(INPUTS as readonly string[]).includes(field)) continue;
    const value = input[field];
    if (value === null) throw badInput(field, `${field} cannot be null`);
    if (field === 'description') clean.description = requiredText('description', value as string, 500);
    else if (field === 'forecast') clean.forecast = (value as Decimal).toFixed(2);
    else if (field === 'confidence') clean.deliveryConfidence ??= value;
    else clean[field as Editable] = value;
  }
  if (input.deliveryConfidence != null) clean.deliveryConfidence = input.deliveryConfidence;
  return clean;
}

const UPDATED = { action: 'savingsLine.updated', entityType: 'SavingsLine', fields: EDITABLE };

export async function updateSavingsLine(
  ctx: Context,
  { input, ...args }: MutationUpdateSavingsLineArgs,
): Promise<SavingsLineRow> {
  const caller = requireCaller(ctx);
  const clean = cleanUpdate(input);
  const check = (before: SavingsLineRow) => {
    requireSavingsWriter(caller);
    if (clean.deliveryConfidence) requireDeliveredForBlue(clean.deliveryConfidence as string, before.delivered, before.planned);
    return setsOf(clean, EDITABLE);
  };
  // the line's changes: one entry for each of a re-forecast and a re-rating
  return updateVisible(ctx, caller, savingsLines, args, UPDATED, check, async (tx, before, after) => {
    if (before.forecast !== after.forecast) {
      await recordSavingsChange(tx, caller, before.id, {
        kind: 'REFORECAST',
        forecastBefore: before.forecast,
        forecastAfter: after.forecast,
      });
    }
    if (before.deliveryConfidence !== after.deliveryConfidence) {
      await recordSavingsChange(tx, caller, before.id, {
        kind: 'CONFIDENCE',
        confidenceBefore: before.deliveryConfidence,
        confidenceAfter: after.deliveryConfidence,
      });
    }
  });
}

export async function recordSavingsDelivery(
  ctx: Context,
  savingsLineId: string,
  input: SavingsDeliveryInput,
): Promise<SavingsDeliveryRow> {
  const caller = requireCaller(ctx);
  const ledgerReference = optionalText('ledgerReference', input.ledgerReference, 100) ?? null;
  const note = optionalText('note', input.note, 2000) ?? null;
  return inTransaction(ctx, async (tx) => {
    const line = await findVisible(tx, savingsLines, ctx.scope, savingsLineId, { holdKey: true });
    requireSavingsWriter(caller);
    if (financialYearOf(input.recordedOn) !== line.financialYear) {
      const year = formatFinancialYear(line.financialYear);
      throw badInput('recordedOn', `recordedOn must fall within the line's financial year ${year} (1 April to 31 March)`);
    }
    const row = await tx.one<SavingsDeliveryRow>(
      sql`INSERT INTO savings_deliveries (organisation_id, savings_line_id, amount, recorded_on, ledger_reference, note)
       VALUES (${caller.organisationId}, ${line.id}, ${input.amount.toFixed(2)}, ${input.recordedOn}, ${ledgerReference}, ${note})
       ON CONFLICT ON CONSTRAINT uq_savings_deliveries_ledger_reference DO NOTHING
       RETURNING ${savingsDeliveryColumns('savings_deliveries')}`,
    );
    if (!row) throw conflict(`Ledger reference ${ledgerReference} is already recorded`, 'ledgerReference');
    const { id, ...values } = row;
    await recordAudit(tx, caller, 'savingsDelivery.recorded', 'SavingsDelivery', id, created(values));
    return row;
  });
}
