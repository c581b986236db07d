import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { ASSESS, CLOSE, FUTURE, LIST, MATRIX, newRisk, PAST, references } from './risk-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const s = (likelihood: number, impact: number) => ({ likelihood, impact });

/** Two programmes' risks; CCR-R01 is closed. References are written programme-reference. */
async function register() {
  const org = await newOrg(t);
  const fh = await org.programme({ code: 'FH-2018' });
  const ccr = await org.programme({ code: 'CCR-2019' });
  const add = (
    p: { id: string },
    reference: string,
    category: string,
    inherent: { likelihood: number; impact: number },
    more: object = {},
  ) => newRisk(t, org, p.id, { reference, category, inherent, title: `${category} risk`, ...more });
  await add(fh, 'R01', 'SAFEGUARDING', s(5, 4), { reviewDate: PAST, title: 'Pressure on social services' });
  await add(fh, 'R02', 'SERVICE_DELIVERY', s(3, 3), { reviewDate: FUTURE, target: s(2, 2) });
  await add(fh, 'R03', 'WORKFORCE', s(2, 2), { description: 'Too few early help practitioners' });
  const closed = await add(ccr, 'R01', 'SAFEGUARDING', s(4, 4), { reviewDate: PAST });
  ok(await t.gql(CLOSE, { id: closed.id, v: 1, reason: 'Caseloads back to 24' }, org.admin));
  await add(ccr, 'R02', 'FINANCIAL', s(5, 3), { title: 'The £1m reduction is not delivered' });
  await add(ccr, 'R03', 'SAFEGUARDING', s(3, 5), { description: '100% of_looked-after children reviewed', target: s(1, 5) });
  await add(ccr, 'R04', 'LEGAL', s(3, 3));
  return { org, fh, ccr };
}

const ALL = ['CCR-2019 R01', 'CCR-2019 R02', 'CCR-2019 R03', 'CCR-2019 R04', 'FH-2018 R01', 'FH-2018 R02', 'FH-2018 R03'];
async function keys(org: Org, filter: object = {}) {
  const nodes = ok(await t.gql(LIST, { filter }, org.admin)).risks.nodes;
  return nodes.map((n: { reference: string; programme: { code: string } }) => `${n.programme.code} ${n.reference}`);
}

test('sorted by current score, then programme code, then reference; paginated by keyset cursor', async () => {
  const { org } = await register();
  const ordered = ['FH-2018 R01', 'CCR-2019 R01', 'CCR-2019 R02', 'CCR-2019 R03', 'CCR-2019 R04', 'FH-2018 R02', 'FH-2018 R03'];
  expect(await keys(org)).toEqual(ordered);
  const seen: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 10; page++) {
    const risks = ok(await t.gql(LIST, { first: 2, after }, org.admin)).risks;
    expect(risks.totalCount).toBe(7);
    seen.push(
      ...risks.nodes.map((n: { reference: string; programme: { code: string } }) => `${n.programme.code} ${n.reference}`),
    );
    if (!risks.pageInfo.hasNextPage) break;
    after = risks.pageInfo.endCursor;
  }
  expect(seen).toEqual(ordered);
  const last = ok(await t.gql(LIST, { first: 7 }, org.admin)).risks;
  expect(last.pageInfo.hasNextPage).toBe(false);
  const empty = ok(await t.gql(LIST, { first: 5, after: last.pageInfo.endCursor }, org.admin)).risks;
  expect(empty).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
});

test('first and after are checked', async () => {
  const { org } = await register();
  for (const vars of [
    { first: 0 },
    { first: 501 },
    { after: 'nonsense' },
    { after: Buffer.from('["programmes","X"]').toString('base64url') },
  ]) {
    expect(errorOf(await t.gql(LIST, vars, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: Object.keys(vars)[0] });
  }
});

test('each filter of the contract, alone and combined', async () => {
  const { org, fh } = await register();
  const cases: [object, string[]][] = [
    [{ status: ['OPEN'] }, ALL.filter((k) => k !== 'CCR-2019 R01')],
    [{ status: ['CLOSED'] }, ['CCR-2019 R01']],
    [{ programmeId: fh.id }, ['FH-2018 R01', 'FH-2018 R02', 'FH-2018 R03']],
    [{ programmeId: 'nonsense' }, []],
    [{ category: ['SAFEGUARDING', 'LEGAL'] }, ['CCR-2019 R01', 'CCR-2019 R03', 'CCR-2019 R04', 'FH-2018 R01']],
    [{ minScore: 15 }, ['CCR-2019 R01', 'CCR-2019 R02', 'CCR-2019 R03', 'FH-2018 R01']],
    [{ rating: ['GREEN', 'AMBER'] }, ['CCR-2019 R04', 'FH-2018 R02', 'FH-2018 R03']],
    [{ rating: ['RED'] }, ['CCR-2019 R01', 'CCR-2019 R02', 'CCR-2019 R03', 'FH-2018 R01']],
    [{ withinAppetite: true }, ['CCR-2019 R04', 'FH-2018 R02', 'FH-2018 R03']],
    [{ withinAppetite: false }, ['CCR-2019 R01', 'CCR-2019 R02', 'CCR-2019 R03', 'FH-2018 R01']],
    [{ reviewOverdue: true }, ['FH-2018 R01']],
    [{ reviewOverdue: false }, ALL.filter((k) => k !== 'FH-2018 R01')],
    [{ search: 'SOCIAL' }, ['FH-2018 R01']],
    [{ search: 'early help' }, ['FH-2018 R03']],
    [{ search: '100%' }, ['CCR-2019 R03']],
    [{ search: 'of_l' }, ['CCR-2019 R03']],
    [{ search: '_' }, ['CCR-2019 R03', 'FH-2018 R02']],
    [{ search: 'r04' }, ['CCR-2019 R04']],
    [{ status: ['OPEN'], rating: ['RED'], category: ['SAFEGUARDING'], withinAppetite: false }, ['CCR-2019 R03', 'FH-2018 R01']],
    [
      { status: ['OPEN'], rating: ['RED'], category: ['SAFEGUARDING'], withinAppetite: false, reviewOverdue: true },
      ['FH-2018 R01'],
    ],
    [{ status: ['OPEN'], minScore: 9, programmeId: fh.id, search: 'service' }, ['FH-2018 R01', 'FH-2018 R02']],
  ];
  for (const [filter, expected] of cases) {
    expect([filter, (await keys(org, filter)).sort()]).toEqual([filter, [...expected].sort()]);
    expect([filter, ok(await t.gql(LIST, { filter }, org.admin)).risks.totalCount]).toEqual([filter, expected.length]);
  }
});

test('programme.risks takes the same filter', async () => {
  const { org, ccr } = await register();
  const q = `query($id: ID!, $filter: RiskFilter) { programme(id: $id) { risks(filter: $filter) { reference } } }`;
  const refs = async (filter?: object) =>
    ok(await t.gql(q, { id: ccr.id, filter }, org.admin)).programme.risks.map((r: { reference: string }) => r.reference);
  expect(await refs()).toEqual(['R01', 'R02', 'R03', 'R04']);
  expect(await refs({ status: ['OPEN'], category: ['SAFEGUARDING'] })).toEqual(['R03']);
  expect(await refs({ programmeId: ccr.id, withinAppetite: true })).toEqual(['R04']);
});

test('withinAppetite follows a change of appetite at once, on every risk', async () => {
  const { org } = await register();
  const member = await org.user('MEMBER');
  expect(await references(t, member, { withinAppetite: true, category: ['FINANCIAL'] })).toEqual([]);
  ok(await t.gql(`mutation { setRiskAppetite(category: FINANCIAL, maxScore: 15) { id } }`, {}, org.admin));
  expect(await references(t, member, { withinAppetite: true, category: ['FINANCIAL'] })).toEqual(['R02']);
  const risks = ok(await t.gql(`{ risks(filter: { category: [FINANCIAL] }) { nodes { withinAppetite } } }`, {}, member)).risks
    .nodes;
  expect(risks).toEqual([{ withinAppetite: true }]);
  ok(await t.gql(`mutation { setRiskAppetite(category: SAFEGUARDING, maxScore: 25) { id } }`, {}, org.admin));
  expect((await keys(org, { withinAppetite: false })).sort()).toEqual([]);
});

describe('riskMatrix', () => {
  const grid = (counts: Record<string, number>) =>
    [1, 2, 3, 4, 5].flatMap((l) => [1, 2, 3, 4, 5].map((i) => ({ likelihood: l, impact: i, count: counts[`${l}x${i}`] ?? 0 })));

  test('always 25 cells by likelihood then impact, open risks only, on the current, inherent or target basis', async () => {
    const { org, fh, ccr } = await register();
    const [risk] = ok(await t.gql(`{ risks(filter: { search: "R04" }) { nodes { id } } }`, {}, org.admin)).risks.nodes;
    ok(await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 1, impact: 2 } }, org.admin));
    const matrix = async (programmeId: string | null, basis?: string) =>
      ok(await t.gql(MATRIX, { programmeId, basis }, org.admin)).riskMatrix;
    expect(await matrix(ccr.id)).toEqual({ total: 3, cells: grid({ '5x3': 1, '3x5': 1, '1x2': 1 }) });
    expect(await matrix(ccr.id, 'CURRENT')).toEqual(await matrix(ccr.id));
    expect(await matrix(ccr.id, 'INHERENT')).toEqual({ total: 3, cells: grid({ '5x3': 1, '3x5': 1, '3x3': 1 }) });
    expect(await matrix(ccr.id, 'TARGET')).toEqual({ total: 1, cells: grid({ '1x5': 1 }) });
    expect(await matrix(null)).toEqual({ total: 6, cells: grid({ '5x3': 1, '3x5': 1, '1x2': 1, '5x4': 1, '3x3': 1, '2x2': 1 }) });
    expect(await matrix(null, 'TARGET')).toEqual({ total: 2, cells: grid({ '1x5': 1, '2x2': 1 }) });
    expect((await matrix(fh.id)).total).toBe(3);
  });

  test('an unknown, malformed or invisible programme gives an empty grid', async () => {
    const { fh } = await register();
    const other = await newOrg(t);
    for (const programmeId of [fh.id, '00000000-0000-4000-8000-000000000000', 'nonsense']) {
      expect(ok(await t.gql(MATRIX, { programmeId }, other.admin)).riskMatrix).toEqual({ total: 0, cells: grid({}) });
    }
  });
});
