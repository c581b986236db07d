import Decimal from 'decimal.js';
import { Caller } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { Scope } from '../../auth/scope';
import { Tx } from '../../db/db';
import { param, sql } from '../../db/sql';
import { findVisible, updateVersioned } from '../../db/table';
import { badInput } from '../../errors';
import { MutationRephaseSavingsArgs, MutationWriteOffSavingsArgs } from '../../generated/types';
import { formatFinancialYear } from '../../values/financial-year';
import { requiredText } from '../../validation';
import { created, diff, recordAudit } from '../audit/audit.service';
import { updateAudited } from '../audit/versioned-writes';
import { resolutions } from '../decision-trail/decision-trail.entity';
import { recordSavingsChange } from './savings-change';
import { savingsLineColumns, SavingsLineRow, savingsLines } from './savings.entity';
import { requireSavingsWriter } from './savings.service';

/** 0 < amount: a malformed amount for either mutation, whatever the line. */
function positive(amount: Decimal): string {
  if (!amount.isPositive() || amount.isZero()) throw badInput('amount', 'amount must be more than 0.00');
  return amount.toFixed(2);
}

/** amount <= planned - delivered: what is delivered can be neither moved nor given up. */
function requireUndelivered(line: SavingsLineRow, amount: string): void {
  const open = new Decimal(line.planned).minus(line.delivered);
  if (open.lessThan(amount)) {
    throw badInput('amount', `amount must be at most planned less delivered, ${open.toFixed(2)}`);
  }
}

/** The line a rephasing or write-off changes and the resolution behind it (NOT_FOUND), for a savings writer (FORBIDDEN). */
async function lineToChange(tx: Tx, scope: Scope, caller: Caller, args: { savingsLineId: string; resolutionId?: string | null }) {
  const line = await findVisible(tx, savingsLines, scope, args.savingsLineId);
  const resolution = args.resolutionId == null ? null : await findVisible(tx, resolutions, scope, args.resolutionId);
  requireSavingsWriter(caller);
  return { line, resolutionId: resolution?.id ?? null };
}

/**
 * rephaseSavings: part of a saving slips to a later year. planned and forecast move from this
 * line to the same reference's line of that year (created if there is none); each line records
 * the move in its changes. Both lines' versions change.
 */
export async function rephaseSavings(ctx: Context, args: MutationRephaseSavingsArgs): Promise<SavingsLineRow> {
  const caller = requireCaller(ctx);
  const reason = requiredText('reason', args.reason, 2000);
  const amount = positive(args.amount);
  return inTransaction(ctx, async (tx) => {
    const { line: from, resolutionId } = await lineToChange(tx, ctx.scope, caller, args);
    if (!from.reference) throw badInput('savingsLineId', 'Only a line with an MTFS reference can be rephased');
    if (args.toFinancialYear <= from.financialYear) {
      throw badInput('toFinancialYear', `toFinancialYear must be later than ${formatFinancialYear(from.financialYear)}`);
    }
    requireUndelivered(from, amount);
    const after = await updateVersioned(tx, savingsLines, ctx.scope, from, args.expectedVersion, {
      planned: sql`planned - ${amount}::numeric`,
      forecast: sql`forecast - ${amount}::numeric`,
    });
    const to = await receivingLine(tx, ctx.scope.org, from, args.toFinancialYear, amount);
    const why = { reason: [null, reason] as [null, string], resolutionId: [null, resolutionId] as [null, string | null] };
    await recordAudit(tx, caller, 'savingsLine.rephased', 'SavingsLine', from.id, {
      ...diff(from, after, ['planned', 'forecast']),
      toFinancialYear: [null, args.toFinancialYear],
      ...why,
    });
    await recordAudit(tx, caller, 'savingsLine.rephased', 'SavingsLine', to.after.id, {
      ...(to.before ? diff(to.before, to.after, ['planned', 'forecast']) : created(to.after)),
      fromFinancialYear: [null, from.financialYear],
      ...why,
    });
    const move = { amount, reason, resolutionId };
    await recordSavingsChange(tx, caller, from.id, { kind: 'REPHASED_OUT', otherYear: args.toFinancialYear, ...move });
    await recordSavingsChange(tx, caller, to.after.id, { kind: 'REPHASED_IN', otherYear: from.financialYear, ...move });
    return to.after;
  });
}

/** The line of the same programme and reference in `year`, with amount added; created when there is none. */
async function receivingLine(
  tx: Tx,
  org: Scope['org'],
  from: SavingsLineRow,
  year: number,
  amount: string,
): Promise<{ before: SavingsLineRow | null; after: SavingsLineRow }> {
  const a = param(amount);
  const key = sql`organisation_id = ${org} AND programme_id = ${from.programmeId} AND financial_year = ${year} AND lower(reference) = lower(${from.reference})`;
  const before = await tx.one<SavingsLineRow>(
    sql`SELECT ${savingsLineColumns('savings_lines')} FROM savings_lines WHERE ${key} FOR UPDATE`,
  );
  if (before) {
    const after = await tx.one<SavingsLineRow>(
      sql`UPDATE savings_lines SET planned = planned + ${a}::numeric, forecast = forecast + ${a}::numeric,
              version = version + 1, updated_at = now()
           WHERE ${key} RETURNING ${savingsLineColumns('savings_lines')}`,
    );
    return { before, after: after! };
  }
  const after = await tx.one<SavingsLineRow>(
    sql`INSERT INTO savings_lines (organisation_id, programme_id, description, kind, category, financial_year, recurring,
                                reference, planned, original_planned, forecast, delivery_confidence)
       SELECT organisation_id, programme_id, description, kind, category, ${year}, recurring,
              reference, ${a}::numeric, 0, ${a}::numeric, 'NOT_RATED'
         FROM savings_lines WHERE organisation_id = ${org} AND id = ${from.id}
       RETURNING ${savingsLineColumns('savings_lines')}`,
  );
  return { before: null, after: after! };
}

/** writeOffSavings: part of a saving proves undeliverable; planned drops, forecast with it (not below 0.00). */
export async function writeOffSavings(ctx: Context, args: MutationWriteOffSavingsArgs): Promise<SavingsLineRow> {
  const caller = requireCaller(ctx);
  const reason = requiredText('reason', args.reason, 2000);
  const amount = positive(args.amount);
  return inTransaction(ctx, async (tx) => {
    const { line, resolutionId } = await lineToChange(tx, ctx.scope, caller, args);
    requireUndelivered(line, amount);
    const writeOff = {
      planned: sql`planned - ${amount}::numeric`,
      forecast: sql`greatest(forecast - ${amount}::numeric, 0)`,
      written_off: sql`written_off + ${amount}::numeric`,
    };
    const after = await updateAudited(tx, caller, ctx.scope, savingsLines, line, args.expectedVersion, writeOff, {
      action: 'savingsLine.writtenOff',
      entityType: 'SavingsLine',
      fields: ['planned', 'forecast'],
      also: { reason: [null, reason], resolutionId: [null, resolutionId] },
    });
    await recordSavingsChange(tx, caller, line.id, { kind: 'WRITTEN_OFF', amount, reason, resolutionId });
    return after;
  });
}
