import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const FIELDS = `id kind outcome referredTo { name } respondedBy { id text } respondsTo { id text }`;
const RECORD = `mutation($input: ResolutionInput!) { recordResolution(input: $input) { ${FIELDS} } }`;
const RESPOND = `mutation($rec: ID!, $res: ID!, $outcome: RecommendationOutcome!) {
  respondToRecommendation(recommendationId: $rec, responseId: $res, outcome: $outcome) { ${FIELDS} } }`;

async function committee(org: Org, name: string) {
  return ok(await t.gql(`mutation($name: String!) { createCommittee(name: $name) { id } }`, { name }, org.admin)).createCommittee
    .id;
}
async function meeting(org: Org, committeeId: string, date: string) {
  return ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      { input: { committeeId, date } },
      org.admin,
    ),
  ).createMeeting.id;
}
async function record(org: Org, input: Record<string, unknown>) {
  return ok(await t.gql(RECORD, { input: { agendaItem: 'LOCALITY WORKING', ...input } }, org.admin)).recordResolution;
}

/** A scrutiny panel's recommendation to the Executive, and the Executive's meetings before and after. */
async function cycle(org: Org) {
  const panel = await committee(org, 'Locality Working Scrutiny Panel');
  const executive = await committee(org, 'Executive');
  const panelMeeting = await meeting(org, panel, '2020-03-10');
  const before = await meeting(org, executive, '2020-02-04');
  const after = await meeting(org, executive, '2020-07-14');
  const recommendation = await record(org, {
    meetingId: panelMeeting,
    number: 'a',
    text: 'That locality working continue in two localities.',
    kind: 'RECOMMENDATION',
    referredToCommitteeId: executive,
  });
  return { panel, executive, panelMeeting, before, after, recommendation };
}

test('a recommendation goes to a committee and is PENDING; a decision is the default and has no outcome', async () => {
  const org = await newOrg(t);
  const { after, recommendation } = await cycle(org);
  expect(recommendation).toEqual({
    id: recommendation.id,
    kind: 'RECOMMENDATION',
    outcome: 'PENDING',
    referredTo: { name: 'Executive' },
    respondedBy: [],
    respondsTo: [],
  });
  const decision = await record(org, { meetingId: after, text: 'That the recommendations be endorsed.' });
  expect(decision).toMatchObject({ kind: 'DECISION', outcome: null, referredTo: null });
  const noted = await record(org, { meetingId: after, number: '2', text: 'That the report be noted.', kind: 'NOTED' });
  expect(noted).toMatchObject({ kind: 'NOTED', outcome: null });
});

test("only a RECOMMENDATION is referred; another organisation's committee is NOT_FOUND", async () => {
  const org = await newOrg(t);
  const { after, executive } = await cycle(org);
  const wrong = errorOf(
    await t.gql(
      RECORD,
      { input: { meetingId: after, agendaItem: 'X', text: 'That it be done.', referredToCommitteeId: executive } },
      org.admin,
    ),
  );
  expect(wrong).toMatchObject({ code: 'BAD_USER_INPUT', field: 'referredToCommitteeId' });
  const other = await newOrg(t);
  const theirs = await committee(other, 'Executive');
  const hidden = errorOf(
    await t.gql(
      RECORD,
      { input: { meetingId: after, agendaItem: 'X', text: 'That.', kind: 'RECOMMENDATION', referredToCommitteeId: theirs } },
      org.admin,
    ),
  );
  expect(hidden.code).toBe('NOT_FOUND');
});

test('the response links the decision both ways; the last outcome stands and a repeat links nothing new', async () => {
  const org = await newOrg(t);
  const { after, recommendation } = await cycle(org);
  const decision = await record(org, { meetingId: after, text: 'That the recommendations be endorsed.' });
  const first = ok(await t.gql(RESPOND, { rec: recommendation.id, res: decision.id, outcome: 'ACCEPTED' }, org.admin));
  expect(first.respondToRecommendation).toMatchObject({
    outcome: 'ACCEPTED',
    respondedBy: [{ id: decision.id, text: 'That the recommendations be endorsed.' }],
  });
  const pm = await org.user('PROGRAMME_MANAGER');
  const again = ok(await t.gql(RESPOND, { rec: recommendation.id, res: decision.id, outcome: 'PARTLY_ACCEPTED' }, pm));
  expect(again.respondToRecommendation.outcome).toBe('PARTLY_ACCEPTED');
  expect(again.respondToRecommendation.respondedBy).toHaveLength(1);
  const read = ok(await t.gql(`{ resolutions(filter: {kind: [DECISION]}) { nodes { id respondsTo { id } } } }`, {}, org.admin));
  expect(read.resolutions.nodes).toEqual([{ id: decision.id, respondsTo: [{ id: recommendation.id }] }]);
  const trail = ok(
    await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { nodes { action } } }`, { id: recommendation.id }, org.admin),
  );
  expect(trail.auditTrail.nodes.map((e: { action: string }) => e.action)).toEqual([
    'resolution.responded',
    'resolution.responded',
    'resolution.recorded',
  ]);
});

test("responseId must be a DECISION of a meeting on or after the recommendation's; recommendationId a RECOMMENDATION", async () => {
  const org = await newOrg(t);
  const { before, after, recommendation } = await cycle(org);
  const early = await record(org, { meetingId: before, text: 'That the budget be set.' });
  const noted = await record(org, { meetingId: after, text: 'That the report be noted.', kind: 'NOTED' });
  const decision = await record(org, { meetingId: after, number: '2', text: 'That the recommendations be endorsed.' });
  for (const res of [early.id, noted.id]) {
    expect(errorOf(await t.gql(RESPOND, { rec: recommendation.id, res, outcome: 'ACCEPTED' }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'responseId',
    });
  }
  expect(errorOf(await t.gql(RESPOND, { rec: decision.id, res: decision.id, outcome: 'ACCEPTED' }, org.admin))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'recommendationId',
  });
  for (const role of ['FINANCE', 'MEMBER'] as const) {
    const token = await org.user(role);
    expect(errorOf(await t.gql(RESPOND, { rec: recommendation.id, res: decision.id, outcome: 'ACCEPTED' }, token)).code).toBe(
      'FORBIDDEN',
    );
  }
  const other = await newOrg(t);
  expect(errorOf(await t.gql(RESPOND, { rec: recommendation.id, res: decision.id, outcome: 'ACCEPTED' }, other.admin)).code).toBe(
    'NOT_FOUND',
  );
  const read = ok(await t.gql(`{ resolutions(filter: {outcome: [PENDING]}) { totalCount } }`, {}, org.admin));
  expect(read.resolutions.totalCount).toBe(1); // nothing of the refused responses was written
});

test('"which recommendations are still waiting for the Executive" is one query, its relations batched', async () => {
  const org = await newOrg(t);
  const { panelMeeting, executive, after, recommendation } = await cycle(org);
  const decision = await record(org, { meetingId: after, text: 'That the recommendations be endorsed.' });
  ok(await t.gql(RESPOND, { rec: recommendation.id, res: decision.id, outcome: 'REJECTED' }, org.admin));
  const QUERY = `{ resolutions(filter: {kind: [RECOMMENDATION], outcome: [PENDING]}) {
    totalCount nodes { number outcome referredTo { name } respondedBy { id } respondsTo { id } } } }`;
  const member = await org.user('MEMBER');
  const countFor = async () => {
    // warm: the token's user is looked up (and its last use written) only when not remembered
    await t.gql(QUERY, {}, member);
    const start = t.statements();
    const data = ok(await t.gql(QUERY, {}, member));
    return { data, statements: t.statements() - start };
  };
  const add = (number: string) =>
    record(org, {
      meetingId: panelMeeting,
      number,
      text: `That ${number} be done.`,
      kind: 'RECOMMENDATION',
      referredToCommitteeId: executive,
    });
  await add('b');
  const small = await countFor();
  expect(small.data.resolutions).toEqual({
    totalCount: 1,
    nodes: [{ number: 'b', outcome: 'PENDING', referredTo: { name: 'Executive' }, respondedBy: [], respondsTo: [] }],
  });
  for (const n of ['c', 'd', 'e', 'f']) await add(n);
  const large = await countFor();
  expect(large.data.resolutions.totalCount).toBe(5);
  expect(large.statements).toBe(small.statements);
  const rejected = ok(await t.gql(`{ resolutions(filter: {outcome: [REJECTED, ACCEPTED]}) { nodes { id } } }`, {}, org.admin));
  expect(rejected.resolutions.nodes).toEqual([{ id: recommendation.id }]);
});
