import ExcelJS from 'exceljs';
import { newOrg, Org } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';
import { download, sheetCells, sheetValues, workbook } from './export-helpers';
import { newRisk } from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`;
const LINK = `mutation($riskId: ID!, $savingsLineId: ID!) { linkRiskToSavingsLine(riskId: $riskId, savingsLineId: $savingsLineId) { id } }`;
const DELIVER = `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`;
const TOTALS = `totals { planned forecast delivered variance netPlanned netDelivered forecastVariance
  oneOffCosts oneOffCostsIncurred writtenOff atRisk }`;
const RECONCILE = `query($filter: SavingsFilter, $groupBy: [SavingsGrouping!]) {
  savingsReconciliation(filter: $filter, groupBy: $groupBy) { rows { programme { code name } financialYear category kind ${TOTALS} } ${TOTALS} }
}`;
const LINES = `{ programmes(first: 500) { nodes { code name savingsLines {
  description kind category financialYear recurring planned forecast delivered confidence
  deliveries { recordedOn amount ledgerReference note } } } } }`;

const MONEY = [
  'planned',
  'forecast',
  'delivered',
  'variance',
  'netPlanned',
  'netDelivered',
  'forecastVariance',
  'oneOffCosts',
  'oneOffCostsIncurred',
  'writtenOff',
  'atRisk',
] as const;

/**
 * Family Hubs over two years (pennies, a reversal, a one-off cost) and a Children's Centres review
 * whose ledger reference and note a spreadsheet would take for formulas.
 */
async function seed(org: Org) {
  const fh = await org.programme({ code: 'FH-2018', name: 'Family Hubs' });
  const ccr = await org.programme({ code: 'CCR-2019', name: 'Children’s Centres review' });
  const line = async (programmeId: string, input: object, deliveries: object[] = []) => {
    const { id } = ok(await t.gql(CREATE, { input: { programmeId, ...input } }, org.admin)).createSavingsLine;
    for (const d of deliveries) ok(await t.gql(DELIVER, { id, input: d }, org.admin));
    return id;
  };
  const hubStaffing = await line(
    fh.id,
    { description: 'Hub staffing', category: 'STAFFING', financialYear: '2018/19', planned: '452000.10' },
    [
      { amount: '300000.05', recordedOn: '2018-10-01', ledgerReference: 'GL-1' },
      { amount: '-120.50', recordedOn: '2018-11-01', ledgerReference: 'GL-2', note: 'Reversal of a duplicate' },
    ],
  );
  await line(
    fh.id,
    { description: 'Training', category: 'OTHER', kind: 'ONE_OFF_COST', financialYear: '2018/19', planned: '0.01' },
    [{ amount: '0.01', recordedOn: '2018-06-30' }],
  );
  await line(fh.id, {
    description: 'Buildings',
    category: 'PREMISES',
    financialYear: '2019/20',
    planned: '100000',
    forecast: '99999.99',
    recurring: true,
    confidence: 'AMBER',
  });
  await line(
    ccr.id,
    { description: '=1+2 commissioning', category: 'COMMISSIONING', financialYear: '2019/20', planned: '1234.56' },
    [{ amount: '1234.56', recordedOn: '2019-05-01', ledgerReference: '=HYPERLINK("http://example.com")', note: '@risk' }],
  );
  // an open RED risk threatens Hub staffing: atRisk is its forecast
  const risk = await newRisk(t, org, fh.id, { inherent: { likelihood: 5, impact: 4 } });
  ok(await t.gql(LINK, { riskId: risk.id, savingsLineId: hubStaffing }, org.admin));
  return { fh, ccr };
}

/** Money cells read back as the API writes Money: to the penny. */
const pounds = (v: ExcelJS.CellValue) => (typeof v === 'number' ? v.toFixed(2) : v);

async function sheets(path: string, token: string) {
  const res = await download(t, path, token);
  expect(res.status).toBe(200);
  return workbook(res.body);
}

/** What a reconciliation sheet must hold: the API's rows, then "Total". */
async function expectedReconciliation(org: Org, filter: object, groupBy: string[], keys: (row: any) => unknown[]) {
  const answer = ok(await t.gql(RECONCILE, { filter, groupBy }, org.admin)).savingsReconciliation;
  const totalsOf = (r: any) => MONEY.map((m) => r.totals[m]);
  const blanks = keys(answer.rows[0] ?? {})
    .slice(1)
    .map(() => null);
  return [...answer.rows.map((r: any) => [...keys(r), ...totalsOf(r)]), ['Total', ...blanks, ...totalsOf(answer)]];
}

const RECONCILIATIONS = [
  {
    sheet: 'By programme and year',
    header: ['programmeCode', 'programmeName', 'financialYear'],
    groupBy: ['PROGRAMME', 'FINANCIAL_YEAR'],
    keys: (r: any) => [r.programme?.code, r.programme?.name, r.financialYear],
  },
  { sheet: 'By category', header: ['category'], groupBy: ['CATEGORY'], keys: (r: any) => [r.category] },
  { sheet: 'By kind', header: ['kind'], groupBy: ['KIND'], keys: (r: any) => [r.kind] },
];

/** What "Lines and deliveries" must hold: every line as the API lists it, its deliveries under it. */
async function expectedLines(org: Org, keep: (programme: any, line: any) => boolean) {
  const programmes = ok(await t.gql(LINES, {}, org.admin)).programmes.nodes;
  return programmes.flatMap((p: any) =>
    p.savingsLines
      .filter((l: any) => keep(p, l))
      .flatMap((l: any) => {
        const context = [p.code, p.name, l.financialYear, l.description, l.kind, l.category];
        return [
          ['Line', ...context, l.recurring, l.confidence, l.planned, l.forecast, l.delivered, null, null, null, null],
          ...l.deliveries.map((d: any) => [
            'Delivery',
            ...context,
            null,
            null,
            null,
            null,
            null,
            new Date(`${d.recordedOn}T00:00:00Z`),
            d.amount,
            d.ledgerReference,
            d.note,
          ]),
        ];
      }),
  );
}

const LINE_HEADER = [
  'record',
  'programmeCode',
  'programmeName',
  'financialYear',
  'description',
  'kind',
  'category',
  'recurring',
  'confidence',
  'planned',
  'forecast',
  'delivered',
  'recordedOn',
  'amount',
  'ledgerReference',
  'note',
];

describe('GET /exports/savings.xlsx', () => {
  test('three reconciliations equal to savingsReconciliation to the penny, then every line and delivery', async () => {
    const org = await newOrg(t);
    await seed(org);
    const book = await sheets('/exports/savings.xlsx', org.admin);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'By programme and year',
      'By category',
      'By kind',
      'Lines and deliveries',
    ]);
    for (const r of RECONCILIATIONS) {
      const [header, ...rows] = sheetValues(book.getWorksheet(r.sheet)!);
      expect(header).toEqual([...r.header, ...MONEY]);
      expect(rows.map((row) => row.map(pounds))).toEqual(await expectedReconciliation(org, {}, r.groupBy, r.keys));
    }
    const byYear = sheetValues(book.getWorksheet('By programme and year')!);
    expect(byYear.at(-1)!.map(pounds)).toEqual([
      'Total',
      null,
      null,
      '553234.66',
      '553234.65',
      '301114.11',
      '-252120.55',
      '553234.65',
      '301114.10',
      '-0.01', // forecastVariance: Buildings forecast a penny short
      '0.01', // oneOffCosts
      '0.01', // oneOffCostsIncurred
      '0.00', // writtenOff
      '452000.10', // atRisk: Hub staffing, threatened by an open RED risk
    ]);

    const lines = book.getWorksheet('Lines and deliveries')!;
    const [header, ...rows] = sheetValues(lines);
    expect(header).toEqual(LINE_HEADER);
    expect(rows.map((row) => row.map(pounds))).toEqual(await expectedLines(org, () => true));
    expect(rows).toHaveLength(8);
  });

  test('money is numeric cells with a £ format; text that looks like a formula is a string cell', async () => {
    const org = await newOrg(t);
    await seed(org);
    const book = await sheets('/exports/savings.xlsx', org.admin);
    const total = book.getWorksheet('By kind')!.getRow(4);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(total.getCell(2).numFmt).toContain('£');
    const cells = book.worksheets.flatMap(sheetCells);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    for (const text of ['=1+2 commissioning', '=HYPERLINK("http://example.com")', '@risk']) {
      expect(cells.find((c) => c.value === text)?.type).toBe(ExcelJS.ValueType.String);
    }
  });

  test('?programmeId= and ?financialYear= filter every sheet as the API filters them', async () => {
    const org = await newOrg(t);
    const { fh } = await seed(org);
    const cases = [
      { query: `programmeId=${fh.id}`, filter: { programmeId: fh.id }, keep: (p: any) => p.code === 'FH-2018' },
      {
        query: 'financialYear=2019%2F20',
        filter: { financialYear: '2019/20' },
        keep: (_: any, l: any) => l.financialYear === '2019/20',
      },
      {
        query: `programmeId=${fh.id}&financialYear=2018/19`,
        filter: { programmeId: fh.id, financialYear: '2018/19' },
        keep: (p: any, l: any) => p.code === 'FH-2018' && l.financialYear === '2018/19',
      },
    ];
    for (const c of cases) {
      const book = await sheets(`/exports/savings.xlsx?${c.query}`, org.admin);
      for (const r of RECONCILIATIONS) {
        const [, ...rows] = sheetValues(book.getWorksheet(r.sheet)!);
        expect(rows.map((row) => row.map(pounds))).toEqual(await expectedReconciliation(org, c.filter, r.groupBy, r.keys));
      }
      const [, ...lines] = sheetValues(book.getWorksheet('Lines and deliveries')!);
      expect(lines.map((row) => row.map(pounds))).toEqual(await expectedLines(org, c.keep));
      expect(lines.length).toBeGreaterThan(0);
    }
  });

  test('a malformed financialYear is 400 BAD_USER_INPUT; a programme not seen is 404; no token 401', async () => {
    const org = await newOrg(t);
    const other = await newOrg(t);
    const theirs = await other.programme();
    for (const year of ['2018', '2018/20', '', 'x']) {
      const res = await download(t, `/exports/savings.xlsx?financialYear=${year}`, org.admin);
      expect(res.status).toBe(400);
      expect(res.json().errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'financialYear' });
    }
    for (const id of [theirs.id, 'nope']) {
      const res = await download(t, `/exports/savings.xlsx?programmeId=${id}&financialYear=2018/19`, org.admin);
      expect(res.status).toBe(404);
      expect(res.json().errors[0].extensions).toEqual({ code: 'NOT_FOUND' });
    }
    expect((await download(t, '/exports/savings.xlsx')).status).toBe(401);
  });

  test('an organisation without savings: zero totals and headers', async () => {
    const org = await newOrg(t);
    const book = await sheets('/exports/savings.xlsx', org.admin);
    const [, total] = sheetValues(book.getWorksheet('By category')!);
    expect(total.map(pounds)).toEqual(['Total', ...Array(11).fill('0.00')]);
    expect(sheetValues(book.getWorksheet('Lines and deliveries')!)).toEqual([LINE_HEADER]);
  });
});
