import Decimal from 'decimal.js';
import { parse } from 'csv-parse/sync';
import { parseFinancialYear } from '../../values/financial-year';
import { outsideFinancialYear, parseAmount, parseLedgerDate } from './ledger-values';

/**
 * Ledger actuals as finance exports them from a spreadsheet: RFC 4180 CSV, perhaps with a
 * byte-order mark, CRLF line ends, quoted fields, columns of its own and amounts like "£1,234.50".
 * Pure: reading and checking each row needs no database; matching rows to savings lines does.
 */
export const LEDGER_COLUMNS = [
  'programme_code',
  'financial_year',
  'description',
  'amount',
  'recorded_on',
  'ledger_reference',
] as const;
/** Names the line by its MTFS reference instead of its description, where filled. */
const SAVINGS_REFERENCE = 'savings_reference';
type Column = (typeof LEDGER_COLUMNS)[number] | typeof SAVINGS_REFERENCE;

export interface LedgerImportError {
  line: number;
  message: string;
}

/** A row that reads well; whether its programme and line exist is for the database to say. */
export interface LedgerRow {
  line: number;
  programmeCode: string;
  financialYear: number;
  /** Blank when savingsReference names the line. */
  description: string;
  /** The line's MTFS reference, when the file names the line by it. */
  savingsReference: string | null;
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
    // spaces between a delimiter and a quote ("a", "b") are a spreadsheet's, not the value's
    ltrim: true,
    rtrim: true,
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

/** Where each column the import reads sits, and how many fields the header has. */
export interface LedgerHeader {
  at: Partial<Record<Column, number>> & Record<(typeof LEDGER_COLUMNS)[number], number>;
  width: number;
}

// spreadsheets leave spaces, no-break spaces and zero-width marks around names
const cleanName = (field: string) => field.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, '').toLowerCase();

/**
 * The header: the six columns in any order and case, each once, and savings_reference at most
 * once; any other column is ignored (repeated or not). Otherwise the reason it is not the header.
 */
export function headerColumns(fields: string[]): LedgerHeader | { problem: string } {
  const names = fields.map(cleanName);
  const at: Partial<Record<Column, number>> = {};
  const problems: string[] = [];
  for (const column of [...LEDGER_COLUMNS, SAVINGS_REFERENCE] as const) {
    const found = names.flatMap((name, i) => (name === column ? [i] : []));
    if (found.length > 1) problems.push(`${column} appears ${found.length} times`);
    else if (found.length === 1) at[column] = found[0];
    else if (column !== SAVINGS_REFERENCE) problems.push(`${column} is missing`);
  }
  if (problems.length) return { problem: problems.join('; ') };
  return { at: at as LedgerHeader['at'], width: fields.length };
}

/** Checks one record's fields; every problem of the row is named in one message. */
export function parseLedgerRow(record: CsvRecord, header: LedgerHeader): LedgerRow | LedgerImportError {
  const { fields, line } = record;
  // a record may carry empty fields beyond the header (a trailing comma), never fewer or more values
  if (fields.length < header.width || fields.slice(header.width).some((f) => f.trim())) {
    return { line, message: `Expected ${header.width} fields, found ${fields.length}` };
  }
  const problems: string[] = [];
  const field = (c: Column) => {
    const i = header.at[c];
    return i === undefined ? '' : fields[i].trim();
  };
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (err) {
      problems.push((err as Error).message);
      return undefined;
    }
  };
  const text = (c: Column, max: number, required: boolean) => {
    const value = field(c);
    if (!value && required) problems.push(`${c} is empty`);
    else if (value.length > max) problems.push(`${c} is longer than ${max} characters`);
    return value;
  };
  const programmeCode = text('programme_code', 50, true);
  const financialYear = attempt(() => {
    try {
      return parseFinancialYear(field('financial_year'));
    } catch {
      throw new Error(`financial_year ${JSON.stringify(field('financial_year'))} is not a year like 2018/19`);
    }
  });
  const savingsReference = text(SAVINGS_REFERENCE, 100, false) || null;
  // a row naming its line by reference may leave the description blank
  const description = text('description', 500, !savingsReference);
  const amount = attempt(() => parseAmount(field('amount')));
  const recordedOn = attempt(() => parseLedgerDate(field('recorded_on')));
  const ledgerReference = text('ledger_reference', 100, true);
  const outside = recordedOn && financialYear !== undefined ? outsideFinancialYear(recordedOn, financialYear) : null;
  if (outside) problems.push(outside);
  if (problems.length) return { line, message: problems.join('; ') };
  return {
    line,
    programmeCode,
    financialYear: financialYear!,
    description,
    savingsReference,
    amount: amount!,
    recordedOn: recordedOn!,
    ledgerReference,
  };
}

const isBlank = (record: CsvRecord) => record.fields.every((f) => !f.trim());
/** Excel's "sep=," first line, which names the delimiter and is not the header. */
const isSeparatorHint = (record: CsvRecord) => /^sep=,?$/i.test(record.fields.join(',').trim());

/** Reads a whole file: the header, then every row, each checked on its own. */
export function readLedger(text: string): ReadLedger {
  const { records, errors: unreadable } = readCsvRecords(text);
  const errors = [...unreadable];
  const [header, ...data] = records.filter((r, i) => !isBlank(r) && !(i === 0 && isSeparatorHint(r)));
  const columns = header ? headerColumns(header.fields) : { problem: 'the file is empty' };
  if ('problem' in columns) {
    const message = `The first line must be the header ${LEDGER_COLUMNS.join(',')} (in any order and case; other columns are ignored): ${columns.problem}`;
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
