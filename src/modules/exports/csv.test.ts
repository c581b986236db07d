import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { text, money, number, boolean, date } from './columns';
import { csvField, guardFormula, writeCsv } from './csv';

test('text a spreadsheet would start a formula with is prefixed with an apostrophe', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(guardFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
  for (const safe of ['SUM(A1)', ' =1', "'=1", '', '£1m', '1-2']) expect(guardFormula(safe)).toBe(safe);
});

test('numbers, amounts, dates and booleans the export writes are not text', () => {
  expect(csvField('number', -3)).toBe(-3);
  expect(csvField('money', '-120000.50')).toBe('-120000.50');
  expect(csvField('date', '2026-12-01')).toBe('2026-12-01');
  expect(csvField('boolean', true)).toBe('TRUE');
  expect(csvField('boolean', false)).toBe('FALSE');
  expect(csvField('text', '-120000.50')).toBe("'-120000.50");
  expect(csvField('text', null)).toBeNull();
  expect(csvField('number', undefined)).toBeNull();
});

test('writeCsv: a BOM, the header, CRLF records, quotes where needed, empty cells for no value', async () => {
  type Row = { t: string | null; n: number; m: string; b: boolean; d: string | null };
  const columns = [
    text<Row>('t', (r) => r.t),
    number<Row>('n', (r) => r.n),
    money<Row>('m', (r) => r.m),
    boolean<Row>('b', (r) => r.b),
    date<Row>('d', (r) => r.d),
  ];
  async function* rows() {
    yield { t: '=1+1, "quoted"\r\nline', n: 5, m: '-1.50', b: true, d: '2026-12-01' };
    yield { t: null, n: 0, m: '0.00', b: false, d: null };
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c) => chunks.push(c));
  await writeCsv(columns, rows(), out);
  const csv = Buffer.concat(chunks).toString('utf8');
  expect(csv).toBe('\uFEFFt,n,m,b,d\r\n"\'=1+1, ""quoted""\r\nline",5,-1.50,TRUE,2026-12-01\r\n,0,0.00,FALSE,\r\n');
  expect(parse(csv, { bom: true })).toEqual([
    ['t', 'n', 'm', 'b', 'd'],
    ['\'=1+1, "quoted"\r\nline', '5', '-1.50', 'TRUE', '2026-12-01'],
    ['', '0', '0.00', 'FALSE', ''],
  ]);
});
