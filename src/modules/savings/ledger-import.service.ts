import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { Caller } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { Tx } from '../../db/db';
import { param, sql } from '../../db/sql';
import { recordAudit } from '../audit/audit.service';
import { LedgerImportError, LedgerRow, readLedger } from './ledger-csv';
import { requireSavingsWriter } from './savings.service';
import { formatFinancialYear } from '../../values/financial-year';

export interface LedgerImportResult {
  dryRun: boolean;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  errors: LedgerImportError[];
}

/** Rows per INSERT: few statements for a big file, parameters well within pg's limits. */
const BATCH = 5000;

/** A row matched to its savings line. */
interface MatchedRow extends LedgerRow {
  savingsLineId: string;
}

/**
 * `importLedgerActuals`: reads and checks every row, matches all of them to savings lines in one
 * query, and writes all rows or none in one transaction. Rows whose ledger reference is already
 * recorded with the same line, amount and date are skipped, so importing a file again changes
 * nothing; one recorded otherwise is an error (a re-sent line whose amount changed is not silently
 * dropped).
 */
export async function importLedgerActuals(ctx: Context, csv: string, dryRun: boolean): Promise<LedgerImportResult> {
  const caller = requireCaller(ctx);
  requireSavingsWriter(caller);
  const read = readLedger(csv);
  return inTransaction(ctx, async (tx) => {
    const errors = [...read.errors];
    const matched = await holdLines(
      tx,
      caller.organisationId,
      await matchLines(tx, caller.organisationId, read.rows, errors),
      errors,
    );
    const recorded = await recordedDeliveries(
      tx,
      caller.organisationId,
      matched.map((r) => r.ledgerReference),
    );
    // a reference recorded as this row says is skipped; recorded otherwise, the row is an error
    const fresh: MatchedRow[] = [];
    let skipped = 0;
    for (const row of matched) {
      const before = recorded.get(row.ledgerReference);
      const differences = before ? differencesFrom(row, before) : null;
      if (!before) fresh.push(row);
      else if (!differences) skipped++;
      else errors.push({ line: row.line, message: `ledger_reference ${row.ledgerReference} is already recorded ${differences}` });
    }
    const result = { dryRun, rowsRead: read.rowsRead, rowsImported: 0, rowsSkipped: skipped };
    if (errors.length) return { ...result, errors: errors.sort((a, b) => a.line - b.line) };
    if (dryRun) return { ...result, rowsImported: fresh.length, errors };
    let imported = 0;
    for (let i = 0; i < fresh.length; i += BATCH) imported += await insertDeliveries(tx, caller, fresh.slice(i, i + BATCH));
    if (imported) {
      await recordAudit(
        tx,
        caller,
        'ledger.imported',
        'LedgerImport',
        randomUUID(),
        counts(read.rowsRead, imported, matched.length - imported),
      );
    }
    return { ...result, rowsImported: imported, rowsSkipped: matched.length - imported, errors };
  });
}

const counts = (rowsRead: number, rowsImported: number, rowsSkipped: number) => ({
  rowsRead: [null, rowsRead] as [null, number],
  rowsImported: [null, rowsImported] as [null, number],
  rowsSkipped: [null, rowsSkipped] as [null, number],
});

/**
 * Finds each distinct (programme, year, line name) once: the programme by code, then the lines of
 * that programme and year whose reference (where the row gives savings_reference) or else
 * description equals it ignoring case. A row whose programme or line is missing, or whose
 * description names several lines, is an error.
 */
async function matchLines(tx: Tx, organisationId: string, rows: LedgerRow[], errors: LedgerImportError[]): Promise<MatchedRow[]> {
  if (!rows.length) return [];
  const keyOf = (r: LedgerRow) => JSON.stringify([r.programmeCode, r.financialYear, r.savingsReference, r.description]);
  const keys = new Map<string, LedgerRow>();
  for (const row of rows) if (!keys.has(keyOf(row))) keys.set(keyOf(row), row);
  const distinct = [...keys.values()];
  const org = param(organisationId);
  const found = await tx.rows<{ i: number; programme: boolean; lines: number; line_id: string | null }>(
    sql`SELECT k.i::int AS i, (p.id IS NOT NULL) AS programme, count(l.id)::int AS lines, min(l.id::text) AS line_id
       FROM unnest(${distinct.map((r) => r.programmeCode)}::text[], ${distinct.map((r) => r.financialYear)}::int[],
                   ${distinct.map((r) => r.savingsReference)}::text[], ${distinct.map((r) => r.description)}::text[])
            WITH ORDINALITY AS k(code, year, reference, description, i)
       LEFT JOIN programmes p ON p.organisation_id = ${org} AND p.code = k.code
       LEFT JOIN savings_lines l ON l.organisation_id = ${org} AND l.programme_id = p.id AND l.financial_year = k.year
                                AND CASE WHEN k.reference IS NULL THEN lower(l.description) = lower(k.description)
                                         ELSE lower(l.reference) = lower(k.reference) END
      GROUP BY k.i, p.id`,
  );
  const outcome = new Map<string, { lineId?: string; error?: string }>();
  for (const f of found) {
    const row = distinct[f.i - 1];
    const error = !f.programme
      ? `No programme with code ${row.programmeCode}`
      : f.lines === 0
        ? `Programme ${row.programmeCode} has no savings line ${lineName(row)} in ${formatFinancialYear(row.financialYear)}`
        : f.lines > 1
          ? `Programme ${row.programmeCode} has ${f.lines} savings lines "${row.description}" in ${formatFinancialYear(row.financialYear)}; rename them so one matches`
          : undefined;
    outcome.set(keyOf(row), error ? { error } : { lineId: f.line_id! });
  }
  const matched: MatchedRow[] = [];
  for (const row of rows) {
    const { lineId, error } = outcome.get(keyOf(row))!;
    if (error) errors.push({ line: row.line, message: error });
    else matched.push({ ...row, savingsLineId: lineId! });
  }
  return matched;
}

const lineName = (row: LedgerRow) => (row.savingsReference ? `with reference ${row.savingsReference}` : `"${row.description}"`);

/**
 * Holds the matched lines' keys until the import ends, so that a line deleted meanwhile either
 * waits for the import (and then goes with the deliveries it received) or has gone first: its
 * rows are then errors, never a foreign-key failure (deleteSavingsLine locks the line before it
 * removes anything).
 */
async function holdLines(tx: Tx, organisationId: string, rows: MatchedRow[], errors: LedgerImportError[]): Promise<MatchedRow[]> {
  if (!rows.length) return rows;
  const ids = [...new Set(rows.map((r) => r.savingsLineId))];
  const held = await tx.rows<{ id: string }>(
    sql`SELECT id FROM savings_lines WHERE organisation_id = ${organisationId} AND id = ANY(${ids}::uuid[]) ORDER BY id FOR KEY SHARE`,
  );
  const present = new Set(held.map((r) => r.id));
  const kept: MatchedRow[] = [];
  for (const row of rows) {
    if (present.has(row.savingsLineId)) kept.push(row);
    else errors.push({ line: row.line, message: `The savings line ${lineName(row)} was deleted during the import` });
  }
  return kept;
}

interface RecordedDelivery {
  savings_line_id: string;
  amount: string;
  recorded_on: string;
}

async function recordedDeliveries(tx: Tx, organisationId: string, references: string[]): Promise<Map<string, RecordedDelivery>> {
  if (!references.length) return new Map();
  const rows = await tx.rows<RecordedDelivery & { ledger_reference: string }>(
    sql`SELECT ledger_reference, savings_line_id, amount::text AS amount, recorded_on FROM savings_deliveries
         WHERE organisation_id = ${organisationId} AND ledger_reference = ANY(${references}::text[])`,
  );
  return new Map(rows.map((r) => [r.ledger_reference, r]));
}

/** How a recorded delivery differs from the row (amounts compared as numbers), or null when it does not. */
function differencesFrom(row: MatchedRow, recorded: RecordedDelivery): string | null {
  const differences = [
    recorded.savings_line_id !== row.savingsLineId ? 'against another savings line' : null,
    !new Decimal(recorded.amount).equals(row.amount) ? `with amount ${recorded.amount}, not ${row.amount.toFixed(2)}` : null,
    recorded.recorded_on !== row.recordedOn ? `on ${recorded.recorded_on}, not ${row.recordedOn}` : null,
  ].filter(Boolean);
  return differences.length ? differences.join(', ') : null;
}

/**
 * One statement per batch writes the deliveries and an audit event for each. A reference
 * recorded meanwhile by a concurrent import is skipped rather than failing the import.
 * Returns how many were written.
 */
async function insertDeliveries(tx: Tx, caller: Caller, rows: MatchedRow[]): Promise<number> {
  const org = param(caller.organisationId);
  const [{ n }] = await tx.rows<{ n: number }>(
    sql`WITH delivery AS (
       INSERT INTO savings_deliveries (organisation_id, savings_line_id, amount, recorded_on, ledger_reference)
       SELECT ${org}, r.line_id, r.amount, r.recorded_on, r.reference
         FROM unnest(${rows.map((r) => r.savingsLineId)}::uuid[], ${rows.map((r) => r.amount.toFixed(2))}::numeric[],
                     ${rows.map((r) => r.recordedOn)}::date[], ${rows.map((r) => r.ledgerReference)}::text[])
              WITH ORDINALITY AS r(line_id, amount, recorded_on, reference, n)
        ORDER BY r.n
       ON CONFLICT ON CONSTRAINT uq_savings_deliveries_ledger_reference DO NOTHING
       RETURNING id, savings_line_id, amount, recorded_on, ledger_reference
     ), audit AS (
       INSERT INTO audit_events (organisation_id, actor_user_id, actor, action, entity_type, entity_id, changes)
       SELECT ${org}, ${caller.userId}::uuid, ${caller.email}, 'savingsDelivery.recorded', 'SavingsDelivery', d.id,
              jsonb_build_object('savingsLineId', jsonb_build_array(NULL, d.savings_line_id),
                                 'amount', jsonb_build_array(NULL, d.amount::text),
                                 'recordedOn', jsonb_build_array(NULL, d.recorded_on),
                                 'ledgerReference', jsonb_build_array(NULL, d.ledger_reference))
         FROM delivery d
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM audit`,
  );
  return n;
}
