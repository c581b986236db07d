import { londonToday } from '../../src/values/calendar-date';
import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { ADD_MITIGATION, CLOSE, newRisk, UPDATE } from './risk-helpers';

// The programme manager's weekly queries: `mitigations` with its filters and order, `mitigation(id)`,
// Mitigation.createdOn and RiskFilter.reviewDueBefore; a MEMBER never meets a confidential risk's.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const LIST = `query($filter: MitigationFilter, $first: Int, $after: String) {
  mitigations(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id action owner dueDate status overdue createdOn risk { reference programme { code } } }
    pageInfo { hasNextPage endCursor } } }`;
const ONE = `query($id: ID!) { mitigation(id: $id) { id action createdOn risk { reference } } }`;

interface Register {
  org: Org;
  ids: Record<string, string>;
  programmes: { a: string; b: string };
  risks: Record<string, { id: string; version: number }>;
}

/** Two programmes (A-01, B-02), three risks (one confidential) and their mitigations. */
async function register(): Promise<Register> {
  const org = await newOrg(t);
  const [a, b] = [await org.programme({ code: 'A-01' }), await org.programme({ code: 'B-02' })];
  const risks = {
    a1: await newRisk(t, org, a.id, { reference: 'R01' }),
    a2: await newRisk(t, org, a.id, { reference: 'R02', confidential: true }),
    b1: await newRisk(t, org, b.id, { reference: 'R01' }),
  };
  const ids: Record<string, string> = {};
  const add = async (name: string, riskId: string, input: Record<string, unknown>) => {
    ids[name] = ok(await t.gql(ADD_MITIGATION, { id: riskId, input: { action: name, ...input } }, org.admin)).addMitigation.id;
  };
  await add('Brief members', risks.a1.id, { owner: 'Head of Early Help', dueDate: '2018-09-30', status: 'IN_PROGRESS' });
  await add('Agree pathways', risks.a1.id, { owner: 'Locality Manager', dueDate: '2018-09-30', status: 'COMPLETE' });
  await add('Recruit key workers', risks.a1.id, { owner: '100%_Lead' });
  await add('Settle named posts', risks.a2.id, { owner: 'Head of HR', dueDate: '2018-06-30' });
  await add('Phase the moves', risks.b1.id, { owner: 'Head of Early Help', dueDate: '2018-09-30' });
  await add('Staff the contact point', risks.b1.id, { owner: 'Service Manager', dueDate: '2030-01-01', status: 'PLANNED' });
  return { org, ids, programmes: { a: a.id, b: b.id }, risks };
}

const actions = (data: { mitigations: { nodes: { action: string }[] } }) => data.mitigations.nodes.map((n) => n.action);

test('every visible mitigation, by dueDate (none last), then programme code, risk reference and action', async () => {
  const { org } = await register();
  const data = ok(await t.gql(LIST, {}, org.admin));
  expect(actions(data)).toEqual([
    'Settle named posts',
    'Agree pathways',
    'Brief members',
    'Phase the moves',
    'Staff the contact point',
    'Recruit key workers',
  ]);
  expect(data.mitigations.totalCount).toBe(6);
  expect(data.mitigations.nodes[1]).toMatchObject({
    status: 'COMPLETE',
    overdue: false,
    createdOn: londonToday(),
    risk: { reference: 'R01', programme: { code: 'A-01' } },
  });
  expect(data.mitigations.nodes[2]).toMatchObject({ overdue: true, dueDate: '2018-09-30' });
});

test('pages follow the order with endCursor; first and after are checked', async () => {
  const { org } = await register();
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page: any = ok(await t.gql(LIST, { first: 4, after }, org.admin)).mitigations;
    expect(page.totalCount).toBe(6);
    seen.push(...page.nodes.map((n: { action: string }) => n.action));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(seen).toEqual(actions(ok(await t.gql(LIST, { first: 500 }, org.admin))));
  for (const [variables, field] of [
    [{ first: 0 }, 'first'],
    [{ first: 501 }, 'first'],
    [{ after: 'nonsense' }, 'after'],
    [{ after: Buffer.from(JSON.stringify(['risks', 1, 'P', 'R'])).toString('base64url') }, 'after'],
  ] as const)
    expect(errorOf(await t.gql(LIST, variables, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field });
});

test('filters: overdue, dueBefore, owner, programme, risk and status, combined', async () => {
  const { org, programmes, risks } = await register();
  const list = async (filter: object) => actions(ok(await t.gql(LIST, { filter }, org.admin)));
  expect(await list({ overdue: true })).toEqual(['Settle named posts', 'Brief members', 'Phase the moves']);
  expect(await list({ overdue: false })).toEqual(['Agree pathways', 'Staff the contact point', 'Recruit key workers']);
  expect(await list({ dueBefore: '2018-09-30' })).toEqual(['Settle named posts']);
  expect(await list({ dueBefore: '2018-10-01' })).toHaveLength(4);
  expect(await list({ owner: 'early help' })).toEqual(['Brief members', 'Phase the moves']);
  expect(await list({ owner: '%' })).toEqual(['Recruit key workers']);
  expect(await list({ owner: '_' })).toEqual(['Recruit key workers']);
  expect(await list({ programmeId: programmes.b })).toEqual(['Phase the moves', 'Staff the contact point']);
  expect(await list({ riskId: risks.a2.id })).toEqual(['Settle named posts']);
  expect(await list({ status: ['PLANNED'] })).toEqual([
    'Settle named posts',
    'Phase the moves',
    'Staff the contact point',
    'Recruit key workers',
  ]);
  expect(await list({ status: ['COMPLETE', 'IN_PROGRESS'] })).toEqual(['Agree pathways', 'Brief members']);
  expect(await list({ programmeId: programmes.a, overdue: true, owner: 'head' })).toEqual([
    'Settle named posts',
    'Brief members',
  ]);
  const counted = ok(await t.gql(LIST, { filter: { overdue: true }, first: 1 }, org.admin));
  expect(counted.mitigations).toMatchObject({ totalCount: 3, nodes: [{ action: 'Settle named posts' }] });
});

test("an unknown, malformed or another organisation's programme or risk gives an empty list", async () => {
  const { org } = await register();
  const other = await register();
  for (const filter of [
    { programmeId: other.programmes.a },
    { riskId: other.risks.a1.id },
    { programmeId: 'nonsense' },
    { riskId: 'nonsense' },
  ]) {
    const data = ok(await t.gql(LIST, { filter }, org.admin));
    expect(data.mitigations).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  }
});

test("a MEMBER never meets a confidential risk's mitigations: not listed, not counted, not by id", async () => {
  const { org, ids, risks } = await register();
  const member = await org.user('MEMBER');
  const data = ok(await t.gql(LIST, {}, member));
  expect(actions(data)).not.toContain('Settle named posts');
  expect(data.mitigations.totalCount).toBe(5);
  expect(ok(await t.gql(LIST, { filter: { riskId: risks.a2.id } }, member)).mitigations.totalCount).toBe(0);
  expect(ok(await t.gql(LIST, { filter: { overdue: true } }, member)).mitigations.totalCount).toBe(2);
  expect(ok(await t.gql(ONE, { id: ids['Settle named posts'] }, member)).mitigation).toBeNull();
  expect(ok(await t.gql(ONE, { id: ids['Brief members'] }, member)).mitigation).toMatchObject({ action: 'Brief members' });
  // once the risk is no longer confidential, its mitigations appear
  ok(await t.gql(UPDATE, { id: risks.a2.id, v: 1, input: { confidential: false } }, org.admin));
  expect(ok(await t.gql(LIST, {}, member)).mitigations.totalCount).toBe(6);
});

test("mitigation(id): the mitigation with its createdOn; null for an unknown, malformed or another organisation's id", async () => {
  const { org, ids } = await register();
  const other = await newOrg(t);
  expect(ok(await t.gql(ONE, { id: ids['Phase the moves'] }, org.admin)).mitigation).toEqual({
    id: ids['Phase the moves'],
    action: 'Phase the moves',
    createdOn: londonToday(),
    risk: { reference: 'R01' },
  });
  for (const id of [ids['Phase the moves'], 'nonsense', '00000000-0000-4000-8000-000000000000'])
    expect(ok(await t.gql(ONE, { id }, other.admin)).mitigation).toBeNull();
  expect(errorOf(await t.gql(ONE, { id: ids['Phase the moves'] })).code).toBe('UNAUTHENTICATED');
});

test('RiskFilter.reviewDueBefore: open risks whose reviewDate is before the date', async () => {
  const org = await newOrg(t);
  const p = await org.programme();
  await newRisk(t, org, p.id, { reference: 'R01', reviewDate: '2018-06-01' });
  await newRisk(t, org, p.id, { reference: 'R02', reviewDate: '2018-07-01' });
  await newRisk(t, org, p.id, { reference: 'R03' });
  const closed = await newRisk(t, org, p.id, { reference: 'R04', reviewDate: '2018-01-01' });
  ok(await t.gql(CLOSE, { id: closed.id, v: 1, reason: 'Gone' }, org.admin));
  const refs = async (reviewDueBefore: string) =>
    ok(
      await t.gql(
        `query($f: RiskFilter) { risks(filter: $f) { totalCount nodes { reference } } }`,
        { f: { reviewDueBefore } },
        org.admin,
      ),
    ).risks.nodes.map((n: { reference: string }) => n.reference);
  expect((await refs('2018-07-01')).sort()).toEqual(['R01']);
  expect((await refs('2018-07-02')).sort()).toEqual(['R01', 'R02']);
  expect(await refs('2018-06-01')).toEqual([]);
});
