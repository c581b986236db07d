import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const UPDATE_COMMITTEE = `mutation($id: ID!, $name: String!) { updateCommittee(id: $id, name: $name) { id name } }`;
const UPDATE_MEETING = `mutation($id: ID!, $date: Date!) { updateMeeting(id: $id, date: $date) { id date committee { id } } }`;
const RESOLUTION_FIELDS = 'id agendaItem number text kind outcome version meeting { date }';
const UPDATE_RESOLUTION = `mutation($id: ID!, $v: Int!, $input: UpdateResolutionInput!) {
  updateResolution(id: $id, expectedVersion: $v, input: $input) { ${RESOLUTION_FIELDS} } }`;
const DELETE_RESOLUTION = `mutation($id: ID!, $v: Int!, $reason: String!) {
  deleteResolution(id: $id, expectedVersion: $v, reason: $reason) { id entityType reason } }`;
const AUDIT = `query($id: ID) { auditTrail(entityId: $id) { nodes { action entityType entityId changes } } }`;
const RECORD = `mutation($input: ResolutionInput!) { recordResolution(input: $input) { ${RESOLUTION_FIELDS} } }`;

async function committee(org: Org, name = 'Executive') {
  return ok(await t.gql(`mutation($name: String!) { createCommittee(name: $name) { id name } }`, { name }, org.admin))
    .createCommittee as { id: string; name: string };
}

async function meeting(org: Org, committeeId: string, date: string) {
  return ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      { input: { committeeId, date } },
      org.admin,
    ),
  ).createMeeting.id as string;
}

async function record(org: Org, input: Record<string, unknown>) {
  return ok(await t.gql(RECORD, { input }, org.admin)).recordResolution;
}

const lastEvent = async (org: Org, id: string) => {
  const [event] = ok(await t.gql(AUDIT, { id }, org.admin)).auditTrail.nodes;
  return { ...event, changes: JSON.parse(event.changes) };
};

describe('updateCommittee', () => {
  test('renames, trimmed; ADMIN and PROGRAMME_MANAGER; audited', async () => {
    const org = await newOrg(t);
    const c = await committee(org, 'Scrutiny ');
    const pm = await org.user('PROGRAMME_MANAGER');
    expect(
      ok(await t.gql(UPDATE_COMMITTEE, { id: c.id, name: '  Children and Families Scrutiny Panel ' }, pm)).updateCommittee,
    ).toEqual({
      id: c.id,
      name: 'Children and Families Scrutiny Panel',
    });
    expect(ok(await t.gql(`{ committees { name } }`, {}, org.admin)).committees).toEqual([
      { name: 'Children and Families Scrutiny Panel' },
    ]);
    expect(await lastEvent(org, c.id)).toMatchObject({
      action: 'committee.updated',
      entityType: 'Committee',
      changes: { name: ['Scrutiny', 'Children and Families Scrutiny Panel'] },
    });
  });

  test('a blank name, then NOT_FOUND, then FORBIDDEN; nothing is written', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const c = await committee(org);
    const theirs = await committee(other);
    const member = await org.user('MEMBER');
    expect(errorOf(await t.gql(UPDATE_COMMITTEE, { id: theirs.id, name: ' ' }, member))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
    });
    expect(errorOf(await t.gql(UPDATE_COMMITTEE, { id: 'x'.repeat(201), name: 'x'.repeat(201) }, org.admin)).field).toBe('name');
    expect(errorOf(await t.gql(UPDATE_COMMITTEE, { id: theirs.id, name: 'Mine' }, org.admin)).code).toBe('NOT_FOUND');
    for (const role of ['FINANCE', 'MEMBER'] as const)
      expect(errorOf(await t.gql(UPDATE_COMMITTEE, { id: c.id, name: 'Mine' }, await org.user(role))).code).toBe('FORBIDDEN');
    expect(ok(await t.gql(`{ committees { name } }`, {}, other.admin)).committees).toEqual([{ name: 'Executive' }]);
    expect(ok(await t.gql(`{ committees { name } }`, {}, org.admin)).committees).toEqual([{ name: 'Executive' }]);
  });
});

describe('updateMeeting', () => {
  test('moves the meeting and its resolutions: their date, the list order and the date filters follow; versions stay', async () => {
    const org = await newOrg(t);
    const c = await committee(org);
    const august = await meeting(org, c.id, '2018-08-07');
    const october = await meeting(org, c.id, '2018-10-02');
    const typed = await record(org, { meetingId: august, agendaItem: 'FAMILY HUBS', text: 'That the model be agreed.' });
    await record(org, { meetingId: october, agendaItem: 'BUDGET', text: 'That the budget be noted.' });

    const moved = ok(await t.gql(UPDATE_MEETING, { id: august, date: '2018-11-06' }, org.admin)).updateMeeting;
    expect(moved).toEqual({ id: august, date: '2018-11-06', committee: { id: c.id } });
    const LIST = `query($filter: ResolutionFilter) { resolutions(filter: $filter) { totalCount nodes { id version meeting { id date } } } }`;
    const list = ok(await t.gql(LIST, {}, org.admin)).resolutions;
    expect(list.nodes.map((n: { meeting: { date: string } }) => n.meeting.date)).toEqual(['2018-11-06', '2018-10-02']);
    expect(list.nodes[0]).toEqual({ id: typed.id, version: 1, meeting: { id: august, date: '2018-11-06' } });
    expect(ok(await t.gql(LIST, { filter: { from: '2018-11-01' } }, org.admin)).resolutions.totalCount).toBe(1);
    expect(ok(await t.gql(LIST, { filter: { to: '2018-08-31' } }, org.admin)).resolutions.totalCount).toBe(0);
    const meetings = ok(await t.gql(`{ committees { meetings { date resolutions { meeting { date } } } } }`, {}, org.admin))
      .committees[0].meetings;
    expect(meetings).toEqual([
      { date: '2018-11-06', resolutions: [{ meeting: { date: '2018-11-06' } }] },
      { date: '2018-10-02', resolutions: [{ meeting: { date: '2018-10-02' } }] },
    ]);
    expect(await lastEvent(org, august)).toMatchObject({
      action: 'meeting.updated',
      changes: { date: ['2018-08-07', '2018-11-06'] },
    });
  });

  test('a malformed date, then NOT_FOUND, then FORBIDDEN', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const mine = await meeting(org, (await committee(org)).id, '2018-08-07');
    const theirs = await meeting(other, (await committee(other)).id, '2018-08-07');
    expect(errorOf(await t.gql(UPDATE_MEETING, { id: theirs, date: '2018-02-30' }, await org.user('MEMBER'))).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorOf(await t.gql(UPDATE_MEETING, { id: theirs, date: '2018-09-04' }, org.admin)).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(UPDATE_MEETING, { id: mine, date: '2018-09-04' }, await org.user('FINANCE'))).code).toBe(
      'FORBIDDEN',
    );
    const dates = ok(await t.gql(`{ committees { meetings { date } } }`, {}, other.admin)).committees[0].meetings;
    expect(dates).toEqual([{ date: '2018-08-07' }]);
  });
});

describe('updateResolution', () => {
  test('corrects what was minuted, version by version; a null or blank number clears it; kind and outcome stay', async () => {
    const org = await newOrg(t);
    const c = await committee(org);
    const m = await meeting(org, c.id, '2018-10-02');
    const r = await record(org, {
      meetingId: m,
      agendaItem: 'FAMILY HUBS',
      number: '1',
      text: 'Tht the Executive agree the model.',
      kind: 'RECOMMENDATION',
      referredToCommitteeId: c.id,
    });
    expect(r).toMatchObject({ version: 1, kind: 'RECOMMENDATION', outcome: 'PENDING' });
    const pm = await org.user('PROGRAMME_MANAGER');
    const fixed = ok(
      await t.gql(
        UPDATE_RESOLUTION,
        { id: r.id, v: 1, input: { text: ' That the Executive agree the model. ', number: '2' } },
        pm,
      ),
    ).updateResolution;
    expect(fixed).toEqual({
      ...r,
      text: 'That the Executive agree the model.',
      number: '2',
      version: 2,
    });
    expect(await lastEvent(org, r.id)).toMatchObject({
      action: 'resolution.updated',
      changes: { number: ['1', '2'], text: ['Tht the Executive agree the model.', 'That the Executive agree the model.'] },
    });
    const cleared = ok(
      await t.gql(UPDATE_RESOLUTION, { id: r.id, v: 2, input: { number: null, agendaItem: 'HUBS' } }, org.admin),
    ).updateResolution;
    expect(cleared).toMatchObject({ number: null, agendaItem: 'HUBS', version: 3 });
    expect(
      ok(await t.gql(UPDATE_RESOLUTION, { id: r.id, v: 3, input: { number: ' ' } }, org.admin)).updateResolution,
    ).toMatchObject({
      number: null,
      version: 4,
    });
  });

  test('malformed input, then NOT_FOUND, then FORBIDDEN, then a stale version; nothing is written', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const r = await record(org, {
      meetingId: await meeting(org, (await committee(org)).id, '2018-10-02'),
      agendaItem: 'A',
      text: 'T',
    });
    const theirs = await record(other, {
      meetingId: await meeting(other, (await committee(other)).id, '2018-10-02'),
      agendaItem: 'A',
      text: 'T',
    });
    const member = await org.user('MEMBER');
    for (const [input, field] of [
      [{ agendaItem: null }, 'agendaItem'],
      [{ text: '' }, 'text'],
      [{ number: 'x'.repeat(21) }, 'number'],
    ] as const)
      expect(errorOf(await t.gql(UPDATE_RESOLUTION, { id: theirs.id, v: 9, input }, member))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    expect(errorOf(await t.gql(UPDATE_RESOLUTION, { id: theirs.id, v: 1, input: { text: 'Mine' } }, org.admin)).code).toBe(
      'NOT_FOUND',
    );
    expect(errorOf(await t.gql(UPDATE_RESOLUTION, { id: r.id, v: 9, input: { text: 'Mine' } }, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(UPDATE_RESOLUTION, { id: r.id, v: 9, input: { text: 'Mine' } }, org.admin)).code).toBe('CONFLICT');
    const [read] = ok(await t.gql(`{ resolutions { nodes { text version } } }`, {}, org.admin)).resolutions.nodes;
    expect(read).toEqual({ text: 'T', version: 1 });
  });

  test('of concurrent corrections from one version, exactly one wins', async () => {
    const org = await newOrg(t);
    const r = await record(org, {
      meetingId: await meeting(org, (await committee(org)).id, '2018-10-02'),
      agendaItem: 'A',
      text: 'T',
    });
    const answers = await Promise.all(
      ['One', 'Two', 'Three'].map((text) => t.gql(UPDATE_RESOLUTION, { id: r.id, v: 1, input: { text } }, org.admin)),
    );
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    for (const a of answers.filter((a) => a.errors)) expect(errorOf(a).code).toBe('CONFLICT');
    const [read] = ok(await t.gql(`{ resolutions { nodes { version } } }`, {}, org.admin)).resolutions.nodes;
    expect(read.version).toBe(2);
  });
});

describe('deleteResolution', () => {
  test('a resolution entered in error goes with its links and responses; the trail keeps its last state and the reason', async () => {
    const org = await newOrg(t);
    const panel = await committee(org, 'Scrutiny Panel');
    const exec = await committee(org, 'Executive');
    const p = await org.programme({ code: 'FH-2018' });
    const line = ok(
      await t.gql(
        `mutation($p: ID!) { createSavingsLine(input: {programmeId: $p, description: "Staffing", category: STAFFING,
          financialYear: "2018/19", planned: "1000"}) { id } }`,
        { p: p.id },
        org.admin,
      ),
    ).createSavingsLine;
    const recommendation = await record(org, {
      meetingId: await meeting(org, panel.id, '2018-09-04'),
      agendaItem: 'FAMILY HUBS',
      text: 'That the Executive adopt the model.',
      kind: 'RECOMMENDATION',
      referredToCommitteeId: exec.id,
    });
    const execMeeting = await meeting(org, exec.id, '2018-10-02');
    const typo = await record(org, { meetingId: execMeeting, agendaItem: 'FAMILY HUBS', number: '1', text: 'Typed in error.' });
    const kept = await record(org, {
      meetingId: execMeeting,
      agendaItem: 'FAMILY HUBS',
      number: '2',
      text: 'That the model be adopted.',
    });
    const link = (id: string, target: object) =>
      t
        .gql(
          `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`,
          { id, target },
          org.admin,
        )
        .then(ok);
    await link(typo.id, { programmeId: p.id });
    await link(typo.id, { savingsLineId: line.id });
    await link(kept.id, { programmeId: p.id });
    const respond = (responseId: string, outcome: string) =>
      t
        .gql(
          `mutation($rec: ID!, $res: ID!, $o: RecommendationOutcome!) { respondToRecommendation(recommendationId: $rec, responseId: $res, outcome: $o) { id } }`,
          { rec: recommendation.id, res: responseId, o: outcome },
          org.admin,
        )
        .then(ok);
    await respond(typo.id, 'ACCEPTED');

    const pm = await org.user('PROGRAMME_MANAGER', [p.id]);
    const deletion = ok(await t.gql(DELETE_RESOLUTION, { id: typo.id, v: 1, reason: 'Not in the minutes' }, pm)).deleteResolution;
    expect(deletion).toEqual({ id: typo.id, entityType: 'Resolution', reason: 'Not in the minutes' });

    const read = ok(
      await t.gql(
        `query($p: ID!) {
          resolutions(filter: { programmeId: $p }) { totalCount nodes { id } }
          all: resolutions { totalCount }
          programme(id: $p) { resolutions { id } savingsLines { resolutions { id } } }
          committees { name meetings { resolutions { id respondsTo { id } respondedBy { id } outcome } } }
        }`,
        { p: p.id },
        org.admin,
      ),
    );
    expect(read.resolutions).toEqual({ totalCount: 1, nodes: [{ id: kept.id }] });
    expect(read.all.totalCount).toBe(2);
    expect(read.programme).toEqual({ resolutions: [{ id: kept.id }], savingsLines: [{ resolutions: [] }] });
    expect(read.committees).toEqual([
      { name: 'Executive', meetings: [{ resolutions: [{ id: kept.id, respondsTo: [], respondedBy: [], outcome: null }] }] },
      {
        name: 'Scrutiny Panel',
        meetings: [{ resolutions: [{ id: recommendation.id, respondsTo: [], respondedBy: [], outcome: 'PENDING' }] }],
      },
    ]);

    const event = await lastEvent(org, typo.id);
    expect(event).toMatchObject({ action: 'resolution.deleted', entityType: 'Resolution' });
    expect(event.changes).toEqual({
      meetingId: [execMeeting, null],
      meetingDate: ['2018-10-02', null],
      committeeId: [exec.id, null],
      agendaItem: ['FAMILY HUBS', null],
      number: ['1', null],
      text: ['Typed in error.', null],
      numberKey: ['000000000000000001', null],
      kind: ['DECISION', null],
      referredToId: [null, null],
      outcome: [null, null],
      version: [1, null],
      programmeIds: [[p.id], null],
      riskIds: [[], null],
      milestoneIds: [[], null],
      savingsLineIds: [[line.id], null],
      issueIds: [[], null],
      respondedBy: [[], null],
      respondsTo: [[recommendation.id], null],
      actions: [[], null],
      reason: [null, 'Not in the minutes'],
    });
    expect(await lastEvent(org, recommendation.id)).toMatchObject({
      action: 'resolution.responseDeleted',
      changes: { respondedBy: [typo.id, null], outcome: ['ACCEPTED', 'PENDING'] },
    });
    // the number is free again
    expect(
      await record(org, { meetingId: execMeeting, agendaItem: 'FAMILY HUBS', number: '1', text: 'That it be noted.' }),
    ).toMatchObject({
      number: '1',
    });
  });

  test('a recommendation that still has a response keeps its outcome; deleting a recommendation takes its responses', async () => {
    const org = await newOrg(t);
    const panel = await committee(org, 'Scrutiny Panel');
    const exec = await committee(org, 'Executive');
    const rec = await record(org, {
      meetingId: await meeting(org, panel.id, '2018-09-04'),
      agendaItem: 'HUBS',
      text: 'That the Executive adopt the model.',
      kind: 'RECOMMENDATION',
    });
    const execMeeting = await meeting(org, exec.id, '2018-10-02');
    const [first, second] = [
      await record(org, { meetingId: execMeeting, agendaItem: 'HUBS', number: '1', text: 'That it be adopted in part.' }),
      await record(org, { meetingId: execMeeting, agendaItem: 'HUBS', number: '2', text: 'That it be adopted.' }),
    ];
    const RESPOND = `mutation($rec: ID!, $res: ID!, $o: RecommendationOutcome!) {
      respondToRecommendation(recommendationId: $rec, responseId: $res, outcome: $o) { id outcome respondedBy { id } } }`;
    ok(await t.gql(RESPOND, { rec: rec.id, res: first.id, o: 'PARTLY_ACCEPTED' }, org.admin));
    ok(await t.gql(RESPOND, { rec: rec.id, res: second.id, o: 'ACCEPTED' }, org.admin));
    ok(await t.gql(DELETE_RESOLUTION, { id: first.id, v: 1, reason: 'Duplicate' }, org.admin));
    const RECS = `{ resolutions(filter: { kind: [RECOMMENDATION] }) { nodes { id outcome respondedBy { id } } } }`;
    expect(ok(await t.gql(RECS, {}, org.admin)).resolutions.nodes).toEqual([
      { id: rec.id, outcome: 'ACCEPTED', respondedBy: [{ id: second.id }] },
    ]);
    expect((await lastEvent(org, rec.id)).changes).toEqual({ respondedBy: [first.id, null] });

    ok(await t.gql(DELETE_RESOLUTION, { id: rec.id, v: 1, reason: 'Not a recommendation' }, org.admin));
    const DECISIONS = `{ resolutions { nodes { id respondsTo { id } } } }`;
    expect(ok(await t.gql(DECISIONS, {}, org.admin)).resolutions.nodes).toEqual([{ id: second.id, respondsTo: [] }]);
    expect((await lastEvent(org, rec.id)).changes).toMatchObject({ respondedBy: [[second.id], null], respondsTo: [[], null] });
  });

  test('a blank reason, then NOT_FOUND, then FORBIDDEN, then a stale version; nothing is deleted', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const r = await record(org, {
      meetingId: await meeting(org, (await committee(org)).id, '2018-10-02'),
      agendaItem: 'A',
      text: 'T',
    });
    const theirs = await record(other, {
      meetingId: await meeting(other, (await committee(other)).id, '2018-10-02'),
      agendaItem: 'A',
      text: 'T',
    });
    const member = await org.user('MEMBER');
    expect(errorOf(await t.gql(DELETE_RESOLUTION, { id: theirs.id, v: 9, reason: ' ' }, member))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(errorOf(await t.gql(DELETE_RESOLUTION, { id: theirs.id, v: 1, reason: 'Mine' }, org.admin)).code).toBe('NOT_FOUND');
    for (const role of ['FINANCE', 'MEMBER'] as const)
      expect(errorOf(await t.gql(DELETE_RESOLUTION, { id: r.id, v: 9, reason: 'No' }, await org.user(role))).code).toBe(
        'FORBIDDEN',
      );
    expect(errorOf(await t.gql(DELETE_RESOLUTION, { id: r.id, v: 2, reason: 'Stale' }, org.admin)).code).toBe('CONFLICT');
    ok(await t.gql(UPDATE_RESOLUTION, { id: r.id, v: 1, input: { text: 'T2' } }, org.admin));
    expect(errorOf(await t.gql(DELETE_RESOLUTION, { id: r.id, v: 1, reason: 'Stale' }, org.admin)).code).toBe('CONFLICT');
    expect(ok(await t.gql(`{ resolutions { totalCount } }`, {}, org.admin)).resolutions.totalCount).toBe(1);
    expect(ok(await t.gql(`{ resolutions { totalCount } }`, {}, other.admin)).resolutions.totalCount).toBe(1);
    expect(
      ok(await t.gql(DELETE_RESOLUTION, { id: r.id, v: 2, reason: 'Entered in error' }, org.admin)).deleteResolution.id,
    ).toBe(r.id);
  });
});

test('links made while their resolution is deleted go before it, or find it gone (NOT_FOUND); never a database error', async () => {
  const org = await newOrg(t);
  const r = await record(org, {
    meetingId: await meeting(org, (await committee(org)).id, '2018-10-02'),
    agendaItem: 'A',
    text: 'T',
  });
  const programmes = await Promise.all(Array.from({ length: 8 }, () => org.programme()));
  const answers = await Promise.all([
    ...programmes.map((p) =>
      t.gql(
        `mutation($id: ID!, $p: ID!) { linkResolution(resolutionId: $id, target: { programmeId: $p }) { id } }`,
        { id: r.id, p: p.id },
        org.admin,
      ),
    ),
    t.gql(DELETE_RESOLUTION, { id: r.id, v: 1, reason: 'Entered in error' }, org.admin),
  ]);
  expect(answers[8].errors).toBeUndefined();
  for (const a of answers.slice(0, 8)) if (a.errors) expect(errorOf(a).code).toBe('NOT_FOUND');
  const read = ok(await t.gql(`{ programmes { nodes { resolutions { id } } } }`, {}, org.admin)).programmes.nodes;
  expect(read).toEqual(programmes.map(() => ({ resolutions: [] })));
});
