import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

async function committeeWithMeeting(org: Org, token = org.admin, date = '2018-04-03', name = 'Executive') {
  const committee = ok(
    await t.gql(`mutation($name: String!) { createCommittee(name: $name) { id name } }`, { name }, token),
  ).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id date committee { name } } }`,
      {
        input: { committeeId: committee.id, date },
      },
      token,
    ),
  ).createMeeting;
  return { committee, meeting };
}

const RECORD = `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id agendaItem number text meeting { date } programmes { code } } }`;

test('committees, meetings and resolutions are recorded and read back, newest meeting first', async () => {
  const org = await newOrg(t);
  const { committee, meeting } = await committeeWithMeeting(org);
  expect(meeting).toMatchObject({ date: '2018-04-03', committee: { name: 'Executive' } });
  const later = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      {
        input: { committeeId: committee.id, date: '2018-07-10' },
      },
      org.admin,
    ),
  ).createMeeting;
  const r = ok(
    await t.gql(
      RECORD,
      { input: { meetingId: meeting.id, agendaItem: 'FAMILY HUBS', number: '1', text: 'That the model be agreed.' } },
      org.admin,
    ),
  ).recordResolution;
  expect(r).toEqual({
    id: r.id,
    agendaItem: 'FAMILY HUBS',
    number: '1',
    text: 'That the model be agreed.',
    meeting: { date: '2018-04-03' },
    programmes: [],
  });
  const single = ok(
    await t.gql(RECORD, { input: { meetingId: later.id, agendaItem: 'UPDATE', text: 'That the report be noted.' } }, org.admin),
  ).recordResolution;
  expect(single.number).toBeNull();

  const member = await org.user('MEMBER');
  const read = ok(await t.gql(`{ committees { name meetings { date resolutions { text } } } }`, {}, member));
  expect(read.committees).toEqual([
    {
      name: 'Executive',
      meetings: [
        { date: '2018-07-10', resolutions: [{ text: 'That the report be noted.' }] },
        { date: '2018-04-03', resolutions: [{ text: 'That the model be agreed.' }] },
      ],
    },
  ]);
});

test('ADMIN and PROGRAMME_MANAGER record; FINANCE and MEMBER may not', async () => {
  const org = await newOrg(t);
  const pm = await org.user('PROGRAMME_MANAGER');
  await committeeWithMeeting(org, pm);
  for (const role of ['FINANCE', 'MEMBER'] as const) {
    expect(errorOf(await t.gql(`mutation { createCommittee(name: "Scrutiny") { id } }`, {}, await org.user(role))).code).toBe(
      'FORBIDDEN',
    );
  }
});

test('a meeting of an unknown committee and a resolution of an unknown meeting are NOT_FOUND; bad input is named', async () => {
  const [a, b] = [await newOrg(t), await newOrg(t)];
  const theirs = await committeeWithMeeting(b);
  const meeting = `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`;
  expect(errorOf(await t.gql(meeting, { input: { committeeId: theirs.committee.id, date: '2018-01-01' } }, a.admin)).code).toBe(
    'NOT_FOUND',
  );
  expect(
    errorOf(await t.gql(RECORD, { input: { meetingId: theirs.meeting.id, agendaItem: 'X', text: 'Y' } }, a.admin)).code,
  ).toBe('NOT_FOUND');
  const mine = await committeeWithMeeting(a);
  expect(errorOf(await t.gql(meeting, { input: { committeeId: mine.committee.id, date: '2018-13-01' } }, a.admin)).code).toBe(
    'BAD_USER_INPUT',
  );
  expect(
    errorOf(await t.gql(RECORD, { input: { meetingId: mine.meeting.id, agendaItem: ' ', text: 'Y' } }, a.admin)),
  ).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'agendaItem',
  });
  expect(errorOf(await t.gql(`mutation { createCommittee(name: "") { id } }`, {}, a.admin))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'name',
  });
});

test('resolutions filter by committee, dates and search, newest first then agenda item and number, paginated', async () => {
  const org = await newOrg(t);
  const exec = await committeeWithMeeting(org, org.admin, '2018-04-03');
  const area = await committeeWithMeeting(org, org.admin, '2018-06-28', 'Area Committee');
  const rec = (meetingId: string, agendaItem: string, number: string | null, text: string) =>
    t.gql(RECORD, { input: { meetingId, agendaItem, number, text } }, org.admin).then(ok);
  await rec(exec.meeting.id, 'FAMILY HUBS MODEL', '2', 'That a risk register be kept.');
  await rec(exec.meeting.id, 'FAMILY HUBS MODEL', '1', 'That the model be agreed.');
  await rec(area.meeting.id, 'UPDATE ON FAMILY HUBS', null, 'That the report and progress to date be noted.');
  await rec(exec.meeting.id, 'BUDGET', null, 'That 100% of the savings be reported.');
  const LIST = `query($filter: ResolutionFilter, $first: Int, $after: String) {
    resolutions(filter: $filter, first: $first, after: $after) { totalCount nodes { text } pageInfo { hasNextPage endCursor } } }`;
  const texts = async (filter: object) =>
    ok(await t.gql(LIST, { filter }, org.admin)).resolutions.nodes.map((n: { text: string }) => n.text);
  expect(await texts({})).toEqual([
    'That the report and progress to date be noted.',
    'That 100% of the savings be reported.',
    'That the model be agreed.',
    'That a risk register be kept.',
  ]);
  expect(await texts({ committeeId: area.committee.id })).toEqual(['That the report and progress to date be noted.']);
  expect(await texts({ to: '2018-05-01', search: 'family hubs' })).toEqual([
    'That the model be agreed.',
    'That a risk register be kept.',
  ]);
  expect(await texts({ from: '2018-05-01' })).toHaveLength(1);
  expect(await texts({ search: '100%' })).toEqual(['That 100% of the savings be reported.']);
  expect(await texts({ committeeId: 'nonsense' })).toEqual([]);

  const seen: string[] = [];
  let after: string | undefined;
  do {
    const page = ok(await t.gql(LIST, { first: 1, after }, org.admin)).resolutions;
    expect(page.totalCount).toBe(4);
    seen.push(...page.nodes.map((n: { text: string }) => n.text));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
  } while (after);
  expect(seen).toEqual(await texts({}));
});

test('a resolution links to a programme, once however often it is linked, and unlinks', async () => {
  const org = await newOrg(t);
  const p = await org.programme({ code: 'FH-2018' });
  const { meeting } = await committeeWithMeeting(org);
  const r = ok(
    await t.gql(RECORD, { input: { meetingId: meeting.id, agendaItem: 'FH', text: 'Agreed.' } }, org.admin),
  ).recordResolution;
  const LINK = `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { programmes { code } } }`;
  const UNLINK = `mutation($id: ID!, $target: LinkTarget!) { unlinkResolution(resolutionId: $id, target: $target) { programmes { code } } }`;
  for (let i = 0; i < 2; i++) {
    expect(ok(await t.gql(LINK, { id: r.id, target: { programmeId: p.id } }, org.admin)).linkResolution.programmes).toEqual([
      { code: 'FH-2018' },
    ]);
  }
  const programme = ok(
    await t.gql(`query($id: ID!) { programme(id: $id) { resolutions { text } } }`, { id: p.id }, org.admin),
  ).programme;
  expect(programme.resolutions).toEqual([{ text: 'Agreed.' }]);
  for (let i = 0; i < 2; i++) {
    expect(ok(await t.gql(UNLINK, { id: r.id, target: { programmeId: p.id } }, org.admin)).unlinkResolution.programmes).toEqual(
      [],
    );
  }
  expect(errorOf(await t.gql(LINK, { id: r.id, target: {} }, org.admin))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'target',
  });
});
