import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { ok, TestServer } from '../support/test-server';

export interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
  /** The body as JSON (error answers). */
  json(): any;
}

/** GET a path of the test server, with the bearer token when given. */
export async function download(t: TestServer, path: string, token?: string): Promise<Download> {
  const res = await fetch(new URL(path, t.server.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) };
}

/** The CSV's records, header first, as csv-parse reads them (the byte order mark is expected). */
export function csvRecords(body: Buffer): string[][] {
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(body, { bom: true, relax_column_count: false });
}

export async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

/** A sheet's cells as rows of exceljs values (null for an empty cell), header first. */
export function sheetValues(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  const width = sheet.getRow(1).cellCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

/** A sheet's cells with their exceljs types, for asserting that text is never a formula. */
export function sheetCells(sheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  return cells;
}

/** Every page of a connection field, as the API answers `query`, whose `$after` it fills. */
export async function allNodes<T = any>(
  t: TestServer,
  token: string,
  query: string,
  field: string,
  variables: Record<string, unknown> = {},
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  do {
    const page: any = ok(await t.gql(query, { ...variables, after }, token))[field];
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}
