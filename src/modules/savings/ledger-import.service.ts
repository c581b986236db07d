import { randomUUID } from 'node:crypto';
import { Caller } from '../../auth/caller';
import { Context, inTransaction } from '../../context';
import { requireCaller } from '../../auth/permissions';
import { Tx } from '../../db/db';
import { param, sql } from '../../db/sql';
import { recordAudit } from '../audit/audit.service';
import { LedgerImportError, LedgerRow, readLedger } from './ledger-csv';
import { requireSavingsWriter } from './savings.service';

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
 * recorded are skipped, so importing a file again changes nothing.
 */
export async function importLedgerActuals(ctx: Context, csv: string, dryRun: boolean): Promise<LedgerImportResult> {
  const caller = requireCaller(ctx);
  requireSavingsWriter(caller);
  const read = readLedger(csv);
  return inTransaction(ctx, async (tx) => {
    const errors = [...read.errors];
    const matched = await matchLines(tx, caller.organisationId, read.rows, errors);
    const recorded = await recordedReferences(
      tx,
      caller.organisationId,
      matched.map((r) => r.ledgerReference),
    );
    const fresh = matched.filter((r) => !recorded.has(r.ledgerReference));
    const result = { dryRun, rowsRead: read.rowsRead, rowsImported: 0, rowsSkipped: matched.length - fresh.length };
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
 * Finds each distinct (programme, year, description) once: the programme by code, then the
 * lines of that programme and year whose description equals it ignoring case.
 * A row whose programme or line is missing, or whose description names several lines, is an error.
 */
async function matchLines(tx: Tx, organisationId: string, rows: LedgerRow[], errors: LedgerImportError[]): Promise<MatchedRow[]> {
  if (!rows.length) return [];
  const keyOf = (r: LedgerRow) => JSON.stringify([r.programmeCode, r.financialYear, r.description]);
  const keys = new Map<string, LedgerRow>();
  for (const row of rows) if (!keys.has(keyOf(row))) keys.set(keyOf(row), row);
  const distinct = [...keys.values()];
  const org = param(organisationId);
  const found = await tx.rows<{ i: number; programme: boolean; lines: number; line_id: string | null }>(
    sql`SELECT k.i::int AS i, (p.id IS NOT NULL) AS programme, count(l.id)::int AS lines, min(l.id::text) AS line_id
       FROM unnest(${distinct.map((r) => r.programmeCode)}::text[], ${distinct.map((r) => r.financialYear)}::int[],
                   ${distinct.map((r) => r.description)}::text[]) WITH ORDINALITY AS k(code, year, description, i)
       LEFT JOIN programmes p ON p.organisation_id = ${org} AND p.code = k.code
       LEFT JOIN savings_lines l ON l.organisation_id = ${org} AND l.programme_id = p.id AND l.financial_year = k.year
                                AND lower(l.description) = lower(k.description)
      GROUP BY k.i, p.id`,
  );
  const outcome = new Map<string, { lineId?: string; error?: string }>();
  for (const f of found) {
    const row = distinct[f.i - 1];
    const year = `${row.financialYear}/${String((row.financialYear + 1) % 100).padStart(2, '0')}`;
    const error = !f.programme
      ? `No programme with code ${row.programmeCode}`
      : f.lines === 0
        ? `Programme ${row.programmeCode} has no savings line "${row.description}" in ${year}`
        : f.lines > 1
          ? `Programme ${row.programmeCode} has ${f.lines} savings lines "${row.description}" in ${year}; rename them so one matches`
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

async function recordedReferences(tx: Tx, organisationId: string, references: string[]): Promise<Set<string>> {
  if (!references.length) return new Set();
  const rows = await tx.rows<{ ledger_reference: string }>(
    sql`SELECT ledger_reference FROM savings_deliveries WHERE organisation_id = ${organisationId} AND ledger_reference = ANY(${references}::text[])`,
  );
  return new Set(rows.map((r) => r.ledger_reference));
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
              AS r(line_id, amount, recorded_on, reference)
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
