import { newOrg } from '../support/fixtures';
import { TestRun } from '../support/test-database';
import { ok, startTestServer, TestServer } from '../support/test-server';

const run: TestRun = JSON.parse(process.env.PR_TEST_RUN!);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const IMPORT = `mutation($csv: String!) { importLedgerActuals(csv: $csv) { rowsImported rowsSkipped errors { line message } } }`;
const DELIVERIES = `query($id: ID!) { programme(id: $id) { savingsLines { deliveries { ledgerReference } } } }`;

const ROWS = 2_000;

/** One ledger's rows in the order given: the same references, so two imports cross. */
function ledger(round: number, order: number[]): string {
  const rows = order.map((i) => `ICS-2011,2011/12,Staffing restructure,1.00,2011-10-01,GL-${round}-${i}`);
  return ['programme_code,financial_year,description,amount,recorded_on,ledger_reference', ...rows].join('\n');
}

// Each import inserts its references one by one under a unique constraint: two imports of the same
// references in opposite orders each hold what the other needs next, and PostgreSQL breaks the
// deadlock by rolling one back (40P01). PGlite runs one transaction at a time, so only PostgreSQL
// shows it; on both, each reference must be recorded once and both imports succeed.
test('concurrent ledger imports sharing references in crossing order both succeed, each reference recorded once', async () => {
  const org = await newOrg(t);
  const finance = await org.user('FINANCE');
  const { id } = await org.programme({ code: 'ICS-2011' });
  ok(
    await t.gql(
      `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`,
      {
        input: {
          programmeId: id,
          description: 'Staffing restructure',
          category: 'STAFFING',
          financialYear: '2011/12',
          planned: '452000',
        },
      },
      org.admin,
    ),
  );
  const ascending = Array.from({ length: ROWS }, (_, i) => i);
  const descending = [...ascending].reverse();
  const rounds = run.databaseUrl ? 3 : 1;
  for (let round = 0; round < rounds; round++) {
    const answers = await Promise.all([
      t.gql(IMPORT, { csv: ledger(round, ascending) }, finance),
      t.gql(IMPORT, { csv: ledger(round, descending) }, finance),
    ]);
    expect(answers.map((a) => a.errors ?? [])).toEqual([[], []]);
    const imports = answers.map((a) => a.data.importLedgerActuals);
    expect(imports.map((i) => i.errors)).toEqual([[], []]);
    expect(imports[0].rowsImported + imports[1].rowsImported).toBe(ROWS);
  }
  const [line] = ok(await t.gql(DELIVERIES, { id }, org.admin)).programme.savingsLines;
  const references = line.deliveries.map((d: { ledgerReference: string }) => d.ledgerReference);
  expect(references.length).toBe(ROWS * rounds);
  expect(new Set(references).size).toBe(ROWS * rounds);
});
