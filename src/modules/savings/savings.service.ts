import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { Caller } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller, requireRole } from '../../auth/permissions';
import { badInput, conflict, notFound } from '../../errors';
import { isId, optionalText, presentKeys, requiredText } from '../../validation';
import { created, diff, recordAudit } from '../audit/audit.service';
import { findProgramme } from '../programme/programme.service';
import { savingsDeliveryColumns, SavingsDeliveryRow, savingsLineColumns, SavingsLineRow } from './savings.entity';

/** Who writes savings: finance officers, and ADMIN who may do everything. */
export function requireSavingsWriter(caller: Caller): void {
  requireRole(caller, 'FINANCE', 'ADMIN');
}

/** Reads a savings line inside a transaction (never through a loader there). */
export async function findSavingsLine(em: EntityManager, organisationId: string, id: string): Promise<SavingsLineRow | null> {
  if (!isId(id)) return null;
  const [row] = await em.query(
    `SELECT ${savingsLineColumns('l')} FROM savings_lines l WHERE l.organisation_id = $1 AND l.id = $2`,
    [organisationId, id],
  );
  return row ?? null;
}

export interface SavingsLineInput {
  programmeId: string;
  description: string;
  kind?: string | null;
  category: string;
  financialYear: number;
  recurring?: boolean | null;
  planned: Decimal;
  forecast?: Decimal | null;
  confidence?: string | null;
}

export async function createSavingsLine(ctx: Context, input: SavingsLineInput): Promise<SavingsLineRow> {
  const caller = requireCaller(ctx);
  const description = requiredText('description', input.description, 500);
  return inTransaction(ctx, async (em) => {
    const programme = await findProgramme(em, caller.organisationId, input.programmeId);
    if (!programme) throw notFound('programme');
    requireSavingsWriter(caller);
    if (input.planned.isNegative()) throw badInput('planned', 'planned must be 0 or more');
    const [row]: SavingsLineRow[] = await em.query(
      `INSERT INTO savings_lines (organisation_id, programme_id, description, kind, category, financial_year, recurring,
                                  planned, forecast, confidence)
       VALUES ($1, $2, $3, coalesce($4, 'SAVING'), $5, $6, coalesce($7, false), $8::numeric, coalesce($9::numeric, $8::numeric),
               coalesce($10, 'GREEN'))
       RETURNING ${savingsLineColumns('savings_lines')}`,
      [
        caller.organisationId,
        programme.id,
        description,
        input.kind ?? null,
        input.category,
        input.financialYear,
        input.recurring ?? null,
        input.planned.toFixed(2),
        input.forecast?.toFixed(2) ?? null,
        input.confidence ?? null,
      ],
    );
    const { id, version, delivered, ...values } = row;
    await recordAudit(em, caller, 'savingsLine.created', 'SavingsLine', id, created(values));
    return row;
  });
}

export interface UpdateSavingsLineInput {
  description?: string | null;
  category?: string | null;
  recurring?: boolean | null;
  forecast?: Decimal | null;
  confidence?: string | null;
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
  return inTransaction(ctx, async (em) => {
    const before = await findSavingsLine(em, caller.organisationId, id);
    if (!before) throw notFound('savings line');
    requireSavingsWriter(caller);
    if (before.version !== expectedVersion)
      throw conflict(`The savings line is at version ${before.version}, not ${expectedVersion}`);
    const params: unknown[] = [caller.organisationId, id, expectedVersion];
    const sets = (Object.keys(clean) as (keyof typeof clean)[]).map((f) => `${f} = $${params.push(clean[f])}`);
    // compare-and-set in one statement: of concurrent writers with one version, one wins
    const [after]: SavingsLineRow[] = await em
      .query(
        `UPDATE savings_lines SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
          WHERE organisation_id = $1 AND id = $2 AND version = $3
          RETURNING ${savingsLineColumns('savings_lines')}`,
        params,
      )
      .then((r: [SavingsLineRow[], number]) => r[0]);
    if (!after) throw conflict('The savings line was changed by someone else; reload it and try again');
    await recordAudit(em, caller, 'savingsLine.updated', 'SavingsLine', id, diff(before, after, [...EDITABLE]));
    return after;
  });
}

export interface SavingsDeliveryInput {
  amount: Decimal;
  recordedOn: string;
  ledgerReference?: string | null;
  note?: string | null;
}

export async function recordSavingsDelivery(
  ctx: Context,
  savingsLineId: string,
  input: SavingsDeliveryInput,
): Promise<SavingsDeliveryRow> {
  const caller = requireCaller(ctx);
  const ledgerReference = optionalText('ledgerReference', input.ledgerReference, 100) ?? null;
  const note = optionalText('note', input.note, 2000) ?? null;
  return inTransaction(ctx, async (em) => {
    const line = await findSavingsLine(em, caller.organisationId, savingsLineId);
    if (!line) throw notFound('savings line');
    requireSavingsWriter(caller);
    const [row]: SavingsDeliveryRow[] = await em.query(
      `INSERT INTO savings_deliveries (organisation_id, savings_line_id, amount, recorded_on, ledger_reference, note)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT uq_savings_deliveries_ledger_reference DO NOTHING
       RETURNING ${savingsDeliveryColumns('savings_deliveries')}`,
      [caller.organisationId, line.id, input.amount.toFixed(2), input.recordedOn, ledgerReference, note],
    );
    if (!row) throw conflict(`Ledger reference ${ledgerReference} is already recorded`, 'ledgerReference');
    const { id, ...values } = row;
    await recordAudit(em, caller, 'savingsDelivery.recorded', 'SavingsDelivery', id, created(values));
    return row;
  });
}
