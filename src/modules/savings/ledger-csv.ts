import Decimal from 'decimal.js';
import { parse } from 'csv-parse/sync';
import { isCalendarDate } from '../../values/calendar-date';
import { parseFinancialYear } from '../../values/financial-year';
import { parseMoney } from '../../values/money';

/**
 * Ledger actuals as finance exports them from a spreadsheet: RFC 4180 CSV, perhaps with a
 * byte-order mark, CRLF line ends, quoted fields and amounts like "£1,234.50". Pure: reading
 * and checking each row needs no database; matching rows to savings lines does.
 */
export const LEDGER_COLUMNS = [
  'programme_code',
  'financial_year',
  'description',
  'amount',
  'recorded_on',
  'ledger_reference',
] as const;
type Column = (typeof LEDGER_COLUMNS)[number];

export interface LedgerImportError {
  line: number;
  message: string;
}

/** A row that reads well; whether its programme and line exist is for the database to say. */
export interface LedgerRow {
  line: number;
  programmeCode: string;
  financialYear: number;
  description: string;
  amount: Decimal;
  recordedOn: string;
  ledgerReference: string;
}

export interface ReadLedger {
  /** Data rows read (blank lines are not rows). */
  rowsRead: number;
  rows: LedgerRow[];
  errors: LedgerImportError[];
}

interface CsvRecord {
  line: number;
  fields: string[];
}

/** Records with the line each starts on; records the CSV syntax refuses become errors. */
export function readCsvRecords(text: string): { records: CsvRecord[]; errors: LedgerImportError[] } {
  const records: CsvRecord[] = [];
  const errors: LedgerImportError[] = [];
  let lastLine = 0; // the line the previous record (read or refused) ended on
  // one line end for all: csv-parse counts a CRLF inside a quoted field as two lines
  const normalised = text.replace(/\r\n?/g, '\n');
  parse(normalised, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (fields: string[], { lines }: { lines: number }) => {
      // lines is where the record ends; it starts as many lines up as its fields hold line ends
      const inside = fields.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
      records.push({ line: lines - inside, fields });
      lastLine = lines;
      return fields;
    },
    on_skip: (err) => {
      const line = lastLine + 1;
      errors.push({ line, message: `The CSV cannot be read here: ${err?.message ?? 'malformed record'}` });
      lastLine = Math.max(line, (err as { lines?: number } | undefined)?.lines ?? line);
    },
  });
  return { records, errors };
}

/** Maps each of the six columns to its position; null when the header is not exactly them. */
export function headerColumns(fields: string[]): Record<Column, number> | null {
  const names = fields.map((f) => f.trim().toLowerCase());
  if (names.length !== LEDGER_COLUMNS.length || new Set(names).size !== names.length) return null;
  const index = {} as Record<Column, number>;
  for (const column of LEDGER_COLUMNS) {
    const at = names.indexOf(column);
    if (at < 0) return null;
    index[column] = at;
  }
  return index;
}

// a sign before or after the pound sign, digits (with thousands separators in thousands), pence
const AMOUNT = /^(-?)£?(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?$/;

/**
 * An amount as a spreadsheet writes it: "1234.5", "£1,234.50", "-£120", "£-120", "(120.00)"
 * (an accountant's negative). Thousands separators must sit in thousands.
 */
export function parseAmount(text: string): Decimal {
  const s = text.replace(/\s+/g, '');
  const bracketed = /^\((.*)\)$/.exec(s);
  const m = AMOUNT.exec(bracketed ? bracketed[1] : s);
  if (!m || (m[1] && m[2]) || (bracketed && (m[1] || m[2]))) {
    throw new Error(`amount ${JSON.stringify(text)} is not an amount like 1234.50 or £1,234.50`);
  }
  const amount = parseMoney(`${m[3].replace(/,/g, '')}${m[4] ?? ''}`);
  return (bracketed || m[1] || m[2]) && !amount.isZero() ? amount.negated() : amount;
}

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** 2018-10-01, or 01/10/2018 as UK spreadsheets write it (day first). */
export function parseLedgerDate(text: string): string {
  const s = text.trim();
  const uk = UK_DATE.exec(s);
  const iso = uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : s;
  if (!isCalendarDate(iso)) throw new Error(`recorded_on ${JSON.stringify(text)} is not a date like 2018-10-01 or 01/10/2018`);
  return iso;
}

/** Checks one record's fields; every problem of the row is named in one message. */
export function parseLedgerRow(record: CsvRecord, columns: Record<Column, number>): LedgerRow | LedgerImportError {
  const problems: string[] = [];
  if (record.fields.length !== LEDGER_COLUMNS.length) {
    return { line: record.line, message: `Expected ${LEDGER_COLUMNS.length} fields, found ${record.fields.length}` };
  }
  const field = (c: Column) => record.fields[columns[c]].trim();
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (err) {
      problems.push((err as Error).message);
      return undefined;
    }
  };
  const required = (c: Column, max: number) => {
    const value = field(c);
    if (!value) problems.push(`${c} is empty`);
    else if (value.length > max) problems.push(`${c} is longer than ${max} characters`);
    return value;
  };
  const programmeCode = required('programme_code', 50);
  const financialYear = attempt(() => {
    try {
      return parseFinancialYear(field('financial_year'));
    } catch {
      throw new Error(`financial_year ${JSON.stringify(field('financial_year'))} is not a year like 2018/19`);
    }
  });
  const description = required('description', 500);
  const amount = attempt(() => parseAmount(field('amount')));
  const recordedOn = attempt(() => parseLedgerDate(field('recorded_on')));
  const ledgerReference = required('ledger_reference', 100);
  if (problems.length) return { line: record.line, message: problems.join('; ') };
  return {
    line: record.line,
    programmeCode,
    financialYear: financialYear!,
    description,
    amount: amount!,
    recordedOn: recordedOn!,
    ledgerReference,
  };
}

const isBlank = (record: CsvRecord) => record.fields.every((f) => !f.trim());

/** Reads a whole file: the header, then every row, each checked on its own. */
export function readLedger(text: string): ReadLedger {
  const { records, errors: unreadable } = readCsvRecords(text);
  const errors = [...unreadable];
  const [header, ...data] = records.filter((r) => !isBlank(r));
  const columns = header ? headerColumns(header.fields) : null;
  if (!columns) {
    const message = `The first line must be the header ${LEDGER_COLUMNS.join(',')} (in any order)`;
    return { rowsRead: data.length + unreadable.length, rows: [], errors: sortErrors([{ line: 1, message }, ...errors]) };
  }
  const rows: LedgerRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of data) {
    const row = parseLedgerRow(record, columns);
    if (!('programmeCode' in row)) {
      errors.push(row);
      continue;
    }
    const first = firstLineOf.get(row.ledgerReference);
    if (first !== undefined) {
      errors.push({ line: row.line, message: `ledger_reference ${row.ledgerReference} repeats line ${first}` });
      continue;
    }
    firstLineOf.set(row.ledgerReference, row.line);
    rows.push(row);
  }
  return { rowsRead: data.length + unreadable.length, rows, errors: sortErrors(errors) };
}

function sortErrors(errors: LedgerImportError[]): LedgerImportError[] {
  return [...errors].sort((a, b) => a.line - b.line);
}
