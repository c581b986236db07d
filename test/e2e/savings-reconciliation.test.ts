import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`;
const DELIVER = `mutation($id: ID!, $input: SavingsDeliveryInput!) { recordSavingsDelivery(savingsLineId: $id, input: $input) { id } }`;
const TOTALS = 'planned forecast delivered variance netPlanned netDelivered';
const RECONCILE = `query($filter: SavingsFilter, $groupBy: [SavingsGrouping!]) {
  savingsReconciliation(filter: $filter, groupBy: $groupBy) {
    rows { programme { code name } financialYear category kind totals { ${TOTALS} } }
    totals { ${TOTALS} }
  }
}`;

interface LineSpec {
  programme: string;
  description: string;
  year: string;
  category?: string;
  kind?: string;
  planned: string;
  forecast?: string;
  delivered?: string[];
}

/** Creates programmes by code and their lines, with deliveries; returns programme ids by code. */
async function seed(org: Org, lines: LineSpec[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const l of lines) {
    ids[l.programme] ??= (await org.programme({ code: l.programme })).id;
    const input = {
      programmeId: ids[l.programme],
      description: l.description,
      financialYear: l.year,
      category: l.category ?? 'STAFFING',
      kind: l.kind,
      planned: l.planned,
      forecast: l.forecast,
    };
    const { id } = ok(await t.gql(CREATE, { input }, org.admin)).createSavingsLine;
    for (const [i, amount] of (l.delivered ?? []).entries()) {
      ok(await t.gql(DELIVER, { id, input: { amount, recordedOn: `20${l.year.slice(2, 4)}-10-0${i + 1}` } }, org.admin));
    }
  }
  return ids;
}

const reconcile = async (org: Org, variables: Record<string, unknown> = {}, token = org.admin) =>
  ok(await t.gql(RECONCILE, variables, token)).savingsReconciliation;

const money = (
  planned: string,
  forecast: string,
  delivered: string,
  variance: string,
  netPlanned: string,
  netDelivered: string,
) => ({ planned, forecast, delivered, variance, netPlanned, netDelivered });

/** Integrated Children's Services: £552K a year (£452K staffing, £100K premises), £120K one-off costs in 2011/12. */
const ICS: LineSpec[] = [
  {
    programme: 'ICS-2011',
    description: 'Staffing restructure',
    year: '2011/12',
    category: 'STAFFING',
    planned: '452000',
    forecast: '430000',
    delivered: ['300000', '100000'],
  },
  {
    programme: 'ICS-2011',
    description: 'Office moves',
    year: '2011/12',
    category: 'PREMISES',
    planned: '100000',
    delivered: ['100000'],
  },
  {
    programme: 'ICS-2011',
    description: 'Training and change management',
    year: '2011/12',
    category: 'OTHER',
    kind: 'ONE_OFF_COST',
    planned: '120000',
    delivered: ['120000'],
  },
];

describe('savingsReconciliation', () => {
  test('the £552K case: savings totals count SAVING lines only; the net figures subtract the one-off costs', async () => {
    const org = await newOrg(t);
    await seed(org, ICS);
    const r = await reconcile(org);
    expect(r.rows).toEqual([]);
    expect(r.totals).toEqual(money('552000.00', '530000.00', '500000.00', '-52000.00', '432000.00', '380000.00'));
    const byKind = await reconcile(org, { groupBy: ['KIND'] });
    expect(byKind.rows).toEqual([
      {
        programme: null,
        financialYear: null,
        category: null,
        kind: 'SAVING',
        totals: money('552000.00', '530000.00', '500000.00', '-52000.00', '552000.00', '500000.00'),
      },
      {
        programme: null,
        financialYear: null,
        category: null,
        kind: 'ONE_OFF_COST',
        totals: money('0.00', '0.00', '0.00', '0.00', '-120000.00', '-120000.00'),
      },
    ]);
    expect(byKind.totals).toEqual(r.totals);
  });

  test('groups by every combination asked, sorted by programme code, year, then category and kind in enum order', async () => {
    const org = await newOrg(t);
    await seed(org, [
      { programme: 'LW-2020', description: 'Locality staffing', year: '2020/21', planned: '50000' },
      {
        programme: 'FH-2018',
        description: 'Commissioning',
        year: '2019/20',
        category: 'COMMISSIONING',
        planned: '30000',
        delivered: ['10000'],
      },
      { programme: 'FH-2018', description: 'Income', year: '2018/19', category: 'INCOME', planned: '5000' },
      {
        programme: 'FH-2018',
        description: 'Premises',
        year: '2018/19',
        category: 'PREMISES',
        planned: '20000',
        delivered: ['20000.01'],
      },
      {
        programme: 'FH-2018',
        description: 'Staffing',
        year: '2018/19',
        category: 'STAFFING',
        planned: '100000',
        delivered: ['50000'],
      },
      {
        programme: 'FH-2018',
        description: 'Change costs',
        year: '2018/19',
        category: 'STAFFING',
        kind: 'ONE_OFF_COST',
        planned: '7000',
        delivered: ['6999.99'],
      },
      { programme: 'FH-2018', description: 'More staffing', year: '2018/19', category: 'STAFFING', planned: '0.01' },
      { programme: 'CCR-2019', description: 'Centres', year: '2019/20', category: 'PREMISES', planned: '1000000' },
    ]);
    const all = await reconcile(org, { groupBy: ['KIND', 'CATEGORY', 'FINANCIAL_YEAR', 'PROGRAMME'] });
    expect(
      all.rows.map((r: any) => [r.programme.code, r.financialYear, r.category, r.kind, r.totals.planned, r.totals.netDelivered]),
    ).toEqual([
      ['CCR-2019', '2019/20', 'PREMISES', 'SAVING', '1000000.00', '0.00'],
      ['FH-2018', '2018/19', 'STAFFING', 'SAVING', '100000.01', '50000.00'],
      ['FH-2018', '2018/19', 'STAFFING', 'ONE_OFF_COST', '0.00', '-6999.99'],
      ['FH-2018', '2018/19', 'PREMISES', 'SAVING', '20000.00', '20000.01'],
      ['FH-2018', '2018/19', 'INCOME', 'SAVING', '5000.00', '0.00'],
      ['FH-2018', '2019/20', 'COMMISSIONING', 'SAVING', '30000.00', '10000.00'],
      ['LW-2020', '2020/21', 'STAFFING', 'SAVING', '50000.00', '0.00'],
    ]);
    expect(all.totals).toEqual(money('1205000.01', '1205000.01', '80000.01', '-1125000.00', '1198000.01', '73000.02'));

    const byProgrammeYear = await reconcile(org, { groupBy: ['FINANCIAL_YEAR', 'PROGRAMME'] });
    expect(byProgrammeYear.rows.map((r: any) => [r.programme.code, r.financialYear, r.category, r.kind, r.totals])).toEqual([
      ['CCR-2019', '2019/20', null, null, money('1000000.00', '1000000.00', '0.00', '-1000000.00', '1000000.00', '0.00')],
      ['FH-2018', '2018/19', null, null, money('125000.01', '125000.01', '70000.01', '-55000.00', '118000.01', '63000.02')],
      ['FH-2018', '2019/20', null, null, money('30000.00', '30000.00', '10000.00', '-20000.00', '30000.00', '10000.00')],
      ['LW-2020', '2020/21', null, null, money('50000.00', '50000.00', '0.00', '-50000.00', '50000.00', '0.00')],
    ]);
    expect(byProgrammeYear.totals).toEqual(all.totals);

    const byCategory = await reconcile(org, { groupBy: ['CATEGORY', 'CATEGORY'] });
    expect(byCategory.rows.map((r: any) => [r.programme, r.category, r.totals.planned])).toEqual([
      [null, 'STAFFING', '150000.01'],
      [null, 'PREMISES', '1020000.00'],
      [null, 'COMMISSIONING', '30000.00'],
      [null, 'INCOME', '5000.00'],
    ]);
    expect((await reconcile(org, { groupBy: [] })).rows).toEqual([]);
  });

  test('filters by programme, year and kind; an unknown or malformed programme gives nothing', async () => {
    const org = await newOrg(t);
    const ids = await seed(org, [
      ...ICS,
      { programme: 'ICS-2011', description: 'Staffing restructure', year: '2012/13', planned: '452000' },
      { programme: 'FH-2018', description: 'Staffing', year: '2011/12', planned: '1000' },
    ]);
    const ics = await reconcile(org, { filter: { programmeId: ids['ICS-2011'], financialYear: '2011/12' } });
    expect(ics.totals).toEqual(money('552000.00', '530000.00', '500000.00', '-52000.00', '432000.00', '380000.00'));
    const year = await reconcile(org, { filter: { financialYear: '2011/12' }, groupBy: ['PROGRAMME'] });
    expect(year.rows.map((r: any) => [r.programme.code, r.totals.planned])).toEqual([
      ['FH-2018', '1000.00'],
      ['ICS-2011', '552000.00'],
    ]);
    const costs = await reconcile(org, { filter: { kind: 'ONE_OFF_COST' } });
    expect(costs.totals).toEqual(money('0.00', '0.00', '0.00', '0.00', '-120000.00', '-120000.00'));
    const none = money('0.00', '0.00', '0.00', '0.00', '0.00', '0.00');
    for (const programmeId of ['not-an-id', '00000000-0000-4000-8000-000000000000']) {
      expect(await reconcile(org, { filter: { programmeId }, groupBy: ['PROGRAMME'] })).toEqual({ rows: [], totals: none });
    }
    expect(await reconcile(org, { filter: { financialYear: '1999/00' }, groupBy: ['KIND'] })).toEqual({ rows: [], totals: none });
    expect(errorOf(await t.gql(RECONCILE, { filter: { financialYear: '2011/13' } }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  test("everyone in the organisation reads it; another organisation's lines never count", async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    await seed(org, ICS);
    await seed(other, [{ programme: 'ICS-2011', description: 'Theirs', year: '2011/12', planned: '999' }]);
    for (const role of ['MEMBER', 'PROGRAMME_MANAGER', 'FINANCE'] as const) {
      const r = await reconcile(org, { groupBy: ['PROGRAMME'] }, await org.user(role));
      expect(r.rows).toHaveLength(1);
      expect(r.totals.planned).toBe('552000.00');
    }
    expect(errorOf(await t.gql(RECONCILE, {})).code).toBe('UNAUTHENTICATED');
  });

  test('sums of many lines are exact to the penny (0.10 + 0.20 = 0.30)', async () => {
    const org = await newOrg(t);
    const { id } = await org.programme({ code: 'P' });
    const input = (planned: string) => ({
      programmeId: id,
      description: `Line ${planned}`,
      financialYear: '2018/19',
      category: 'OTHER',
      planned,
    });
    await Promise.all(Array.from({ length: 30 }, (_, i) => t.gql(CREATE, { input: input(i % 2 ? '0.20' : '0.10') }, org.admin)));
    const r = await reconcile(org, { groupBy: ['PROGRAMME'] });
    expect(r.rows[0].totals.planned).toBe('4.50');
    expect(r.totals).toEqual(money('4.50', '4.50', '0.00', '-4.50', '4.50', '0.00'));
  });

  test('is one SQL statement, programmes included, whatever the number of lines and groups', async () => {
    const org = await newOrg(t);
    const requestStatements = async (variables: Record<string, unknown>) => {
      await reconcile(org, variables); // warm: the token's last use is written at most once a minute
      const before = t.statements();
      await reconcile(org, variables);
      return t.statements() - before;
    };
    await seed(org, ICS);
    const baseline = await requestStatements({});
    const small = await requestStatements({ groupBy: ['PROGRAMME', 'FINANCIAL_YEAR', 'CATEGORY', 'KIND'] });
    const lines = Array.from({ length: 12 }, (_, i) => ({
      programme: `P-${i % 4}`,
      description: `Line ${i}`,
      year: `${2018 + (i % 3)}/${19 + (i % 3)}`,
      planned: '10',
      delivered: ['1', '2'],
    }));
    await seed(org, lines);
    const large = await requestStatements({ groupBy: ['PROGRAMME', 'FINANCIAL_YEAR', 'CATEGORY', 'KIND'] });
    expect(small).toBe(baseline);
    expect(large).toBe(baseline);
    // a malformed programme id answers without touching the database: what remains is authentication
    const authentication = await requestStatements({ filter: { programmeId: 'not-an-id' } });
    expect(baseline - authentication).toBe(1);
  });
});
