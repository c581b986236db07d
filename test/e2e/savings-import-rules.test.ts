import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

// importLedgerActuals, part savings: columns of the ledger's own, savings_reference, dates within
// the line's year, and a re-sent ledger line skipped only when it is recorded exactly as it says.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id version } }`;
const IMPORT = `mutation($csv: String!, $dryRun: Boolean) {
  importLedgerActuals(csv: $csv, dryRun: $dryRun) { dryRun rowsRead rowsImported rowsSkipped errors { line message } } }`;
const DELIVERIES = `query($id: ID!) { programme(id: $id) { savingsLines { reference description financialYear delivered
  deliveries { amount recordedOn ledgerReference } } } }`;
const DELETE_LINE = `mutation($id: ID!) { deleteSavingsLine(id: $id, expectedVersion: 1, reason: "Entered in error") { id } }`;

/** CYP-2018 with CYP-05 in 2018/19 and 2019/20, and an unreferenced line; returns the programme's id and line ids. */
async function cyp(org: Org) {
  const { id } = await org.programme({ code: 'CYP-2018' });
  const lines: string[] = [];
  for (const [description, reference, year] of [
    ['Early help restructure', 'CYP-05', '2018/19'],
    ['Early help restructure', 'CYP-05', '2019/20'],
    ['Office moves', null, '2018/19'],
  ]) {
    const input = { programmeId: id, description, reference, category: 'STAFFING', planned: '50000', financialYear: year };
    lines.push(ok(await t.gql(CREATE, { input }, org.admin)).createSavingsLine.id);
  }
  return { programmeId: id, lines };
}

const importCsv = async (token: string, csv: string, dryRun?: boolean) =>
  ok(await t.gql(IMPORT, { csv, dryRun }, token)).importLedgerActuals;
const delivered = async (org: Org, programmeId: string) =>
  ok(await t.gql(DELIVERIES, { id: programmeId }, org.admin)).programme.savingsLines.map(
    (l: { reference: string | null; description: string; financialYear: string; delivered: string }) =>
      `${l.financialYear} ${l.reference ?? l.description}: ${l.delivered}`,
  );

test('columns of the ledger are ignored; savings_reference names the line, whatever the description says', async () => {
  const org = await newOrg(t);
  const { programmeId } = await cyp(org);
  const csv = [
    '\ufeffCost_Centre,Ledger_Reference,Programme_Code,Financial_Year,SAVINGS_REFERENCE,Description,Amount,Recorded_On,Narrative',
    '4410,GL-1,CYP-2018,2018/19,cyp-05,,"£1,000.00",2018-10-01,"Agency, north"',
    '4410,GL-2,CYP-2018,2019/20, CYP-05 ,Anything at all,£250,30/04/2019,',
    '4411,GL-3,CYP-2018,2018/19,,office MOVES ,(10.00),01-Mar-2019,reversal',
  ].join('\r\n');
  expect(await importCsv(org.admin, csv)).toEqual({ dryRun: false, rowsRead: 3, rowsImported: 3, rowsSkipped: 0, errors: [] });
  expect(await delivered(org, programmeId)).toEqual([
    '2018/19 CYP-05: 1000.00',
    '2018/19 Office moves: -10.00',
    '2019/20 CYP-05: 250.00',
  ]);
});

test('a reference naming no line of that programme and year, or a date outside the line’s year, is that row’s error', async () => {
  const org = await newOrg(t);
  const { programmeId } = await cyp(org);
  const csv = [
    'programme_code,financial_year,savings_reference,description,amount,recorded_on,ledger_reference',
    'CYP-2018,2018/19,CYP-05,,100,2018-10-01,GL-1', // 2: fine
    'CYP-2018,2020/21,CYP-05,,100,2020-10-01,GL-2', // 3: no CYP-05 in 2020/21
    'CYP-2018,2018/19,CYP-99,Office moves,100,2018-10-01,GL-3', // 4: the reference wins over the description
    'CYP-2018,2018/19,,Office moves,100,2019-04-01,GL-4', // 5: after 31 March 2019
    'CYP-2018,2019/20,CYP-05,,100,2019-03-31,GL-5', // 6: before 1 April 2019
  ].join('\n');
  const result = await importCsv(org.admin, csv);
  expect(result).toEqual({
    dryRun: false,
    rowsRead: 5,
    rowsImported: 0,
    rowsSkipped: 0,
    errors: [
      { line: 3, message: 'Programme CYP-2018 has no savings line with reference CYP-05 in 2020/21' },
      { line: 4, message: 'Programme CYP-2018 has no savings line with reference CYP-99 in 2018/19' },
      { line: 5, message: 'recorded_on 2019-04-01 is outside 2018/19 (1 April 2018 to 31 March 2019)' },
      { line: 6, message: 'recorded_on 2019-03-31 is outside 2019/20 (1 April 2019 to 31 March 2020)' },
    ],
  });
  expect(await delivered(org, programmeId)).toEqual([
    '2018/19 CYP-05: 0.00',
    '2018/19 Office moves: 0.00',
    '2019/20 CYP-05: 0.00',
  ]);
});

describe('a re-sent ledger line', () => {
  const HEADER = 'programme_code,financial_year,description,savings_reference,amount,recorded_on,ledger_reference';
  const FIRST = `${HEADER}\nCYP-2018,2018/19,Early help restructure,,1000,2018-10-01,GL-1\nCYP-2018,2018/19,Office moves,,20.5,2018-11-01,GL-2\n`;

  test('recorded as it says (the line however named, the amount as a number, the date however written) is skipped', async () => {
    const org = await newOrg(t);
    const { programmeId } = await cyp(org);
    await importCsv(org.admin, FIRST);
    const again = `${HEADER}\nCYP-2018,2018/19,,cyp-05,"£1,000.00",01/10/2018,GL-1\nCYP-2018,2018/19,OFFICE MOVES,,20.50,1 Nov 2018,GL-2\nCYP-2018,2018/19,Office moves,,5,2018-12-01,GL-3\n`;
    expect(await importCsv(org.admin, again)).toEqual({
      dryRun: false,
      rowsRead: 3,
      rowsImported: 1,
      rowsSkipped: 2,
      errors: [],
    });
    expect(await delivered(org, programmeId)).toEqual([
      '2018/19 CYP-05: 1000.00',
      '2018/19 Office moves: 25.50',
      '2019/20 CYP-05: 0.00',
    ]);
  });

  test.each([
    ['a changed amount', 'CYP-2018,2018/19,Early help restructure,,1000.01,2018-10-01,GL-1', 'with amount 1000.00, not 1000.01'],
    ['a changed date', 'CYP-2018,2018/19,Early help restructure,,1000,2018-10-02,GL-1', 'on 2018-10-01, not 2018-10-02'],
    ['another line', 'CYP-2018,2018/19,Office moves,,1000,2018-10-01,GL-1', 'against another savings line'],
    ['another line by reference', 'CYP-2018,2019/20,,CYP-05,1000,2019-10-01,GL-1', 'against another savings line, on 2018-10-01'],
  ])('with %s is an error for that row; nothing is written; rowsSkipped still counts', async (_, row, problem) => {
    const org = await newOrg(t);
    const { programmeId } = await cyp(org);
    await importCsv(org.admin, FIRST);
    const csv = `${HEADER}\n${row}\nCYP-2018,2018/19,Office moves,,20.50,2018-11-01,GL-2\nCYP-2018,2018/19,Office moves,,5,2018-12-01,GL-3\n`;
    for (const dryRun of [true, false]) {
      expect(await importCsv(org.admin, csv, dryRun)).toEqual({
        dryRun,
        rowsRead: 3,
        rowsImported: 0,
        rowsSkipped: 1,
        errors: [{ line: 2, message: expect.stringContaining(`ledger_reference GL-1 is already recorded ${problem}`) }],
      });
    }
    expect(await delivered(org, programmeId)).toEqual([
      '2018/19 CYP-05: 1000.00',
      '2018/19 Office moves: 20.50',
      '2019/20 CYP-05: 0.00',
    ]);
  });
});

const onPostgres = process.env.DATABASE_URL ? test : test.skip;

onPostgres(
  'an import racing the deletion of its line answers, never a 500: it writes before the delete or reports the row',
  async () => {
    for (let round = 0; round < 6; round++) {
      const org = await newOrg(t);
      const { programmeId, lines } = await cyp(org);
      const rows = Array.from({ length: 300 }, (_, i) => `CYP-2018,2018/19,Office moves,1,2018-10-01,GL-${round}-${i}`);
      const csv = `programme_code,financial_year,description,amount,recorded_on,ledger_reference\n${rows.join('\n')}\n`;
      const [imported, deleted] = await Promise.all([
        t.gql(IMPORT, { csv }, org.admin),
        new Promise((r) => setTimeout(r, round * 3)).then(() => t.gql(DELETE_LINE, { id: lines[2] }, org.admin)),
      ]);
      expect(imported.errors).toBeUndefined();
      expect(deleted.errors).toBeUndefined();
      const result = imported.data!.importLedgerActuals;
      if (result.errors.length) {
        expect(result).toMatchObject({
          rowsImported: 0,
          errors: expect.arrayContaining([{ line: 2, message: expect.any(String) }]),
        });
        expect(result.errors).toHaveLength(300);
      } else expect(result.rowsImported).toBe(300);
      // either way the line and every delivery on it are gone
      expect(await delivered(org, programmeId)).toEqual(['2018/19 CYP-05: 0.00', '2019/20 CYP-05: 0.00']);
      expect(errorOf(await t.gql(DELETE_LINE, { id: lines[2] }, org.admin)).code).toBe('NOT_FOUND');
    }
  },
);
