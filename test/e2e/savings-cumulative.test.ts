import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id reference } }`;
const DELIVER = `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`;
const TOTALS = 'planned delivered netPlanned cumulativePlanned cumulativeDelivered';
const RECONCILE = `query($filter: SavingsFilter, $groupBy: [SavingsGrouping!]) {
  savingsReconciliation(filter: $filter, groupBy: $groupBy) {
    rows { financialYear reference totals { ${TOTALS} } }
    totals { ${TOTALS} }
  }
}`;

/** [reference, year, planned, deliveries, kind, recurring] */
type Spec = [string | null, string, string, string[], ('ONE_OFF_COST' | 'SAVING')?, boolean?];

async function seed(org: Org, programmeId: string, specs: Spec[]): Promise<void> {
  for (const [reference, year, planned, deliveries, kind = 'SAVING', recurring = kind === 'SAVING'] of specs) {
    const input = {
      programmeId,
      reference,
      description: `${reference ?? 'Change costs'} ${year}`,
      financialYear: year,
      category: 'STAFFING',
      kind,
      recurring,
      planned,
    };
    const { id } = ok(await t.gql(CREATE, { input }, org.admin)).createSavingsLine;
    for (const [i, amount] of deliveries.entries()) {
      ok(await t.gql(DELIVER, { id, input: { amount, recordedOn: `${year.slice(0, 4)}-10-0${i + 1}` } }, org.admin));
    }
  }
}

/**
 * Integrated Children's Services as increments: staffing (ICS-01) £226K, £150K and £76K, premises
 * (ICS-02) £40K, £40K and £20K over three years, £120K one-off costs in 2011/12. The full-year
 * effect is £552K a year, not three times it.
 */
const ICS: Spec[] = [
  ['ICS-01', '2011/12', '226000', ['150000', '76000']],
  ['ICS-02', '2011/12', '40000', ['30000']],
  [null, '2011/12', '120000', ['120000'], 'ONE_OFF_COST'],
  ['ICS-01', '2012/13', '150000', ['100000']],
  ['ICS-02', '2012/13', '40000', []],
  ['ICS-01', '2013/14', '76000', []],
  ['ICS-02', '2013/14', '20000', []],
];

const totals = (
  planned: string,
  delivered: string,
  netPlanned: string,
  cumulativePlanned: string,
  cumulativeDelivered: string,
) => ({
  planned,
  delivered,
  netPlanned,
  cumulativePlanned,
  cumulativeDelivered,
});

async function reconcile(org: Org, variables: Record<string, unknown>) {
  const r = ok(await t.gql(RECONCILE, variables, org.admin)).savingsReconciliation;
  return { rows: r.rows.map((row: any) => [row.financialYear, row.reference, row.totals]), totals: r.totals };
}

describe('cumulative savings: recurring increments carried forward', () => {
  test('the ICS case: £552K a year once fully implemented, by year and by MTFS reference', async () => {
    const org = await newOrg(t);
    const { id } = await org.programme({ code: 'ICS-2011' });
    await seed(org, id, ICS);

    const byYear = await reconcile(org, { groupBy: ['FINANCIAL_YEAR'] });
    expect(byYear.rows).toEqual([
      ['2011/12', null, totals('266000.00', '256000.00', '146000.00', '266000.00', '256000.00')],
      ['2012/13', null, totals('190000.00', '100000.00', '190000.00', '456000.00', '356000.00')],
      ['2013/14', null, totals('96000.00', '0.00', '96000.00', '552000.00', '356000.00')],
    ]);
    expect(byYear.totals).toEqual(totals('552000.00', '356000.00', '432000.00', '552000.00', '356000.00'));

    const byReferenceAndYear = await reconcile(org, { groupBy: ['REFERENCE', 'FINANCIAL_YEAR'] });
    expect(byReferenceAndYear.rows).toEqual([
      ['2011/12', 'ICS-01', totals('226000.00', '226000.00', '226000.00', '226000.00', '226000.00')],
      ['2011/12', 'ICS-02', totals('40000.00', '30000.00', '40000.00', '40000.00', '30000.00')],
      ['2011/12', null, totals('0.00', '0.00', '-120000.00', '0.00', '0.00')],
      ['2012/13', 'ICS-01', totals('150000.00', '100000.00', '150000.00', '376000.00', '326000.00')],
      ['2012/13', 'ICS-02', totals('40000.00', '0.00', '40000.00', '80000.00', '30000.00')],
      ['2013/14', 'ICS-01', totals('76000.00', '0.00', '76000.00', '452000.00', '326000.00')],
      ['2013/14', 'ICS-02', totals('20000.00', '0.00', '20000.00', '100000.00', '30000.00')],
    ]);

    const byReference = await reconcile(org, { groupBy: ['REFERENCE'] });
    expect(byReference.rows).toEqual([
      [null, 'ICS-01', totals('452000.00', '326000.00', '452000.00', '452000.00', '326000.00')],
      [null, 'ICS-02', totals('100000.00', '30000.00', '100000.00', '100000.00', '30000.00')],
      [null, null, totals('0.00', '0.00', '-120000.00', '0.00', '0.00')],
    ]);

    // lines outside the filter never count: 2013/14 alone is its own increments
    const lastYear = await reconcile(org, { filter: { financialYear: '2013/14' }, groupBy: ['FINANCIAL_YEAR'] });
    expect(lastYear.rows).toEqual([['2013/14', null, totals('96000.00', '0.00', '96000.00', '96000.00', '0.00')]]);
  });

  test('a non-recurring saving counts in its own year only; references sort in code-point order', async () => {
    const org = await newOrg(t);
    const { id } = await org.programme();
    await seed(org, id, [
      ['a-2', '2018/19', '100.10', ['100.10']],
      ['B-1', '2018/19', '0.20', [], 'SAVING', false],
      ['B-1', '2019/20', '1000', ['999.99'], 'SAVING', false],
      ['a-2', '2020/21', '0.01', []],
    ]);
    const byYear = await reconcile(org, { groupBy: ['FINANCIAL_YEAR'] });
    expect(byYear.rows).toEqual([
      ['2018/19', null, totals('100.30', '100.10', '100.30', '100.30', '100.10')],
      ['2019/20', null, totals('1000.00', '999.99', '1000.00', '1100.10', '1100.09')],
      ['2020/21', null, totals('0.01', '0.00', '0.01', '100.11', '100.10')],
    ]);
    expect((await reconcile(org, { groupBy: ['REFERENCE'] })).rows.map((r: any[]) => r[1])).toEqual(['B-1', 'a-2']);
  });
});

describe('MTFS reference', () => {
  test('stored trimmed, blank is none, unique per programme and year ignoring case (CONFLICT)', async () => {
    const org = await newOrg(t);
    const [p, q] = [await org.programme(), await org.programme()];
    const create = (programmeId: string, reference: string | null, financialYear = '2018/19') =>
      t.gql(
        CREATE,
        { input: { programmeId, reference, financialYear, description: 'Staffing', category: 'STAFFING', planned: '1' } },
        org.admin,
      );
    expect(ok(await create(p.id, '  CYP-05 ')).createSavingsLine.reference).toBe('CYP-05');
    expect(errorOf(await create(p.id, 'cyp-05'))).toMatchObject({ code: 'CONFLICT', field: 'reference' });
    expect(ok(await create(p.id, 'cyp-05', '2019/20')).createSavingsLine.reference).toBe('cyp-05');
    expect(ok(await create(q.id, 'CYP-05')).createSavingsLine.reference).toBe('CYP-05');
    expect(ok(await create(p.id, '   ')).createSavingsLine.reference).toBeNull();
    expect(ok(await create(p.id, null)).createSavingsLine.reference).toBeNull();
    expect(errorOf(await create(p.id, 'x'.repeat(101)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reference' });
  });
});
