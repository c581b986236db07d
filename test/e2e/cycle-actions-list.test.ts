import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { Cycle, daysFromToday, LIST, recordAction, scrutinyCycle, UPDATE } from './cycle-actions-helpers';

// Committee actions read back: committeeActions across committees and programmes (order, pages,
// filters, overdue), the relations of programmes, meetings and resolutions, batched; an action
// outlives the resolution it arose from; a confidential risk and another organisation stay hidden.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const texts = (nodes: { text: string }[]) => nodes.map((n) => n.text);
const list = async (org: Org, variables: Record<string, unknown> = {}, token = org.admin) =>
  ok(await t.gql(LIST, variables, token)).committeeActions;

/** Actions of the cycle: dated and undated, at both panel meetings and the Executive's, one DONE. */
async function seedActions(org: Org, c: Cycle) {
  const at = (meetingId: string, text: string, fields: Record<string, unknown> = {}) =>
    recordAction(t, org, { meetingId, text, ...fields });
  const actions = {
    // recorded first, due last of the dated ones
    dashboard: await at(c.panelMeeting, 'Dashboard', {
      resolutionId: c.recommendations.a,
      programmeId: c.programme.id,
      dueDate: daysFromToday(20),
    }),
    impact: await at(c.panelMeeting, 'Impact report', {
      resolutionId: c.recommendations.b,
      programmeId: c.programme.id,
      dueDate: daysFromToday(-10),
      reportToCommitteeId: c.panel.id,
    }),
    group: await at(c.panelMeeting, 'Working group', { programmeId: c.programme.id }),
    response: await at(c.executiveMeeting, 'Executive response', {
      dueDate: daysFromToday(-10),
      reportToCommitteeId: c.panel.id,
    }),
    later: await at(c.laterPanel, 'Later undated', {}),
    ics: await at(c.executiveMeeting, 'ICS briefing', { programmeId: c.other.id, dueDate: daysFromToday(-1) }),
    today: await at(c.laterPanel, 'Due today', { dueDate: daysFromToday(0) }),
  };
  ok(await t.gql(UPDATE, { id: actions.ics.id, v: 1, input: { status: 'DONE', completedOn: daysFromToday(-2) } }, org.admin));
  return actions;
}

test('dueDate (none last), then meeting date, then the order recorded; in pages', async () => {
  const org = await newOrg(t);
  const c = await scrutinyCycle(t, org);
  await seedActions(org, c);
  const order = [
    'Impact report', // due -10, panel meeting 2019-03-12
    'Executive response', // due -10, executive meeting 2019-04-02
    'ICS briefing', // due -1
    'Due today',
    'Dashboard', // due +20
    'Working group', // undated, 2019-03-12
    'Later undated', // undated, 2019-09-10
  ];
  const all = await list(org);
  expect(all.totalCount).toBe(7);
  expect(texts(all.nodes)).toEqual(order);
  expect(all.nodes.map((n: { overdue: boolean }) => n.overdue)).toEqual([true, true, false, false, false, false, false]);
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page: any = await list(org, { first: 2, after });
    expect(page.totalCount).toBe(7);
    seen.push(...texts(page.nodes));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(seen).toEqual(order);
  for (const first of [0, 501]) expect(errorOf(await t.gql(LIST, { first }, org.admin))).toMatchObject({ field: 'first' });
  expect(errorOf(await t.gql(LIST, { after: 'bogus' }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  // another list's cursor
  const resolutions = ok(await t.gql(`{ resolutions(first: 1) { pageInfo { endCursor } } }`, {}, org.admin));
  const foreign = resolutions.resolutions.pageInfo.endCursor;
  expect(errorOf(await t.gql(LIST, { after: foreign }, org.admin))).toMatchObject({ field: 'after' });
  const empty = await list(org, { filter: { status: ['DROPPED'] } });
  expect(empty).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
});

test('filters: committee (given at or reporting to), programme, status, overdue, combined', async () => {
  const org = await newOrg(t);
  const c = await scrutinyCycle(t, org);
  await seedActions(org, c);
  const filtered = async (filter: Record<string, unknown>) => texts((await list(org, { filter })).nodes);
  expect(await filtered({ committeeId: c.executive.id })).toEqual(['Executive response', 'ICS briefing']);
  expect(await filtered({ committeeId: c.panel.id })).toEqual([
    'Impact report',
    'Executive response', // given at the Executive, reporting to the panel
    'Due today',
    'Dashboard',
    'Working group',
    'Later undated',
  ]);
  expect(await filtered({ programmeId: c.programme.id })).toEqual(['Impact report', 'Dashboard', 'Working group']);
  expect(await filtered({ status: ['DONE'] })).toEqual(['ICS briefing']);
  expect(await filtered({ status: ['OPEN', 'DROPPED'], programmeId: c.other.id })).toEqual([]);
  expect(await filtered({ overdue: true })).toEqual(['Impact report', 'Executive response']);
  expect(await filtered({ overdue: false })).toHaveLength(5);
  expect(await filtered({ overdue: true, committeeId: c.executive.id })).toEqual(['Executive response']);
  // unknown, malformed or another organisation's ids match nothing
  const other = await newOrg(t);
  const theirs = await scrutinyCycle(t, other);
  await seedActions(other, theirs);
  for (const filter of [
    { committeeId: theirs.panel.id },
    { programmeId: theirs.programme.id },
    { committeeId: 'not-an-id' },
    { programmeId: '00000000-0000-0000-0000-000000000000' },
  ]) {
    expect(await list(org, { filter })).toMatchObject({ totalCount: 0, nodes: [] });
  }
  // and the other organisation's list holds only its own
  expect((await list(other)).totalCount).toBe(7);
  const foreign = ok(
    await t.gql(`query($id: ID!) { programme(id: $id) { actions { id } } }`, { id: theirs.programme.id }, org.admin),
  );
  expect(foreign.programme).toBeNull();
});

test("programmes', meetings' and resolutions' actions, and actions' relations, batched", async () => {
  const org = await newOrg(t);
  const c = await scrutinyCycle(t, org);
  await seedActions(org, c);
  // one root field a query: separate roots' levels would meet in one statement only by timing
  const QUERIES = [
    `{ programmes { nodes { code actions { text } } } }`,
    `{ committees { name meetings { date actions { text } resolutions { number actions { text } } } } }`,
    `{ committeeActions { nodes { text meeting { date committee { name } } resolution { number text } programme { code }
      reportTo { name } } } }`,
  ];
  const member = await org.user('MEMBER');
  const run = async () => {
    const data: any = {};
    const statements: number[] = [];
    for (const query of QUERIES) {
      // warm: the token's user is looked up (and its last use written) only when not remembered
      await t.gql(query, {}, member);
      const start = t.statements();
      Object.assign(data, ok(await t.gql(query, {}, member)));
      statements.push(t.statements() - start);
    }
    return { data, statements };
  };
  const small = await run();
  const byCode = Object.fromEntries(
    small.data.programmes.nodes.map((p: { code: string; actions: { text: string }[] }) => [p.code, texts(p.actions)]),
  );
  expect(byCode).toEqual({
    [c.programme.code]: ['Impact report', 'Dashboard', 'Working group'],
    [c.other.code]: ['ICS briefing'],
  });
  const panel = small.data.committees.find((x: { name: string }) => x.name === c.panel.name);
  expect(panel.meetings).toEqual([
    { date: '2019-09-10', actions: [{ text: 'Later undated' }, { text: 'Due today' }], resolutions: [] },
    {
      date: '2019-03-12',
      actions: [{ text: 'Dashboard' }, { text: 'Impact report' }, { text: 'Working group' }],
      resolutions: [
        { number: 'a', actions: [{ text: 'Dashboard' }] },
        { number: 'b', actions: [{ text: 'Impact report' }] },
      ],
    },
  ]);
  expect(small.data.committeeActions.nodes[0]).toEqual({
    text: 'Impact report',
    meeting: { date: '2019-03-12', committee: { name: c.panel.name } },
    resolution: { number: 'b', text: 'That the impact be reported to the Panel in six months.' },
    programme: { code: c.programme.code },
    reportTo: { name: c.panel.name },
  });
  // more of everything: the same number of statements
  for (let i = 0; i < 6; i++) {
    const p = await org.programme({ name: `More ${i}` });
    await recordAction(t, org, {
      meetingId: i % 2 ? c.laterPanel : c.executiveMeeting,
      programmeId: p.id,
      text: `More ${i}`,
      reportToCommitteeId: i % 2 ? c.executive.id : c.panel.id,
    });
  }
  await recordAction(t, org, { meetingId: c.panelMeeting, resolutionId: c.recommendations.a, text: 'Second from a' });
  const large = await run();
  expect(large.data.committeeActions.nodes).toHaveLength(14);
  expect(large.statements).toEqual(small.statements);
});

test('an action outlives the resolution it arose from: deleteResolution leaves it, without it, recorded', async () => {
  const org = await newOrg(t);
  const c = await scrutinyCycle(t, org);
  const actions = await seedActions(org, c);
  const deleted = ok(
    await t.gql(
      `mutation($id: ID!) { deleteResolution(id: $id, expectedVersion: 1, reason: "Entered in error") { id entityType } }`,
      { id: c.recommendations.a },
      org.admin,
    ),
  );
  expect(deleted.deleteResolution).toEqual({ id: c.recommendations.a, entityType: 'Resolution' });
  const read = ok(
    await t.gql(
      `query($p: ID!) { programme(id: $p) { actions { text resolution { number } version } } }`,
      { p: c.programme.id },
      org.admin,
    ),
  );
  expect(read.programme.actions).toEqual([
    { text: 'Impact report', resolution: { number: 'b' }, version: 1 },
    { text: 'Dashboard', resolution: null, version: 1 },
    { text: 'Working group', resolution: null, version: 1 },
  ]);
  const events = ok(
    await t.gql(
      `query($a: ID!, $r: ID!) { a: auditTrail(entityId: $a) { nodes { action changes } } r: auditTrail(entityId: $r) { nodes { action changes } } }`,
      { a: actions.dashboard.id, r: c.recommendations.a },
      org.admin,
    ),
  );
  expect({ ...events.a.nodes[0], changes: JSON.parse(events.a.nodes[0].changes) }).toEqual({
    action: 'committeeAction.resolutionDeleted',
    changes: { resolutionId: [c.recommendations.a, null] },
  });
  expect(JSON.parse(events.r.nodes[0].changes)).toMatchObject({ actions: [[actions.dashboard.id], null] });
  // still updatable at its version, and deleting the other resolution works too
  ok(await t.gql(UPDATE, { id: actions.dashboard.id, v: 1, input: { status: 'DROPPED' } }, org.admin));
  ok(
    await t.gql(
      `mutation($id: ID!) { deleteResolution(id: $id, expectedVersion: 1, reason: "Entered in error") { id } }`,
      { id: c.recommendations.b },
      org.admin,
    ),
  );
  expect((await list(org)).totalCount).toBe(7);
});

test('a MEMBER reads every action, but never the confidential risk of the resolution it arose from', async () => {
  const org = await newOrg(t);
  const c = await scrutinyCycle(t, org);
  const risk = ok(
    await t.gql(
      `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`,
      {
        input: {
          programmeId: c.programme.id,
          reference: 'R07',
          title: 'Redundancy costs for named posts',
          category: 'FINANCIAL',
          inherent: { likelihood: 4, impact: 4 },
          confidential: true,
        },
      },
      org.admin,
    ),
  ).createRisk;
  ok(
    await t.gql(
      `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`,
      { id: c.recommendations.a, target: { riskId: risk.id } },
      org.admin,
    ),
  );
  await recordAction(t, org, {
    meetingId: c.panelMeeting,
    resolutionId: c.recommendations.a,
    programmeId: c.programme.id,
    text: 'Closed-session report on posts',
  });
  const QUERY = `query($p: ID!) {
    committeeActions(filter: {programmeId: $p}) { totalCount nodes { text resolution { risks { id } } programme { risks { id } } } }
    programme(id: $p) { actions { resolution { risks { id } } } } }`;
  const member = ok(await t.gql(QUERY, { p: c.programme.id }, await org.user('MEMBER')));
  expect(member.committeeActions).toEqual({
    totalCount: 1,
    nodes: [{ text: 'Closed-session report on posts', resolution: { risks: [] }, programme: { risks: [] } }],
  });
  expect(member.programme.actions).toEqual([{ resolution: { risks: [] } }]);
  const admin = ok(await t.gql(QUERY, { p: c.programme.id }, org.admin));
  expect(admin.committeeActions.nodes[0].resolution.risks).toEqual([{ id: risk.id }]);
});
