import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE_COMMITTEE = `mutation($name: String!) { createCommittee(name: $name) { id name } }`;
const UPDATE_COMMITTEE = `mutation($id: ID!, $name: String!) { updateCommittee(id: $id, name: $name) { id name } }`;
const CREATE_MEETING = `mutation($c: ID!, $date: Date!) { createMeeting(input: { committeeId: $c, date: $date }) { id date } }`;
const UPDATE_MEETING = `mutation($id: ID!, $date: Date!) { updateMeeting(id: $id, date: $date) { id date } }`;
const RECORD = `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id number version } }`;
const UPDATE_RESOLUTION = `mutation($id: ID!, $v: Int!, $input: UpdateResolutionInput!) {
  updateResolution(id: $id, expectedVersion: $v, input: $input) { id agendaItem number version } }`;

const committee = async (org: Org, name: string) => ok(await t.gql(CREATE_COMMITTEE, { name }, org.admin)).createCommittee;
const meeting = async (org: Org, c: string, date: string) =>
  ok(await t.gql(CREATE_MEETING, { c, date }, org.admin)).createMeeting;
const names = async (org: Org) =>
  ok(await t.gql(`{ committees { name } }`, {}, org.admin)).committees.map((c: { name: string }) => c.name);

describe('a committee name is unique within the organisation, ignoring case and surrounding spaces', () => {
  test('createCommittee: stored trimmed; another with that name is CONFLICT (field name), after FORBIDDEN', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    expect(await committee(org, ' Scrutiny ')).toMatchObject({ name: 'Scrutiny' });
    for (const name of ['Scrutiny', 'scrutiny ', '\tSCRUTINY'])
      expect(errorOf(await t.gql(CREATE_COMMITTEE, { name }, org.admin))).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(errorOf(await t.gql(CREATE_COMMITTEE, { name: 'Scrutiny' }, await org.user('MEMBER'))).code).toBe('FORBIDDEN');
    // another organisation's names are no concern of this one's
    expect(await committee(other, 'Scrutiny')).toMatchObject({ name: 'Scrutiny' });
    expect(await names(org)).toEqual(['Scrutiny']);
  });

  test('updateCommittee: a name taken by another is CONFLICT; its own name in another case is not', async () => {
    const org = await newOrg(t);
    await committee(org, 'Executive');
    const panel = await committee(org, 'Scrutiny Panel');
    expect(errorOf(await t.gql(UPDATE_COMMITTEE, { id: panel.id, name: ' EXECUTIVE ' }, org.admin))).toMatchObject({
      code: 'CONFLICT',
      field: 'name',
    });
    expect(ok(await t.gql(UPDATE_COMMITTEE, { id: panel.id, name: 'SCRUTINY PANEL' }, org.admin)).updateCommittee.name).toBe(
      'SCRUTINY PANEL',
    );
    expect(await names(org)).toEqual(['Executive', 'SCRUTINY PANEL']);
  });

  test('of concurrent creations of one name, exactly one succeeds; the others are CONFLICT', async () => {
    const org = await newOrg(t);
    const answers = await Promise.all(['Audit', 'audit', ' AUDIT'].map((name) => t.gql(CREATE_COMMITTEE, { name }, org.admin)));
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    for (const a of answers.filter((a) => a.errors)) expect(errorOf(a)).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await names(org)).toHaveLength(1);
  });
});

describe('one meeting per committee and date', () => {
  test('createMeeting and updateMeeting: a taken date is CONFLICT (field date); another committee may meet that day', async () => {
    const org = await newOrg(t);
    const exec = await committee(org, 'Executive');
    const panel = await committee(org, 'Scrutiny Panel');
    const october = await meeting(org, exec.id, '2018-10-02');
    expect(errorOf(await t.gql(CREATE_MEETING, { c: exec.id, date: '2018-10-02' }, org.admin))).toMatchObject({
      code: 'CONFLICT',
      field: 'date',
    });
    expect(errorOf(await t.gql(CREATE_MEETING, { c: exec.id, date: '2018-10-02' }, await org.user('FINANCE'))).code).toBe(
      'FORBIDDEN',
    );
    await meeting(org, panel.id, '2018-10-02');
    const november = await meeting(org, exec.id, '2018-11-06');
    expect(errorOf(await t.gql(UPDATE_MEETING, { id: november.id, date: '2018-10-02' }, org.admin))).toMatchObject({
      code: 'CONFLICT',
      field: 'date',
    });
    expect(ok(await t.gql(UPDATE_MEETING, { id: october.id, date: '2018-10-02' }, org.admin)).updateMeeting.date).toBe(
      '2018-10-02',
    );
    expect(ok(await t.gql(UPDATE_MEETING, { id: october.id, date: '2018-10-09' }, org.admin)).updateMeeting.date).toBe(
      '2018-10-09',
    );
    // the date it left is free again
    expect(await meeting(org, exec.id, '2018-10-02')).toMatchObject({ date: '2018-10-02' });
    const dates = ok(await t.gql(`{ committees { name meetings { date } } }`, {}, org.admin)).committees;
    expect(dates).toEqual([
      { name: 'Executive', meetings: [{ date: '2018-11-06' }, { date: '2018-10-09' }, { date: '2018-10-02' }] },
      { name: 'Scrutiny Panel', meetings: [{ date: '2018-10-02' }] },
    ]);
  });

  test('of concurrent creations of one meeting, exactly one succeeds', async () => {
    const org = await newOrg(t);
    const exec = await committee(org, 'Executive');
    const answers = await Promise.all([1, 2, 3].map(() => t.gql(CREATE_MEETING, { c: exec.id, date: '2018-10-02' }, org.admin)));
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    for (const a of answers.filter((a) => a.errors)) expect(errorOf(a)).toMatchObject({ code: 'CONFLICT', field: 'date' });
  });
});

describe("a resolution's number is unique within its meeting's agenda item, ignoring case and surrounding spaces", () => {
  test('recordResolution: a taken number is CONFLICT (field number); null numbers, other items and other meetings do not collide', async () => {
    const org = await newOrg(t);
    const exec = await committee(org, 'Executive');
    const [october, november] = [await meeting(org, exec.id, '2018-10-02'), await meeting(org, exec.id, '2018-11-06')];
    const record = (meetingId: string, agendaItem: string, number: string | null) =>
      t.gql(RECORD, { input: { meetingId, agendaItem, number, text: 'That it be agreed.' } }, org.admin);
    ok(await record(october.id, 'FAMILY HUBS', 'a'));
    for (const number of ['a', ' A ', 'A'])
      expect(errorOf(await record(october.id, 'FAMILY HUBS', number))).toMatchObject({ code: 'CONFLICT', field: 'number' });
    for (const [m, item, number] of [
      [october.id, 'FAMILY HUBS', 'b'],
      [october.id, 'FAMILY HUBS', null],
      [october.id, 'FAMILY HUBS', ' '],
      [october.id, 'BUDGET', 'a'],
      [november.id, 'FAMILY HUBS', 'a'],
    ] as const)
      ok(await record(m, item, number));
    expect(ok(await t.gql(`{ resolutions { totalCount } }`, {}, org.admin)).resolutions.totalCount).toBe(6);
  });

  test('updateResolution: a number or agenda item that makes a taken pair is CONFLICT; clearing a number never is', async () => {
    const org = await newOrg(t);
    const exec = await committee(org, 'Executive');
    const m = await meeting(org, exec.id, '2018-10-02');
    const record = async (agendaItem: string, number: string) =>
      ok(await t.gql(RECORD, { input: { meetingId: m.id, agendaItem, number, text: 'That it be agreed.' } }, org.admin))
        .recordResolution;
    await record('FAMILY HUBS', '1');
    const second = await record('FAMILY HUBS', '2');
    const budget = await record('BUDGET', '1');
    expect(errorOf(await t.gql(UPDATE_RESOLUTION, { id: second.id, v: 1, input: { number: '1' } }, org.admin))).toMatchObject({
      code: 'CONFLICT',
      field: 'number',
    });
    expect(
      errorOf(await t.gql(UPDATE_RESOLUTION, { id: budget.id, v: 1, input: { agendaItem: 'FAMILY HUBS' } }, org.admin)),
    ).toMatchObject({ code: 'CONFLICT', field: 'number' });
    expect(
      ok(await t.gql(UPDATE_RESOLUTION, { id: budget.id, v: 1, input: { agendaItem: 'FAMILY HUBS', number: null } }, org.admin))
        .updateResolution,
    ).toMatchObject({ agendaItem: 'FAMILY HUBS', number: null, version: 2 });
    expect(
      ok(await t.gql(UPDATE_RESOLUTION, { id: second.id, v: 1, input: { number: '3' } }, org.admin)).updateResolution,
    ).toMatchObject({
      number: '3',
      version: 2,
    });
  });
});
