import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { Cycle, daysFromToday, LIST, RECORD, recordAction, scrutinyCycle, UPDATE } from './cycle-actions-helpers';

// Committee actions, recorded and updated: who may, in the contract's order of errors, versioned
// and audited; nothing of a refused write is written.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

async function setUp(): Promise<{ org: Org; c: Cycle }> {
  const org = await newOrg(t);
  return { org, c: await scrutinyCycle(t, org) };
}
const countOf = async (org: Org) => ok(await t.gql(LIST, {}, org.admin)).committeeActions.totalCount;
const trail = async (org: Org, id: string) =>
  ok(
    await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { nodes { action entityType changes } } }`, { id }, org.admin),
  ).auditTrail.nodes.map((e: { action: string; entityType: string; changes: string }) => ({
    ...e,
    changes: JSON.parse(e.changes),
  }));

test('an undertaking at the panel, from its recommendation, about a programme, reporting to the Executive', async () => {
  const { org, c } = await setUp();
  const due = daysFromToday(30);
  const action = await recordAction(t, org, {
    meetingId: c.panelMeeting,
    resolutionId: c.recommendations.a,
    programmeId: c.programme.id,
    text: '  Dashboard of hub use to be circulated to Members.  ',
    owner: 'Head of Early Help',
    dueDate: due,
    reportToCommitteeId: c.executive.id,
  });
  expect(action).toEqual({
    id: expect.any(String),
    text: 'Dashboard of hub use to be circulated to Members.',
    owner: 'Head of Early Help',
    dueDate: due,
    status: 'OPEN',
    completedOn: null,
    overdue: false,
    version: 1,
    meeting: { id: c.panelMeeting, date: '2019-03-12', committee: { name: 'Children and Families Scrutiny Panel' } },
    resolution: { id: c.recommendations.a, number: 'a' },
    programme: { code: c.programme.code },
    reportTo: { name: 'Executive' },
  });
  // the bare minimum: a meeting and a text
  const bare = await recordAction(t, org, { meetingId: c.panelMeeting, text: 'Working group to be suggested.', owner: '  ' });
  expect(bare).toMatchObject({ owner: null, dueDate: null, resolution: null, programme: null, reportTo: null, overdue: false });
  expect(await trail(org, action.id)).toEqual([
    {
      action: 'committeeAction.recorded',
      entityType: 'CommitteeAction',
      changes: {
        meetingId: [null, c.panelMeeting],
        resolutionId: [null, c.recommendations.a],
        programmeId: [null, c.programme.id],
        text: [null, 'Dashboard of hub use to be circulated to Members.'],
        owner: [null, 'Head of Early Help'],
        dueDate: [null, due],
        reportToCommitteeId: [null, c.executive.id],
        status: [null, 'OPEN'],
      },
    },
  ]);
});

test("errors in the contract's order: malformed, NOT_FOUND, FORBIDDEN, business rule; nothing written", async () => {
  const { org, c } = await setUp();
  const other = await newOrg(t);
  const theirs = await scrutinyCycle(t, other);
  const member = await org.user('MEMBER');
  const finance = await org.user('FINANCE');
  const input = (fields: Record<string, unknown>) => ({ input: { meetingId: c.panelMeeting, text: 'Report back.', ...fields } });
  const cases: [Record<string, unknown>, string, string | undefined, string?][] = [
    // malformed values first, even against an unknown meeting or as a MEMBER
    [{ text: '   ', meetingId: theirs.panelMeeting }, 'BAD_USER_INPUT', 'text', member],
    [{ text: 'x'.repeat(2001) }, 'BAD_USER_INPUT', 'text'],
    [{ owner: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'owner'],
    // then what the caller cannot see: another organisation's meeting, resolution, programme, committee
    [{ meetingId: theirs.panelMeeting }, 'NOT_FOUND', undefined, member],
    [{ meetingId: 'not-an-id' }, 'NOT_FOUND', undefined],
    [{ resolutionId: theirs.recommendations.a }, 'NOT_FOUND', undefined],
    [{ programmeId: theirs.programme.id }, 'NOT_FOUND', undefined, finance],
    [{ reportToCommitteeId: theirs.executive.id }, 'NOT_FOUND', undefined],
    // then the role and programme scope
    [{}, 'FORBIDDEN', undefined, member],
    [{ programmeId: c.programme.id }, 'FORBIDDEN', undefined, finance],
    [{ programmeId: c.other.id }, 'FORBIDDEN', undefined, c.pm],
    [{ programmeId: c.other.id, resolutionId: c.recommendations.a, meetingId: c.executiveMeeting }, 'FORBIDDEN', undefined, c.pm],
    // then the rule: the resolution is of that meeting
    [{ resolutionId: c.recommendations.a, meetingId: c.executiveMeeting }, 'BAD_USER_INPUT', 'resolutionId'],
  ];
  for (const [fields, code, field, token] of cases) {
    const error = errorOf(await t.gql(RECORD, input(fields), token ?? org.admin));
    expect({ fields, code: error.code, field: error.field }).toEqual({ fields, code, field });
  }
  const badDate = errorOf(await t.gql(RECORD, input({ dueDate: '2019-02-30' }), org.admin));
  expect(badDate.code).toBe('BAD_USER_INPUT');
  expect(await countOf(org)).toBe(0);
  expect(await countOf(other)).toBe(0);
});

test('a PROGRAMME_MANAGER records and updates actions of its programmes, or about no programme', async () => {
  const { org, c } = await setUp();
  const own = await recordAction(t, org, { meetingId: c.panelMeeting, programmeId: c.programme.id, text: 'Dashboard.' }, c.pm);
  const none = await recordAction(t, org, { meetingId: c.panelMeeting, text: 'Working group.' }, c.pm);
  const otherProgramme = await recordAction(t, org, { meetingId: c.panelMeeting, programmeId: c.other.id, text: 'ICS.' });
  for (const action of [own, none]) {
    const updated = ok(await t.gql(UPDATE, { id: action.id, v: 1, input: { owner: 'Head of Service' } }, c.pm));
    expect(updated.updateCommitteeAction).toMatchObject({ owner: 'Head of Service', version: 2 });
  }
  expect(errorOf(await t.gql(UPDATE, { id: otherProgramme.id, v: 1, input: { owner: 'X' } }, c.pm)).code).toBe('FORBIDDEN');
  for (const role of ['FINANCE', 'MEMBER'] as const) {
    const token = await org.user(role);
    expect(errorOf(await t.gql(UPDATE, { id: none.id, v: 2, input: { owner: 'X' } }, token)).code).toBe('FORBIDDEN');
  }
  const outsider = await newOrg(t);
  // another organisation's action is NOT_FOUND, never FORBIDDEN
  expect(errorOf(await t.gql(UPDATE, { id: own.id, v: 1, input: { owner: 'X' } }, outsider.admin)).code).toBe('NOT_FOUND');
  expect(errorOf(await t.gql(UPDATE, { id: 'nope', v: 1, input: { owner: 'X' } }, org.admin)).code).toBe('NOT_FOUND');
});

test('updates are versioned and audited; DONE needs completedOn, given or already set', async () => {
  const { org, c } = await setUp();
  const action = await recordAction(t, org, {
    meetingId: c.panelMeeting,
    programmeId: c.programme.id,
    text: 'Impact to be reported to the Panel.',
    dueDate: '2019-09-10',
    reportToCommitteeId: c.panel.id,
  });
  expect(action.overdue).toBe(true);
  const update = async (v: number, input: Record<string, unknown>) => t.gql(UPDATE, { id: action.id, v, input }, org.admin);

  // malformed values, then the rule, then the version
  expect(errorOf(await update(1, { text: null }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  expect(errorOf(await update(1, { text: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  expect(errorOf(await update(1, { status: null }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
  expect(errorOf(await update(1, { status: 'DONE' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'completedOn' });
  expect(errorOf(await update(7, { status: 'DONE' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'completedOn' });
  expect(errorOf(await update(7, { owner: 'Director' })).code).toBe('CONFLICT');

  // completedOn may be noted first; DONE then takes it
  const noted = ok(await update(1, { completedOn: '2019-09-09', owner: 'Head of Early Help' })).updateCommitteeAction;
  expect(noted).toMatchObject({ status: 'OPEN', completedOn: '2019-09-09', overdue: true, version: 2 });
  const done = ok(await update(2, { status: 'DONE' })).updateCommitteeAction;
  expect(done).toMatchObject({ status: 'DONE', completedOn: '2019-09-09', overdue: false, version: 3 });
  expect(errorOf(await update(3, { completedOn: null }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'completedOn' });
  expect(errorOf(await update(2, { text: 'Stale.' })).code).toBe('CONFLICT');

  const dropped = ok(await update(3, { status: 'DROPPED', completedOn: null, dueDate: null })).updateCommitteeAction;
  expect(dropped).toMatchObject({ status: 'DROPPED', completedOn: null, dueDate: null, overdue: false, version: 4 });
  // the meeting, resolution, programme and reportTo stay as recorded
  expect(dropped).toMatchObject({
    meeting: { id: c.panelMeeting },
    programme: { code: c.programme.code },
    reportTo: { name: c.panel.name },
  });

  const events = await trail(org, action.id);
  expect(events.map((e: { action: string }) => e.action)).toEqual([
    'committeeAction.updated',
    'committeeAction.updated',
    'committeeAction.updated',
    'committeeAction.recorded',
  ]);
  expect(events[0].changes).toEqual({
    dueDate: ['2019-09-10', null],
    status: ['DONE', 'DROPPED'],
    completedOn: ['2019-09-09', null],
  });
  expect(events[2].changes).toEqual({ owner: [null, 'Head of Early Help'], completedOn: [null, '2019-09-09'] });
});

test('of concurrent updates at one version exactly one wins', async () => {
  const { org, c } = await setUp();
  const action = await recordAction(t, org, { meetingId: c.panelMeeting, text: 'Dashboard.' });
  const results = await Promise.all(
    ['A', 'B', 'C', 'D'].map((owner) => t.gql(UPDATE, { id: action.id, v: 1, input: { owner } }, org.admin)),
  );
  const winners = results.filter((r) => !r.errors);
  expect(winners).toHaveLength(1);
  for (const r of results.filter((r) => r.errors)) expect(errorOf(r).code).toBe('CONFLICT');
  const read = ok(await t.gql(`{ committeeActions { nodes { owner version } } }`, {}, org.admin)).committeeActions.nodes;
  expect(read).toEqual([{ owner: winners[0].data.updateCommitteeAction.owner, version: 2 }]);
});

test('an action recorded while its resolution is deleted finds it gone (NOT_FOUND) or outlives it, never a foreign-key error', async () => {
  const { org, c } = await setUp();
  for (let i = 0; i < 5; i++) {
    const { recordResolution: resolution } = ok(
      await t.gql(
        `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`,
        { input: { meetingId: c.panelMeeting, agendaItem: `ITEM ${i}`, text: 'That it be done.' } },
        org.admin,
      ),
    );
    const [recorded, deleted] = await Promise.all([
      t.gql(RECORD, { input: { meetingId: c.panelMeeting, resolutionId: resolution.id, text: `Race ${i}` } }, org.admin),
      t.gql(
        `mutation($id: ID!) { deleteResolution(id: $id, expectedVersion: 1, reason: "Entered in error") { id } }`,
        { id: resolution.id },
        org.admin,
      ),
    ]);
    expect(deleted.errors).toBeUndefined();
    if (recorded.errors) expect(errorOf(recorded).code).toBe('NOT_FOUND');
    else {
      const read = ok(await t.gql(`{ committeeActions { nodes { text resolution { id } } } }`, {}, org.admin));
      expect(read.committeeActions.nodes).toContainEqual({ text: `Race ${i}`, resolution: null });
    }
  }
});
