import { Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { Columns, Kind } from './columns';

const NUMBER_FORMAT: Partial<Record<Kind, string>> = {
  date: 'yyyy-mm-dd',
  money: '"£"#,##0.00;-"£"#,##0.00',
};

const ROWS_BETWEEN_YIELDS = 100;

type CellValue = string | number | boolean | Date | null;

/**
 * One XLSX cell: dates as date cells (midnight UTC, which is how a spreadsheet's serial day
 * counts), amounts as numbers in pounds. Text is always a string cell, never a formula, whatever
 * it starts with: exceljs writes a formula only for a { formula } value, which we never make.
 */
export function xlsxValue(kind: Kind, value: string | number | boolean | null | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (kind === 'date') return new Date(`${value as string}T00:00:00Z`);
  if (kind === 'money') return Number(value);
  return value;
}

/**
 * A workbook written to `out` as it is built (exceljs' streaming writer): each committed row
 * leaves memory, strings are written in the cells (no shared-strings table growing with the
 * export), and a sheet waits for a slow reader between pages.
 */
export class StreamedWorkbook {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(private readonly out: Writable) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  }

  /**
   * Writes one sheet (a bold, frozen header row with filters, then the rows, bold where `bold`
   * says), waiting for the reader after each page; false when the reader has gone.
   */
  async sheet<R>(
    name: string,
    columns: Columns<R>,
    pages: AsyncIterable<R[]> | Iterable<R[]>,
    bold: (row: R) => boolean = () => false,
  ): Promise<boolean> {
    const sheet = this.workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // a style only where a format is needed: exceljs looks every cell's style up by value
    sheet.columns = columns.map((c) => {
      const numFmt = NUMBER_FORMAT[c.kind];
      return { key: c.header, width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const page of pages) {
      for (const [i, row] of page.entries()) {
        const written = sheet.addRow(columns.map((c) => xlsxValue(c.kind, c.value(row))));
        if (bold(row)) written.font = { bold: true };
        written.commit();
        // let other requests in: a page of rows is some 10,000 cells of synchronous work
        if (i % ROWS_BETWEEN_YIELDS === ROWS_BETWEEN_YIELDS - 1) await setImmediate();
      }
      await this.drained();
      if (this.out.destroyed) return false;
    }
    sheet.commit();
    return true;
  }

  /** Resolves once `out` has room again (or has closed: the reader went away). */
  private drained(): Promise<void> {
    if (!this.out.writableNeedDrain || this.out.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.out.off('drain', done).off('close', done);
        resolve();
      };
      this.out.on('drain', done).on('close', done);
    });
  }

  /** Writes the workbook's own parts after the sheets, then ends `out`. */
  commit(): Promise<void> {
    return this.workbook.commit();
  }
}
