import { committee, meeting, record, lastEvent } from '../support/decision-trail';
import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

// Correcting a committee's name or a meeting's date: who may, what follows, what the trail keeps.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const UPDATE_COMMITTEE = `mutation($id: ID!, $name: String!) { updateCommittee(id: $id, name: $name) { id name } }`;
const UPDATE_MEETING = `mutation($id: ID!, $date: Date!) { updateMeeting(id: $id, date: $date) { id date committee { id } } }`;

describe('updateCommittee', () => {
  test('renames, trimmed; ADMIN and PROGRAMME_MANAGER; audited', async () => {
    const org = await newOrg(t);
    const c = await committee(t, org, 'Scrutiny ');
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
    expect(await lastEvent(t, org, c.id)).toMatchObject({
      action: 'committee.updated',
      entityType: 'Committee',
      changes: { name: ['Scrutiny', 'Children and Families Scrutiny Panel'] },
    });
  });

  test('a blank name, then NOT_FOUND, then FORBIDDEN; nothing is written', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const c = await committee(t, org);
    const theirs = await committee(t, other);
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
    const c = await committee(t, org);
    const august = await meeting(t, org, c.id, '2018-08-07');
    const october = await meeting(t, org, c.id, '2018-10-02');
    const typed = await record(t, org, { meetingId: august, agendaItem: 'FAMILY HUBS', text: 'That the model be agreed.' });
    await record(t, org, { meetingId: october, agendaItem: 'BUDGET', text: 'That the budget be noted.' });

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
    expect(await lastEvent(t, org, august)).toMatchObject({
      action: 'meeting.updated',
      changes: { date: ['2018-08-07', '2018-11-06'] },
    });
  });

  test('a malformed date, then NOT_FOUND, then FORBIDDEN', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const mine = await meeting(t, org, (await committee(t, org)).id, '2018-08-07');
    const theirs = await meeting(t, other, (await committee(t, other)).id, '2018-08-07');
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
