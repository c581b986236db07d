import { randomUUID } from 'node:crypto';
import { buildClientSchema, getIntrospectionQuery, getNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { idArguments, Probe, rootFields } from '../support/isolation-probe';
import { newMarker, Seeded, seedOrganisation } from '../support/isolation-seed';
import { idsIn, viewOf } from '../support/isolation-view';
import { GraphQLResponse, ok, startTestServer, TestServer } from '../support/test-server';

// Issue 6.4, within an organisation: for a MEMBER a confidential risk does not exist. Every
// query of the served schema, as the MEMBER, shows it nowhere (lists, counts, the matrix,
// programme and resolution links, the resolutions found through it), each count exactly one
// below an ADMIN's; every mutation naming it, or its mitigation, answers NOT_FOUND (never
// FORBIDDEN), exactly as for an id that exists nowhere. The answers are scanned for its id,
// its mitigation's and assessments' ids and its texts.

let t: TestServer;
let schema: GraphQLSchema;
let a: Seeded;
let probe: Probe;
let adminView: Record<string, unknown>;
let member: string;

beforeAll(async () => {
  t = await startTestServer();
  schema = buildClientSchema(ok(await t.gql(getIntrospectionQuery())));
  a = await seedOrganisation(t, { appetite: 6 });
  member = a.tokens.MEMBER;
  adminView = await viewOf(t, a.tokens.ADMIN);
  const secret = ok(
    await t.gql(
      `query($id: ID!) { risk(id: $id) { id mitigations { id } assessments { id } } }`,
      { id: a.risks.secret.id },
      a.tokens.ADMIN,
    ),
  ).risk;
  const hidden = new Map<string, string>([[a.secret, newMarker()]]);
  for (const id of idsIn(secret)) hidden.set(id, randomUUID());
  // the confidential issue, like the risk, does not exist for a MEMBER
  hidden.set(a.issues.secret.id, randomUUID());
  probe = new Probe(t, schema, hidden);
}, 120_000);
afterAll(() => t?.close());

const dataOf = (res: GraphQLResponse) => ok(res) as any;
const codeOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;
/** The same operation as the ADMIN (who sees the confidential risk) and, through the probe, as the MEMBER. */
async function both(query: string, variables: Record<string, unknown> = {}) {
  return {
    admin: dataOf(await t.gql(query, variables, a.tokens.ADMIN)),
    member: dataOf(await probe.send(query, variables, member)),
  };
}
const ids = (list: { id: string }[]) => list.map((x) => x.id);

const QUERY_CASES: Record<string, () => Promise<void>> = {
  'Query.me': async () => {
    expect(dataOf(await probe.send(`{ me { id role programmes { id risks { id } } } }`, {}, member)).me).toMatchObject({
      id: a.users.MEMBER.id,
      role: 'MEMBER',
    });
  },
  'Query.organisation': async () => {
    await probe.send(`{ organisation { id name riskAppetite { category maxScore } } }`, {}, member);
  },
  'Query.users': async () => {
    expect(codeOf(await probe.send(`{ users { id programmes { risks { id } } } }`, {}, member))).toBe('FORBIDDEN');
  },
  'Query.programmes': async () => {
    const { admin, member: m } =
      await both(`{ programmes { totalCount nodes { id risks { id } red: risks(filter: { rating: [RED] }) { id }
      resolutions { id risks { id } } savingsLines { resolutions { risks { id } } } milestones { resolutions { risks { id } } } } } }`);
    expect(m.programmes.totalCount).toBe(admin.programmes.totalCount);
    const [fhAdmin, fhMember] = [admin.programmes.nodes[0], m.programmes.nodes[0]];
    expect(fhMember.id).toBe(a.programmes.fh.id);
    expect(fhMember.risks).toHaveLength(fhAdmin.risks.length - 1);
    expect([fhAdmin.red.length, fhMember.red.length]).toEqual([1, 0]);
  },
  'Query.programme': async () => {
    const q = `query($id: ID!, $filter: RiskFilter) { programme(id: $id) { risks { id } filtered: risks(filter: $filter) { id mitigations { id } } } }`;
    for (const filter of [
      undefined,
      { programmeId: a.programmes.fh.id },
      { category: ['FINANCIAL'] },
      { search: a.secret },
      { minScore: 16 },
    ]) {
      const { admin, member: m } = await both(q, { id: a.programmes.fh.id, filter });
      expect(m.programme.risks).toHaveLength(admin.programme.risks.length - 1);
      expect(m.programme.filtered).toHaveLength(admin.programme.filtered.length - 1);
    }
    expect(
      dataOf(await probe.send(`query($id: ID!) { programme(id: $id) { id } }`, { id: a.risks.secret.id }, member)).programme,
    ).toBeNull();
    // a health report is not exempt information: the MEMBER reads what the ADMIN reads
    const health = await both(
      `query($id: ID!) { programme(id: $id) { health { rating commentary asOf recordedBy } healthHistory { commentary } } }`,
      { id: a.programmes.fh.id },
    );
    expect(health.member).toEqual(health.admin);
    expect(health.admin.programme.healthHistory).toHaveLength(2);
  },
  'Query.risks': async () => {
    const q = `query($filter: RiskFilter) { risks(filter: $filter, first: 500) { totalCount nodes { id mitigations { id risk { id } } resolutions { id risks { id } } } } }`;
    for (const filter of [
      undefined,
      { programmeId: a.programmes.fh.id },
      { category: ['FINANCIAL'] },
      { rating: ['RED'] },
      { minScore: 16 },
      { status: ['OPEN'] },
      { search: a.secret },
      { search: 'Redundancy' },
      { withinAppetite: false },
      { reviewOverdue: true },
    ]) {
      const { admin, member: m } = await both(q, { filter });
      expect(m.risks.totalCount).toBe(admin.risks.totalCount - 1);
      expect(m.risks.nodes).toHaveLength(admin.risks.nodes.length - 1);
    }
  },
  'Query.risk': async () => {
    const q = `query($id: ID!) { risk(id: $id) { id mitigations { id risk { id } } resolutions { risks { id } } } }`;
    for (const id of [a.risks.secret.id, a.risks.secret.id.toUpperCase(), a.mitigations.secret.id]) {
      expect(dataOf(await probe.send(q, { id }, member)).risk).toBeNull();
    }
    // the open risk shares a resolution with it: the resolution's risks leave it out
    const { admin, member: m } = await both(q, { id: a.risks.open.id });
    expect(m.risk.resolutions[0].risks).toHaveLength(admin.risk.resolutions[0].risks.length - 1);
  },
  'Query.riskMatrix': async () => {
    const q = `query($programmeId: ID, $basis: ScoreBasis) { riskMatrix(programmeId: $programmeId, basis: $basis) { total cells { likelihood impact count } } }`;
    const cellOf = { INHERENT: [4, 5], CURRENT: [4, 4], TARGET: [2, 2] };
    for (const [basis, [l, i]] of Object.entries(cellOf)) {
      for (const programmeId of [null, a.programmes.fh.id]) {
        const { admin, member: m } = await both(q, { programmeId, basis });
        expect(m.riskMatrix.total).toBe(admin.riskMatrix.total - 1);
        const expected = admin.riskMatrix.cells.map((c: { likelihood: number; impact: number; count: number }) =>
          c.likelihood === l && c.impact === i ? { ...c, count: c.count - 1 } : c,
        );
        expect(m.riskMatrix.cells).toEqual(expected);
      }
    }
    expect(dataOf(await probe.send(q, { programmeId: a.risks.secret.id }, member)).riskMatrix.total).toBe(0);
  },
  'Query.mitigations': async () => {
    const q = `query($filter: MitigationFilter) { mitigations(filter: $filter, first: 500) { totalCount nodes { id risk { id } } } }`;
    for (const filter of [
      undefined,
      { programmeId: a.programmes.fh.id },
      { status: ['IN_PROGRESS'] },
      { overdue: true },
      { dueBefore: '2030-01-01' },
      { owner: 'Officer' },
    ]) {
      const { admin, member: m } = await both(q, { filter });
      expect(ids(admin.mitigations.nodes)).toContain(a.mitigations.secret.id);
      expect(ids(m.mitigations.nodes)).toEqual(ids(admin.mitigations.nodes).filter((id) => id !== a.mitigations.secret.id));
      expect(m.mitigations.totalCount).toBe(admin.mitigations.totalCount - 1);
    }
    const { member: bySecret } = await both(q, { filter: { riskId: a.risks.secret.id } });
    expect(bySecret.mitigations).toEqual({ totalCount: 0, nodes: [] });
  },
  'Query.mitigation': async () => {
    const q = `query($id: ID!) { mitigation(id: $id) { id risk { id } } }`;
    for (const id of [a.mitigations.secret.id, a.mitigations.secret.id.toUpperCase()])
      expect(dataOf(await probe.send(q, { id }, member)).mitigation).toBeNull();
    const { member: m } = await both(q, { id: a.mitigations.open.id });
    expect(m.mitigation).toEqual({ id: a.mitigations.open.id, risk: { id: a.risks.open.id } });
  },
  'Query.milestones': async () => {
    const { admin, member: m } = await both(`{ milestones { totalCount nodes { id resolutions { id risks { id } } } } }`);
    expect(m.milestones.totalCount).toBe(admin.milestones.totalCount);
  },
  'Query.savingsReconciliation': async () => {
    const { admin, member: m } = await both(`{ savingsReconciliation(groupBy: [PROGRAMME]) { totals { planned delivered }
      rows { programme { id risks { id } } totals { planned } } } }`);
    expect(m.savingsReconciliation.totals).toEqual(admin.savingsReconciliation.totals);
  },
  'Query.committees': async () => {
    const { admin, member: m } = await both(`{ committees { meetings { resolutions { id risks { id mitigations { id } } } } } }`);
    const risksOf = (view: any) =>
      Object.fromEntries(view.committees[0].meetings.flatMap((mt: any) => mt.resolutions).map((r: any) => [r.id, ids(r.risks)]));
    const [seen, shown] = [risksOf(admin), risksOf(m)];
    expect(shown[a.resolutions.secret]).toEqual([]);
    expect(seen[a.resolutions.secret]).toEqual([a.risks.secret.id]);
    expect(shown[a.resolutions.model]).toEqual(seen[a.resolutions.model].filter((id: string) => id !== a.risks.secret.id));
  },
  'Query.resolutions': async () => {
    const q = `query($filter: ResolutionFilter) { resolutions(filter: $filter) { totalCount nodes { id risks { id } } } }`;
    // the resolutions themselves are not exempt: only the links through the confidential risk
    const all = await both(q);
    expect(all.member.resolutions.totalCount).toBe(all.admin.resolutions.totalCount);
    // linked to fh only through the confidential risk: not found through fh by the MEMBER
    const { admin, member: m } = await both(q, { filter: { programmeId: a.programmes.fh.id } });
    expect(ids(admin.resolutions.nodes)).toContain(a.resolutions.secret);
    expect(ids(m.resolutions.nodes)).toEqual(ids(admin.resolutions.nodes).filter((id) => id !== a.resolutions.secret));
    expect(m.resolutions.totalCount).toBe(admin.resolutions.totalCount - 1);
  },
  'Query.committeeActions': async () => {
    const q = `query($filter: CommitteeActionFilter) { committeeActions(filter: $filter) { totalCount nodes { id
      resolution { id risks { id } } programme { id risks { id } actions { resolution { risks { id } } } } } } }`;
    // the actions themselves are not exempt: only the risk behind the resolution one arose from
    for (const filter of [undefined, { programmeId: a.programmes.fh.id }, { committeeId: a.committee.id }]) {
      const { admin, member: m } = await both(q, { filter });
      expect(ids(m.committeeActions.nodes)).toEqual(ids(admin.committeeActions.nodes));
      const secretOf = (view: any) => view.committeeActions.nodes.find((n: any) => n.id === a.actions.secret.id);
      expect(ids(secretOf(admin).resolution.risks)).toEqual([a.risks.secret.id]);
      expect(secretOf(m).resolution.risks).toEqual([]);
    }
  },
  'Query.issues': async () => {
    const q = `query($filter: IssueFilter) { issues(filter: $filter) { totalCount nodes { id fromRisk { id }
      resolutions { id risks { id } issues { id } } programme { issues { id } } } } }`;
    for (const filter of [undefined, { programmeId: a.programmes.fh.id }, { priority: ['RED'] }]) {
      const { admin, member: m } = await both(q, { filter });
      expect(m.issues.totalCount).toBe(admin.issues.totalCount - 1);
      expect(ids(m.issues.nodes)).toEqual(ids(admin.issues.nodes).filter((id: string) => id !== a.issues.secret.id));
    }
  },
  'Query.issue': async () => {
    const q = `query($id: ID!) { issue(id: $id) { id resolutions { issues { id } } } }`;
    expect(dataOf(await probe.send(q, { id: a.issues.secret.id }, member)).issue).toBeNull();
    expect(dataOf(await probe.send(q, { id: a.issues.open.id }, member)).issue.resolutions).toEqual([
      { issues: [{ id: a.issues.open.id }] },
    ]);
  },
  'Query.changesSince': async () => {
    const q = `query($programmeId: ID!, $since: Date, $meetingId: ID) { changesSince(programmeId: $programmeId, since: $since, meetingId: $meetingId) {
      riskMoves { risk { id } assessments { id } } newRisks { id } closedRisks { id } mitigationsCompleted { id }
      mitigationsNowOverdue { id risk { id } } mitigationsRescheduled { mitigation { id } } resolutions { id risks { id } }
      openActions { id resolution { risks { id } } } } }`;
    // identified after 2000: the ADMIN's new risks hold the confidential one, the MEMBER's only the others
    const since = await both(q, { programmeId: a.programmes.fh.id, since: '2000-01-01' });
    expect(ids(since.admin.changesSince.newRisks)).toContain(a.risks.secret.id);
    expect(ids(since.member.changesSince.newRisks)).toEqual(
      ids(since.admin.changesSince.newRisks).filter((id) => id !== a.risks.secret.id),
    );
    // identified at the spring meeting and re-assessed after it: a score move, the ADMIN's only
    const moves = (view: any) => view.changesSince.riskMoves.map((mv: any) => mv.risk.id);
    const meeting = await both(q, { programmeId: a.programmes.fh.id, meetingId: a.meetings.spring });
    expect(moves(meeting.admin)).toContain(a.risks.secret.id);
    expect(moves(meeting.member)).toEqual(moves(meeting.admin).filter((id: string) => id !== a.risks.secret.id));
  },
  'Query.auditTrail': async () => {
    const q = `query($entityId: ID) { auditTrail(entityId: $entityId) { totalCount nodes { entityId changes } } }`;
    for (const entityId of [undefined, a.risks.secret.id, a.mitigations.secret.id])
      expect(codeOf(await probe.send(q, { entityId }, member))).toBe('FORBIDDEN');
  },
};

/** Mutations naming the confidential risk or its mitigation: NOT_FOUND; naming the open one: FORBIDDEN (a MEMBER writes nothing). */
const MUTATIONS: [
  string,
  string,
  (r: { id: string; version: number }, m: { id: string; version: number }) => Record<string, unknown>,
][] = [
  [
    'updateRisk',
    `mutation($id: ID!, $v: Int!) { updateRisk(id: $id, expectedVersion: $v, input: { title: "Leaked", confidential: false }) { id } }`,
    (r) => ({ id: r.id, v: r.version }),
  ],
  [
    'assessRisk',
    `mutation($id: ID!, $v: Int!) { assessRisk(riskId: $id, expectedVersion: $v, input: { likelihood: 1, impact: 1 }) { id } }`,
    (r) => ({ id: r.id, v: r.version }),
  ],
  [
    'closeRisk',
    `mutation($id: ID!, $v: Int!) { closeRisk(id: $id, expectedVersion: $v, reason: "Leaked") { id } }`,
    (r) => ({ id: r.id, v: r.version }),
  ],
  [
    'deleteRisk',
    `mutation($id: ID!, $v: Int!) { deleteRisk(id: $id, expectedVersion: $v, reason: "Leaked") { id } }`,
    (r) => ({ id: r.id, v: r.version }),
  ],
  [
    'deleteMitigation',
    `mutation($id: ID!, $v: Int!) { deleteMitigation(id: $id, expectedVersion: $v, reason: "Leaked") { id } }`,
    (_, m) => ({ id: m.id, v: m.version }),
  ],
  [
    'reopenRisk',
    `mutation($id: ID!, $v: Int!) { reopenRisk(id: $id, expectedVersion: $v, reason: "Leaked") { id } }`,
    (r) => ({ id: r.id, v: r.version }),
  ],
  [
    'addMitigation',
    `mutation($id: ID!) { addMitigation(riskId: $id, input: { action: "Leaked" }) { id } }`,
    (r) => ({ id: r.id }),
  ],
  [
    'updateMitigation',
    `mutation($id: ID!, $v: Int!) { updateMitigation(id: $id, expectedVersion: $v, input: { status: CANCELLED }) { id } }`,
    (_, m) => ({ id: m.id, v: m.version }),
  ],
  [
    'raiseIssueFromRisk',
    `mutation($id: ID!, $v: Int!) { raiseIssueFromRisk(riskId: $id, expectedVersion: $v, reference: "I99") { id } }`,
    (r) => ({ id: r.id, v: r.version }),
  ],
  [
    'linkRiskToSavingsLine',
    `mutation($id: ID!, $line: ID!) { linkRiskToSavingsLine(riskId: $id, savingsLineId: $line) { id } }`,
    (r) => ({ id: r.id, line: a.savings.premises.id }),
  ],
  [
    'unlinkRiskFromSavingsLine',
    `mutation($id: ID!, $line: ID!) { unlinkRiskFromSavingsLine(riskId: $id, savingsLineId: $line) { id } }`,
    (r) => ({ id: r.id, line: a.savings.staffing.id }),
  ],
  [
    'linkResolution',
    `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`,
    (r) => ({ id: a.resolutions.ics, target: { riskId: r.id } }),
  ],
  [
    'unlinkResolution',
    `mutation($id: ID!, $target: LinkTarget!) { unlinkResolution(resolutionId: $id, target: $target) { id } }`,
    (r) => ({ id: r.id === a.risks.secret.id ? a.resolutions.secret : a.resolutions.model, target: { riskId: r.id } }),
  ],
];

test('the table has a case for every field of Query', () => {
  const queries = rootFields(schema).filter((f) => f.startsWith('Query.'));
  expect(queries.filter((f) => !QUERY_CASES[f])).toEqual([]);
  expect(Object.keys(QUERY_CASES).filter((f) => !queries.includes(f))).toEqual([]);
});

describe('as a MEMBER, the confidential risk is nowhere', () => {
  test.each(Object.keys(QUERY_CASES))('%s', async (field) => {
    await QUERY_CASES[field]();
  });
});

describe('as a MEMBER, a mutation naming it is NOT_FOUND, never FORBIDDEN', () => {
  test.each(MUTATIONS.map(([name]) => name))('%s', async (name) => {
    const [, query, variables] = MUTATIONS.find(([n]) => n === name)!;
    const secret = await probe.send(query, variables(a.risks.secret, a.mitigations.secret), member);
    expect(codeOf(secret)).toBe('NOT_FOUND');
    const open = await t.gql(query, variables(a.risks.open, a.mitigations.open), member);
    expect(codeOf(open)).toBe('FORBIDDEN');
  });
});

test('as a MEMBER, a mutation naming the confidential issue is NOT_FOUND; naming the open one FORBIDDEN', async () => {
  const mutations: [string, (issue: { id: string; version: number }) => Record<string, unknown>][] = [
    [
      `mutation($id: ID!, $v: Int!) { updateIssue(id: $id, expectedVersion: $v, input: { title: "Leaked" }) { id } }`,
      (i) => ({ id: i.id, v: i.version }),
    ],
    [
      `mutation($id: ID!, $v: Int!) { resolveIssue(id: $id, expectedVersion: $v, resolutionNote: "Leaked") { id } }`,
      (i) => ({ id: i.id, v: i.version }),
    ],
    [
      `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`,
      (i) => ({ id: a.resolutions.ics, target: { issueId: i.id } }),
    ],
    [
      `mutation($id: ID!, $target: LinkTarget!) { unlinkResolution(resolutionId: $id, target: $target) { id } }`,
      (i) => ({ id: a.resolutions.model, target: { issueId: i.id } }),
    ],
  ];
  for (const [query, variables] of mutations) {
    expect(codeOf(await probe.send(query, variables(a.issues.secret), member))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(query, variables(a.issues.open), member))).toBe('FORBIDDEN');
  }
});

test("as a MEMBER, reporting a programme's health is FORBIDDEN, its programme visible or not NOT_FOUND as for anyone", async () => {
  const q = `mutation($id: ID!) { reportProgrammeHealth(programmeId: $id, rating: GREEN, commentary: "Leaked") { id } }`;
  for (const programme of Object.values(a.programmes))
    expect(codeOf(await t.gql(q, { id: programme.id }, member))).toBe('FORBIDDEN');
  // the confidential risk's id names no programme
  expect(codeOf(await probe.send(q, { id: a.risks.secret.id }, member))).toBe('NOT_FOUND');
});

test('the cases drove every query, and every argument that names a risk or a mitigation, with the confidential one', () => {
  expect(rootFields(schema).filter((f) => f.startsWith('Query.') && !probe.fields.has(f))).toEqual([]);
  const namesRisk = (path: string) => {
    const [, type, field, arg] = /^(\w+)\.(\w+)\((.+)\)$/.exec(path)!;
    const owner = schema.getType(type) as GraphQLObjectType;
    const returns = getNamedType(owner.getFields()[field].type).name;
    return /(^|\.)riskId$/.test(arg) || (arg === 'id' && ['Risk', 'Mitigation'].includes(returns));
  };
  const required = idArguments(schema).filter(namesRisk);
  expect(required.length).toBeGreaterThanOrEqual(8);
  expect(required.filter((p) => !probe.idPaths.has(p))).toEqual([]);
});

test('every other role sees it: the same lists and counts as the ADMIN', async () => {
  const q = `{ risks(first: 500) { totalCount nodes { id } } riskMatrix { total } resolutions { nodes { risks { id } } } }`;
  const admin = dataOf(await t.gql(q, {}, a.tokens.ADMIN));
  for (const role of ['PROGRAMME_MANAGER', 'FINANCE'] as const) expect(dataOf(await t.gql(q, {}, a.tokens[role]))).toEqual(admin);
});

test("the MEMBER's attempts changed nothing: versions, mitigations, links, audit trail", async () => {
  expect(await viewOf(t, a.tokens.ADMIN)).toEqual(adminView);
});
