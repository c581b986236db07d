import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { Columns, Kind } from './columns';

/**
 * Text a spreadsheet would take for a formula, or for the start of one (OWASP "CSV injection"):
 * it is written with a leading apostrophe, which spreadsheets read as "this is text".
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: only text is guarded; numbers, dates and amounts the export writes are not text. */
export function csvField(kind: Kind, value: string | number | boolean | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return kind === 'text' ? guardFormula(value as string) : value;
}

/**
 * Writes rows as CSV to `out`: RFC 4180 (CRLF, quoted where needed), a header line, and a UTF-8
 * byte order mark so that Excel reads "£" and accented names as written. Rows are pulled only as
 * `out` takes them, so a long export holds about one page in memory; should anything fail, `out`
 * is destroyed (a download cut short, never a file that looks complete).
 */
export function writeCsv<R>(columns: Columns<R>, rows: AsyncIterable<R>, out: Writable): Promise<void> {
  async function* records() {
    for await (const row of rows) yield columns.map((c) => csvField(c.kind, c.value(row)));
  }
  const csv = stringify({ bom: true, header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows' });
  return pipeline(Readable.from(records()), csv, out);
}
