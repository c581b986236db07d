import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const CREATE = `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, expectedVersion: $v, input: $input) { id } }`;
const LIST = `query($filter: MilestoneFilter, $first: Int, $after: String) {
  milestones(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id title forecastDate slippageDays } pageInfo { hasNextPage endCursor } } }`;

type Fields = { title: string; baselineDate: string; forecastDate?: string; actualDate?: string; status?: string };

async function milestone(org: Org, programmeId: string, f: Fields): Promise<string> {
  const { actualDate, status, ...create } = f;
  const m = ok(await t.gql(CREATE, { input: { programmeId, ...create } }, org.admin)).createMilestone;
  if (actualDate || status) ok(await t.gql(UPDATE, { id: m.id, v: 1, input: { actualDate, status } }, org.admin));
  return m.id;
}

const titles = async (org: Org, filter: object, token = org.admin) =>
  ok(await t.gql(LIST, { filter }, token)).milestones.nodes.map((n: { title: string }) => n.title);

/** Family Hubs (FH) and Integrated Children's Services (ICS), with dates from the minutes. */
async function twoProgrammes(org: Org) {
  const [fh, ics] = [await org.programme({ code: 'FH-2018' }), await org.programme({ code: 'ICS-2011' })];
  // slipped 14 days, still open
  await milestone(org, fh.id, {
    title: 'First Family Hubs offer published',
    baselineDate: '2018-10-01',
    forecastDate: '2018-10-15',
    status: 'AT_RISK',
  });
  // on time, complete
  await milestone(org, fh.id, {
    title: 'Service changes',
    baselineDate: '2018-10-01',
    actualDate: '2018-10-01',
    status: 'COMPLETE',
  });
  // complete a week early, though the forecast still says late
  await milestone(org, fh.id, {
    title: 'Area events',
    baselineDate: '2018-07-31',
    forecastDate: '2018-08-31',
    actualDate: '2018-07-24',
    status: 'COMPLETE',
  });
  // slipped by a month, missed
  await milestone(org, ics.id, {
    title: 'New operating model',
    baselineDate: '2011-10-31',
    forecastDate: '2011-11-30',
    status: 'MISSED',
  });
  // early forecast
  await milestone(org, ics.id, {
    title: 'Staff consultation closes',
    baselineDate: '2011-09-30',
    forecastDate: '2011-09-16',
    status: 'ON_TRACK',
  });
  return { fh, ics };
}

test('milestones are ordered by forecast date, then title, across programmes and within one', async () => {
  const org = await newOrg(t);
  const { fh } = await twoProgrammes(org);
  const all = ok(await t.gql(LIST, {}, org.admin)).milestones;
  expect(all.totalCount).toBe(5);
  expect(
    all.nodes.map((n: { title: string; forecastDate: string; slippageDays: number }) => [
      n.title,
      n.forecastDate,
      n.slippageDays,
    ]),
  ).toEqual([
    ['Staff consultation closes', '2011-09-16', -14],
    ['New operating model', '2011-11-30', 30],
    ['Area events', '2018-08-31', -7],
    ['Service changes', '2018-10-01', 0],
    ['First Family Hubs offer published', '2018-10-15', 14],
  ]);
  const programme = ok(
    await t.gql(`query($id: ID!) { programme(id: $id) { milestones { title } } }`, { id: fh.id }, org.admin),
  ).programme;
  expect(programme.milestones.map((m: { title: string }) => m.title)).toEqual([
    'Area events',
    'Service changes',
    'First Family Hubs offer published',
  ]);
});

test('filters: programme, status list, slipped (true and false), dueBefore on the actual date or else the forecast', async () => {
  const org = await newOrg(t);
  const { fh, ics } = await twoProgrammes(org);
  expect(await titles(org, { programmeId: ics.id })).toEqual(['Staff consultation closes', 'New operating model']);
  expect(await titles(org, { status: ['COMPLETE', 'MISSED'] })).toEqual([
    'New operating model',
    'Area events',
    'Service changes',
  ]);
  expect(await titles(org, { status: [] })).toEqual([]);
  expect(await titles(org, { slipped: true })).toEqual(['New operating model', 'First Family Hubs offer published']);
  // not slipped: slippageDays <= 0, on time included
  expect(await titles(org, { slipped: false })).toEqual(['Staff consultation closes', 'Area events', 'Service changes']);
  expect(await titles(org, { programmeId: fh.id, slipped: false, status: ['COMPLETE'] })).toEqual([
    'Area events',
    'Service changes',
  ]);
  // Area events: forecast 2018-08-31 but actually done 2018-07-24, so it counts as due before August
  expect(await titles(org, { dueBefore: '2018-08-01' })).toEqual([
    'Staff consultation closes',
    'New operating model',
    'Area events',
  ]);
  // strictly before: Service changes (actual 2018-10-01) is not before 2018-10-01
  expect(await titles(org, { dueBefore: '2018-10-01', programmeId: fh.id })).toEqual(['Area events']);
  expect(await titles(org, { dueBefore: '2018-10-02', programmeId: fh.id })).toEqual(['Area events', 'Service changes']);
  const counted = ok(await t.gql(LIST, { filter: { slipped: true, programmeId: fh.id }, first: 1 }, org.admin)).milestones;
  expect(counted).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
});

test("a malformed, unknown or other organisation's programmeId gives an empty list; other organisations' milestones never show", async () => {
  const [a, b] = [await newOrg(t), await newOrg(t)];
  const { fh } = await twoProgrammes(b);
  await milestone(a, (await a.programme()).id, { title: 'Locality review', baselineDate: '2020-09-01' });
  for (const programmeId of ['nonsense', '00000000-0000-4000-8000-000000000000', fh.id]) {
    const page = ok(await t.gql(LIST, { filter: { programmeId } }, a.admin)).milestones;
    expect(page).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  }
  expect(await titles(a, {})).toEqual(['Locality review']);
  const other = ok(await t.gql(`query($id: ID!) { programme(id: $id) { milestones { id } } }`, { id: fh.id }, a.admin)).programme;
  expect(other).toBeNull();
});

test('every role reads milestones', async () => {
  const org = await newOrg(t);
  await twoProgrammes(org);
  for (const role of ['PROGRAMME_MANAGER', 'FINANCE', 'MEMBER'] as const) {
    expect(await titles(org, { slipped: true }, await org.user(role))).toEqual([
      'New operating model',
      'First Family Hubs offer published',
    ]);
  }
  expect(errorOf(await t.gql(LIST, {})).code).toBe('UNAUTHENTICATED');
});

test('pages follow the keyset cursor through ties of date and title; totalCount counts the whole filter', async () => {
  const org = await newOrg(t);
  const { fh } = await twoProgrammes(org);
  for (let i = 0; i < 3; i++) await milestone(org, fh.id, { title: 'Service changes', baselineDate: '2018-10-01' });
  const everything = ok(await t.gql(LIST, { first: 500 }, org.admin)).milestones.nodes.map((n: { id: string }) => n.id);
  expect(everything).toHaveLength(8);
  for (const first of [1, 2, 3]) {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = ok(await t.gql(LIST, { first, after }, org.admin)).milestones;
      expect(page.totalCount).toBe(8);
      expect(page.nodes.length).toBeLessThanOrEqual(first);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual(everything);
  }
  const filtered = ok(await t.gql(LIST, { filter: { programmeId: fh.id }, first: 2 }, org.admin)).milestones;
  const next = ok(
    await t.gql(LIST, { filter: { programmeId: fh.id }, first: 2, after: filtered.pageInfo.endCursor }, org.admin),
  ).milestones;
  expect(next.totalCount).toBe(6);
  expect([...filtered.nodes, ...next.nodes].map((n: { title: string }) => n.title)).toEqual([
    'Area events',
    'Service changes',
    'Service changes',
    'Service changes',
  ]);
});

test('first must be 1 to 500 and after a milestones endCursor; anything else is BAD_USER_INPUT', async () => {
  const org = await newOrg(t);
  for (const first of [0, -1, 501]) {
    expect(errorOf(await t.gql(LIST, { first }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  }
  await org.programme();
  const foreign = ok(await t.gql(`{ programmes(first: 1) { pageInfo { endCursor } } }`, {}, org.admin)).programmes.pageInfo
    .endCursor;
  for (const after of ['nonsense', foreign, Buffer.from('["milestones","2018-02-30","x","y"]').toString('base64url')]) {
    expect(errorOf(await t.gql(LIST, { after }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  }
  expect(errorOf(await t.gql(LIST, { filter: { dueBefore: '2018-02-30' } }, org.admin))).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'dueBefore',
  });
});

test('programmes -> milestones -> resolutions -> milestones is batched: the same statements for 2 programmes as for 6', async () => {
  const org = await newOrg(t);
  const committee = ok(await t.gql(`mutation { createCommittee(name: "Executive") { id } }`, {}, org.admin)).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      {
        input: { committeeId: committee.id, date: '2018-04-03' },
      },
      org.admin,
    ),
  ).createMeeting;
  for (let p = 0; p < 6; p++) {
    const programme = await org.programme({ code: `P-${p}` });
    const resolution = ok(
      await t.gql(
        `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`,
        {
          input: { meetingId: meeting.id, agendaItem: `ITEM ${p}`, text: 'That the plan be agreed.' },
        },
        org.admin,
      ),
    ).recordResolution;
    for (let m = 0; m < 2; m++) {
      const id = await milestone(org, programme.id, { title: `Milestone ${m}`, baselineDate: '2018-10-01' });
      ok(
        await t.gql(
          `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`,
          {
            id: resolution.id,
            target: { milestoneId: id },
          },
          org.admin,
        ),
      );
    }
  }
  const DEEP = `query($n: Int) { programmes(first: $n) { nodes { code milestones { title programme { code }
    resolutions { agendaItem milestones { title } } } } } }`;
  const statementsFor = async (n: number) => {
    const before = t.statements();
    const data = ok(await t.gql(DEEP, { n }, org.admin));
    expect(data.programmes.nodes).toHaveLength(n);
    for (const p of data.programmes.nodes) {
      expect(p.milestones).toHaveLength(2);
      expect(p.milestones[0].resolutions[0].milestones).toHaveLength(2);
    }
    return t.statements() - before;
  };
  await statementsFor(1); // the token's first use is written down once
  expect(await statementsFor(6)).toBe(await statementsFor(2));
});
