import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`;
const IMPORT = `mutation($csv: String!, $dryRun: Boolean) {
  importLedgerActuals(csv: $csv, dryRun: $dryRun) { dryRun rowsRead rowsImported rowsSkipped errors { line message } } }`;
const LINES = `query($id: ID!) { programme(id: $id) { savingsLines { description financialYear delivered version
  deliveries { amount recordedOn ledgerReference } } } }`;
const AUDIT = `query { auditTrail(first: 500) { totalCount nodes { action entityType changes } } }`;

const HEADER = 'programme_code,financial_year,description,amount,recorded_on,ledger_reference';
const csvOf = (...rows: string[]) => `\ufeff${[HEADER, ...rows].join('\r\n')}\r\n`;

/** ICS-2011 with its 2011/12 lines (and one in 2012/13); returns its id. */
async function ics(org: Org): Promise<string> {
  const { id } = await org.programme({ code: 'ICS-2011' });
  for (const [description, category, kind, planned, year] of [
    ['Staffing restructure', 'STAFFING', 'SAVING', '452000', '2011/12'],
    ['Office moves', 'PREMISES', 'SAVING', '100000', '2011/12'],
    ['Training and change management', 'OTHER', 'ONE_OFF_COST', '120000', '2011/12'],
    ['Staffing restructure', 'STAFFING', 'SAVING', '452000', '2012/13'],
  ]) {
    ok(await t.gql(CREATE, { input: { programmeId: id, description, category, kind, planned, financialYear: year } }, org.admin));
  }
  return id;
}

const lines = async (org: Org, programmeId: string) =>
  ok(await t.gql(LINES, { id: programmeId }, org.admin)).programme.savingsLines;
const delivered = async (org: Org, programmeId: string) =>
  (await lines(org, programmeId)).map(
    (l: { description: string; financialYear: string; delivered: string }) =>
      `${l.financialYear} ${l.description}: ${l.delivered}`,
  );
const importCsv = async (token: string, csv: string, dryRun?: boolean) =>
  ok(await t.gql(IMPORT, { csv, dryRun }, token)).importLedgerActuals;

/** A spreadsheet export: BOM, CRLF, header in its own order and case, quoted fields, pound signs, commas. */
const SPREADSHEET =
  [
    '\ufeffLedger_Reference,Programme_Code,Financial_Year,Description,Amount,Recorded_On',
    'GL-2011-0001,ICS-2011,2011/12,Staffing restructure,"£150,000.00",2011-10-31',
    'GL-2011-0002,ICS-2011,2011/12,"  staffing RESTRUCTURE ","£250,000.50",30/11/2011',
    'GL-2011-0003,ICS-2011,2011/12,"Office moves","£100,000",2012-01-15',
    '"GL-2011-0004",ICS-2011,2011/12,Training and change management,"£120,000.00",2011-12-01',
    'GL-2011-0005,ICS-2011,2011/12,Staffing restructure,"-£0.50",2012-03-31',
    'GL-2012-0001,ICS-2011,2012/13,Staffing restructure,452000,2012-04-30',
  ].join('\r\n') + '\r\n';

describe('importLedgerActuals', () => {
  test('imports a spreadsheet export; importing it again changes nothing', async () => {
    const org = await newOrg(t);
    const programmeId = await ics(org);
    const finance = await org.user('FINANCE');
    expect(await importCsv(finance, SPREADSHEET)).toEqual({
      dryRun: false,
      rowsRead: 6,
      rowsImported: 6,
      rowsSkipped: 0,
      errors: [],
    });
    const expected = [
      '2011/12 Office moves: 100000.00',
      '2011/12 Staffing restructure: 400000.00',
      '2011/12 Training and change management: 120000.00',
      '2012/13 Staffing restructure: 452000.00',
    ];
    expect(await delivered(org, programmeId)).toEqual(expected);
    const staffing = (await lines(org, programmeId))[1];
    expect(staffing.version).toBe(1);
    expect(staffing.deliveries).toEqual([
      { amount: '150000.00', recordedOn: '2011-10-31', ledgerReference: 'GL-2011-0001' },
      { amount: '250000.50', recordedOn: '2011-11-30', ledgerReference: 'GL-2011-0002' },
      { amount: '-0.50', recordedOn: '2012-03-31', ledgerReference: 'GL-2011-0005' },
    ]);
    const events = ok(await t.gql(AUDIT, {}, org.admin)).auditTrail.totalCount;

    expect(await importCsv(finance, SPREADSHEET)).toEqual({
      dryRun: false,
      rowsRead: 6,
      rowsImported: 0,
      rowsSkipped: 6,
      errors: [],
    });
    expect(await delivered(org, programmeId)).toEqual(expected);
    expect(ok(await t.gql(AUDIT, {}, org.admin)).auditTrail.totalCount).toBe(events);
  });

  test("one import's deliveries of a day are listed in the file's order, on the line and in changesSince", async () => {
    const org = await newOrg(t);
    const programmeId = await ics(org);
    // references out of any sorted order, so neither they nor random ids can stand in for the file's order
    const refs = ['GL-7', 'GL-2', 'GL-9', 'GL-1', 'GL-5', 'GL-3', 'GL-8', 'GL-4'];
    const rows = refs.map((ref, i) => `ICS-2011,2011/12,Office moves,${i + 1},2011-10-01,${ref}`);
    expect(await importCsv(org.admin, csvOf(...rows))).toMatchObject({ rowsImported: 8, errors: [] });
    const office = (await lines(org, programmeId)).find((l: { description: string }) => l.description === 'Office moves');
    expect(office.deliveries.map((d: { ledgerReference: string }) => d.ledgerReference)).toEqual(refs);
    const changes = ok(
      await t.gql(
        `query($id: ID!) { changesSince(programmeId: $id, since: "2011-09-30") { deliveries { ledgerReference amount } } }`,
        { id: programmeId },
        org.admin,
      ),
    ).changesSince;
    expect(changes.deliveries).toEqual(refs.map((ref, i) => ({ ledgerReference: ref, amount: `${i + 1}.00` })));
  });

  test('skips rows already recorded, by import or by hand, and writes the rest', async () => {
    const org = await newOrg(t);
    const programmeId = await ics(org);
    const [office] = (await lines(org, programmeId)).filter((l: { description: string }) => l.description === 'Office moves');
    expect(office).toBeDefined();
    await importCsv(org.admin, csvOf('ICS-2011,2011/12,Office moves,100,2011-10-01,GL-1'));
    const result = await importCsv(
      org.admin,
      csvOf('ICS-2011,2011/12,Office moves,100,2011-10-01,GL-1', 'ICS-2011,2011/12,Office moves,200,2011-11-01,GL-2'),
    );
    expect(result).toMatchObject({ rowsRead: 2, rowsImported: 1, rowsSkipped: 1, errors: [] });
    expect(await delivered(org, programmeId)).toContain('2011/12 Office moves: 300.00');
  });

  test('an import that fails on its last row writes nothing and reports that row', async () => {
    const org = await newOrg(t);
    const programmeId = await ics(org);
    const rows = Array.from({ length: 50 }, (_, i) => `ICS-2011,2011/12,Staffing restructure,"£1,000.10",2011-10-01,GL-${i}`);
    const csv = csvOf(...rows, 'ICS-2011,2011/12,Staffing restructure,"£1,000.1O",2011-10-01,GL-LAST');
    const result = await importCsv(org.admin, csv);
    expect(result).toMatchObject({ dryRun: false, rowsRead: 51, rowsImported: 0, rowsSkipped: 0 });
    expect(result.errors).toEqual([{ line: 52, message: expect.stringContaining('amount') }]);
    expect(await delivered(org, programmeId)).toEqual([
      '2011/12 Office moves: 0.00',
      '2011/12 Staffing restructure: 0.00',
      '2011/12 Training and change management: 0.00',
      '2012/13 Staffing restructure: 0.00',
    ]);
    expect(ok(await t.gql(AUDIT, {}, org.admin)).auditTrail.nodes.map((e: { action: string }) => e.action)).not.toContain(
      'ledger.imported',
    );
  });

  test('reports every invalid row with the line its record starts on', async () => {
    const org = await newOrg(t);
    const programmeId = await ics(org);
    ok(
      await t.gql(
        CREATE,
        { input: { programmeId, description: 'OFFICE MOVES', category: 'PREMISES', planned: '1', financialYear: '2011/12' } },
        org.admin,
      ),
    );
    const other = await newOrg(t);
    await other.programme({ code: 'THEIRS-1' });
    const csv = csvOf(
      'ICS-2011,2011/12,Staffing restructure,100,2011-10-01,GL-1', // line 2: fine
      'NOPE,2011/12,Staffing restructure,100,2011-10-01,GL-2', // 3: no such programme
      'THEIRS-1,2011/12,Staffing restructure,100,2011-10-01,GL-3', // 4: another organisation's
      'ICS-2011,2013/14,Staffing restructure,100,2013-10-01,GL-4', // 5: no line that year
      'ICS-2011,2011/12,Office moves,100,2011-10-01,GL-5', // 6: two lines match
      'ICS-2011,2011/12,"Staffing\nrestructure",100,2011-10-01,GL-6', // 7-8: no such line
      'ICS-2011,2011/12,Staffing restructure,£1.234,2011-10-01,GL-7', // 9: amount
      'ICS-2011,2011/2012,Staffing restructure,100,2011-13-01,', // 10: year, date, reference
      'ICS-2011,2011/12,Staffing restructure,100,2011-10-01,GL-1', // 11: reference repeats line 2
      'ICS-2011,2011/12,Staffing restructure,100', // 12: too few fields
    );
    const result = await importCsv(org.admin, csv, false);
    expect(result).toMatchObject({ rowsRead: 10, rowsImported: 0, rowsSkipped: 0 });
    expect(result.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5, 6, 7, 9, 10, 11, 12]);
    const message = (line: number) => result.errors.find((e: { line: number }) => e.line === line).message;
    expect(message(3)).toContain('No programme with code NOPE');
    expect(message(4)).toContain('No programme with code THEIRS-1');
    expect(message(5)).toContain('no savings line "Staffing restructure" in 2013/14');
    expect(message(6)).toContain('2 savings lines "Office moves"');
    expect(message(9)).toContain('amount');
    for (const part of ['financial_year', 'recorded_on', 'ledger_reference is empty']) expect(message(10)).toContain(part);
    expect(message(11)).toContain('repeats line 2');
    expect(message(12)).toContain('Expected 6 fields');
    expect(await delivered(org, programmeId)).not.toContain('2011/12 Staffing restructure: 100.00');
  });

  test.each([
    [
      'a missing column',
      'programme_code,financial_year,description,amount,recorded_on\nICS-2011,2011/12,Office moves,1,2011-10-01',
    ],
    ['a repeated column', `${HEADER},Amount\nICS-2011,2011/12,Office moves,1,2011-10-01,GL-1,2`],
    ['no header at all', 'ICS-2011,2011/12,Office moves,1,2011-10-01,GL-1'],
    ['an empty file', ''],
  ])('a file with %s is refused on line 1', async (_, csv) => {
    const org = await newOrg(t);
    await ics(org);
    const result = await importCsv(org.admin, csv);
    expect(result).toMatchObject({ rowsImported: 0, errors: [{ line: 1, message: expect.stringContaining('header') }] });
  });

  test('a dry run validates and counts what would be written, and writes nothing', async () => {
    const org = await newOrg(t);
    const programmeId = await ics(org);
    await importCsv(org.admin, csvOf('ICS-2011,2011/12,Office moves,100000,15/01/2012,GL-2011-0003'));
    const events = ok(await t.gql(AUDIT, {}, org.admin)).auditTrail.totalCount;
    const dry = await importCsv(org.admin, SPREADSHEET, true);
    expect(dry).toEqual({ dryRun: true, rowsRead: 6, rowsImported: 5, rowsSkipped: 1, errors: [] });
    expect(await delivered(org, programmeId)).toContain('2011/12 Staffing restructure: 0.00');
    expect(ok(await t.gql(AUDIT, {}, org.admin)).auditTrail.totalCount).toBe(events);
    const bad = await importCsv(org.admin, csvOf('ICS-2011,2011/12,Nothing,1,2011-10-01,GL-X'), true);
    expect(bad).toMatchObject({ dryRun: true, rowsRead: 1, rowsImported: 0, errors: [{ line: 2 }] });
  });

  test('FINANCE and ADMIN import; the others are FORBIDDEN', async () => {
    const org = await newOrg(t);
    const programmeId = await ics(org);
    for (const role of ['PROGRAMME_MANAGER', 'MEMBER'] as const) {
      const token = await org.user(role, role === 'PROGRAMME_MANAGER' ? [programmeId] : undefined);
      expect(errorOf(await t.gql(IMPORT, { csv: SPREADSHEET }, token)).code).toBe('FORBIDDEN');
    }
    expect(errorOf(await t.gql(IMPORT, { csv: SPREADSHEET })).code).toBe('UNAUTHENTICATED');
    expect(await delivered(org, programmeId)).toContain('2011/12 Office moves: 0.00');
  });

  test('records one audit event per delivery and one for the import', async () => {
    const org = await newOrg(t);
    await ics(org);
    const finance = await org.user('FINANCE');
    await importCsv(finance, SPREADSHEET);
    const events = ok(await t.gql(AUDIT, {}, org.admin)).auditTrail.nodes;
    const imported = events.filter((e: { action: string }) => e.action === 'ledger.imported');
    expect(imported).toHaveLength(1);
    expect(JSON.parse(imported[0].changes)).toEqual({ rowsRead: [null, 6], rowsImported: [null, 6], rowsSkipped: [null, 0] });
    const recorded = events.filter((e: { action: string }) => e.action === 'savingsDelivery.recorded');
    expect(recorded).toHaveLength(6);
    expect(recorded.map((e: { changes: string }) => JSON.parse(e.changes).amount[1])).toContain('250000.50');
    expect(recorded.map((e: { changes: string }) => JSON.parse(e.changes).ledgerReference[1])).toContain('GL-2011-0004');
  });

  test('of concurrent imports of one file, the rows are written once', async () => {
    const org = await newOrg(t);
    const programmeId = await ics(org);
    const results = await Promise.all(Array.from({ length: 4 }, () => importCsv(org.admin, SPREADSHEET)));
    expect(results.reduce((n, r) => n + r.rowsImported, 0)).toBe(6);
    expect(results.reduce((n, r) => n + r.rowsSkipped, 0)).toBe(18);
    expect(await delivered(org, programmeId)).toContain('2011/12 Staffing restructure: 400000.00');
  });
});
