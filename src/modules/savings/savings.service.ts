import Decimal from 'decimal.js';
import { Caller } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { param, sql } from '../../db/sql';
import { findVisible, updateVersioned } from '../../db/table';
import { badInput, conflict } from '../../errors';
import { optionalText, presentKeys, requiredText } from '../../validation';
import { created, diff, recordAudit } from '../audit/audit.service';
import { programmes } from '../programme/programme.entity';
import { savingsDeliveryColumns, SavingsDeliveryRow, savingsLineColumns, SavingsLineRow, savingsLines } from './savings.entity';
import { SavingsDeliveryInput, SavingsLineInput, UpdateSavingsLineInput } from '../../generated/types';

/** Who writes savings: finance officers, and ADMIN who may do everything. */
export function requireSavingsWriter(caller: Caller): void {
  requireRole(caller, 'FINANCE', 'ADMIN');
}

export async function createSavingsLine(ctx: Context, input: SavingsLineInput): Promise<SavingsLineRow> {
  const caller = requireCaller(ctx);
  const description = requiredText('description', input.description, 500);
  return inTransaction(ctx, async (tx) => {
    const programme = await findVisible(tx, programmes, ctx.scope, input.programmeId);
    requireSavingsWriter(caller);
    if (input.planned.isNegative()) throw badInput('planned', 'planned must be 0 or more');
    // the forecast is the plan until someone says otherwise
    const planned = param(input.planned.toFixed(2));
    const [row] = await tx.rows<SavingsLineRow>(
      sql`INSERT INTO savings_lines (organisation_id, programme_id, description, kind, category, financial_year, recurring,
                                  planned, forecast, confidence)
       VALUES (${caller.organisationId}, ${programme.id}, ${description}, coalesce(${input.kind ?? null}, 'SAVING'), ${input.category},
               ${input.financialYear}, coalesce(${input.recurring ?? null}, false), ${planned}::numeric,
               coalesce(${input.forecast?.toFixed(2) ?? null}::numeric, ${planned}::numeric), coalesce(${input.confidence ?? null}, 'GREEN'))
       RETURNING ${savingsLineColumns('savings_lines')}`,
    );
    const { id, version, delivered, ...values } = row;
    await recordAudit(tx, caller, 'savingsLine.created', 'SavingsLine', id, created(values));
    return row;
  });
}

const EDITABLE = ['description', 'category', 'recurring', 'forecast', 'confidence'] as const;

/** Absent fields stay as they are; none of them may be set to null. */
function cleanUpdate(input: UpdateSavingsLineInput): Partial<Record<(typeof EDITABLE)[number], unknown>> {
  const clean: Partial<Record<(typeof EDITABLE)[number], unknown>> = {};
  for (const field of presentKeys(input)) {
    if (!(EDITABLE as readonly string[]).includes(field)) continue;
    const value = input[field];
    if (value === null) throw badInput(field, `${field} cannot be null`);
    if (field === 'description') clean.description = requiredText('description', value as string, 500);
    else if (field === 'forecast') clean.forecast = (value as Decimal).toFixed(2);
    else clean[field] = value;
  }
  return clean;
}

export async function updateSavingsLine(
  ctx: Context,
  id: string,
  expectedVersion: number,
  input: UpdateSavingsLineInput,
): Promise<SavingsLineRow> {
  const caller = requireCaller(ctx);
  const clean = cleanUpdate(input);
  return inTransaction(ctx, async (tx) => {
    const before = await findVisible(tx, savingsLines, ctx.scope, id);
    requireSavingsWriter(caller);
    const after = await updateVersioned(tx, savingsLines, ctx.scope, before, expectedVersion, clean);
    await recordAudit(tx, caller, 'savingsLine.updated', 'SavingsLine', id, diff(before, after, [...EDITABLE]));
    return after;
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
    const line = await findVisible(tx, savingsLines, ctx.scope, savingsLineId);
    requireSavingsWriter(caller);
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
