import { newOrg, Org } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';

// The decision trail as members read it: resolutions(filter: {programmeId}) reaching through
// risks, milestones and savings lines, search, order and pages, and what a MEMBER never sees.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

type Kind = 'programmeId' | 'riskId' | 'milestoneId' | 'savingsLineId';

const LINK = `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`;
const UNLINK = `mutation($id: ID!, $target: LinkTarget!) { unlinkResolution(resolutionId: $id, target: $target) { id } }`;
const LIST = `query($filter: ResolutionFilter, $first: Int, $after: String) {
  resolutions(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id text risks { id } } pageInfo { hasNextPage endCursor } } }`;

/** Records resolutions at meetings of one committee, a meeting per date. */
async function committee(org: Org, name = 'Executive') {
  const { id } = ok(
    await t.gql(`mutation($name: String!) { createCommittee(name: $name) { id } }`, { name }, org.admin),
  ).createCommittee;
  const meetings = new Map<string, string>();
  return {
    id,
    async resolve(date: string, agendaItem: string, text: string, number?: string): Promise<string> {
      if (!meetings.has(date)) {
        const input = { committeeId: id, date };
        meetings.set(
          date,
          ok(await t.gql(`mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`, { input }, org.admin))
            .createMeeting.id,
        );
      }
      const input = { meetingId: meetings.get(date), agendaItem, number, text };
      return ok(
        await t.gql(`mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`, { input }, org.admin),
      ).recordResolution.id;
    },
  };
}

/** A programme with a risk (confidential if asked), a milestone and a savings line. */
async function targets(org: Org, confidentialRisk = false): Promise<Record<Kind, string>> {
  const programme = await org.programme();
  const risk = ok(
    await t.gql(
      `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`,
      {
        input: {
          programmeId: programme.id,
          reference: 'R01',
          title: 'Redundancy costs',
          category: 'FINANCIAL',
          inherent: { likelihood: 3, impact: 4 },
          confidential: confidentialRisk,
        },
      },
      org.admin,
    ),
  ).createRisk;
  const milestone = ok(
    await t.gql(
      `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id } }`,
      {
        input: { programmeId: programme.id, title: 'New operating model', baselineDate: '2011-10-31' },
      },
      org.admin,
    ),
  ).createMilestone;
  const line = ok(
    await t.gql(
      `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`,
      {
        input: {
          programmeId: programme.id,
          description: 'Premises',
          category: 'PREMISES',
          financialYear: '2011/12',
          planned: '100000',
        },
      },
      org.admin,
    ),
  ).createSavingsLine;
  return { programmeId: programme.id, riskId: risk.id, milestoneId: milestone.id, savingsLineId: line.id };
}

const link = (org: Org, id: string, target: Partial<Record<Kind, string>>) => t.gql(LINK, { id, target }, org.admin).then(ok);

async function texts(filter: object, token: string): Promise<string[]> {
  return ok(await t.gql(LIST, { filter, first: 500 }, token)).resolutions.nodes.map((n: { text: string }) => n.text);
}

test('the programme filter reaches resolutions linked to the programme or to any of its risks, milestones or savings lines', async () => {
  const org = await newOrg(t);
  const [a, b] = [await targets(org), await targets(org)];
  const exec = await committee(org);
  const r = {
    programme: await exec.resolve('2011-09-01', 'A', 'Linked to the programme.'),
    risk: await exec.resolve('2011-09-02', 'A', 'Linked to its risk.'),
    milestone: await exec.resolve('2011-09-03', 'A', 'Linked to its milestone.'),
    savings: await exec.resolve('2011-09-04', 'A', 'Linked to its savings line.'),
    twice: await exec.resolve('2011-09-05', 'A', 'Linked to the programme and its risk.'),
    other: await exec.resolve('2011-09-06', 'A', 'Linked to the other programme.'),
    none: await exec.resolve('2011-09-07', 'A', 'Linked to nothing.'),
  };
  await link(org, r.programme, { programmeId: a.programmeId });
  await link(org, r.risk, { riskId: a.riskId });
  await link(org, r.milestone, { milestoneId: a.milestoneId });
  await link(org, r.savings, { savingsLineId: a.savingsLineId });
  await link(org, r.twice, { programmeId: a.programmeId });
  await link(org, r.twice, { riskId: a.riskId });
  for (const kind of ['programmeId', 'riskId', 'milestoneId', 'savingsLineId'] as const)
    await link(org, r.other, { [kind]: b[kind] });

  const forA = ok(await t.gql(LIST, { filter: { programmeId: a.programmeId } }, org.admin)).resolutions;
  expect(forA.totalCount).toBe(5);
  expect(forA.nodes.map((n: { text: string }) => n.text)).toEqual([
    'Linked to the programme and its risk.',
    'Linked to its savings line.',
    'Linked to its milestone.',
    'Linked to its risk.',
    'Linked to the programme.',
  ]);
  expect(await texts({ programmeId: b.programmeId }, org.admin)).toEqual(['Linked to the other programme.']);
  expect(await texts({}, org.admin)).toHaveLength(7);

  // unlinking the risk leaves the resolution reached only through its other links
  await t.gql(UNLINK, { id: r.risk, target: { riskId: a.riskId } }, org.admin).then(ok);
  await t.gql(UNLINK, { id: r.twice, target: { riskId: a.riskId } }, org.admin).then(ok);
  expect(await texts({ programmeId: a.programmeId }, org.admin)).toEqual([
    'Linked to the programme and its risk.',
    'Linked to its savings line.',
    'Linked to its milestone.',
    'Linked to the programme.',
  ]);

  // with other filters, and for ids that name nothing here
  expect(
    await texts({ programmeId: a.programmeId, committeeId: exec.id, from: '2011-09-02', to: '2011-09-04' }, org.admin),
  ).toEqual(['Linked to its savings line.', 'Linked to its milestone.']);
  const elsewhere = await newOrg(t);
  for (const programmeId of ['nonsense', '00000000-0000-4000-8000-000000000000', a.programmeId]) {
    const page = ok(
      await t.gql(LIST, { filter: { programmeId } }, programmeId === a.programmeId ? elsewhere.admin : org.admin),
    ).resolutions;
    expect(page).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  }
});

test('a MEMBER never learns of a confidential risk: not through the programme filter, its count, nor Resolution.risks', async () => {
  const org = await newOrg(t);
  const p = await targets(org, true);
  const exec = await committee(org);
  const onlyRisk = await exec.resolve(
    '2011-09-20',
    'INTEGRATED CHILDREN’S SERVICES',
    'That the redundancy costs be noted in closed session.',
    '3',
  );
  const riskAndMilestone = await exec.resolve(
    '2011-09-20',
    'INTEGRATED CHILDREN’S SERVICES',
    'That the model go live on 31 October 2011.',
    '1',
  );
  await link(org, onlyRisk, { riskId: p.riskId });
  await link(org, riskAndMilestone, { riskId: p.riskId });
  await link(org, riskAndMilestone, { milestoneId: p.milestoneId });

  const member = await org.user('MEMBER');
  const seen = ok(await t.gql(LIST, { filter: { programmeId: p.programmeId } }, member)).resolutions;
  expect(seen.totalCount).toBe(1);
  expect(seen.nodes).toEqual([{ id: riskAndMilestone, text: 'That the model go live on 31 October 2011.', risks: [] }]);
  // the resolution itself is public; only its link to the exempt risk does not exist for a MEMBER
  const all = ok(await t.gql(LIST, {}, member)).resolutions;
  expect(all.nodes.map((n: { id: string; risks: unknown[] }) => [n.id, n.risks])).toEqual([
    [riskAndMilestone, []],
    [onlyRisk, []],
  ]);
  const milestones = ok(
    await t.gql(
      `query($f: MilestoneFilter) { milestones(filter: $f) { nodes { resolutions { risks { id } } } } }`,
      { f: { programmeId: p.programmeId } },
      member,
    ),
  ).milestones.nodes;
  expect(milestones).toEqual([{ resolutions: [{ risks: [] }] }]);

  for (const role of ['ADMIN', 'PROGRAMME_MANAGER', 'FINANCE'] as const) {
    const token = role === 'ADMIN' ? org.admin : await org.user(role);
    const page = ok(await t.gql(LIST, { filter: { programmeId: p.programmeId } }, token)).resolutions;
    expect(page.totalCount).toBe(2);
    expect(page.nodes.map((n: { id: string; risks: unknown[] }) => [n.id, n.risks])).toEqual([
      [riskAndMilestone, [{ id: p.riskId }]],
      [onlyRisk, [{ id: p.riskId }]],
    ]);
  }
});

test('search matches the text or the agenda item, ignoring case, with % and _ as ordinary characters', async () => {
  const org = await newOrg(t);
  const p = await targets(org);
  const exec = await committee(org);
  const scrutiny = await committee(org, 'Children’s Services Overview and Scrutiny Committee');
  await link(
    org,
    await exec.resolve('2018-04-03', 'FAMILY HUBS MODEL', 'That the model be implemented from October 2018.', '1'),
    { programmeId: p.programmeId },
  );
  await link(org, await exec.resolve('2018-04-03', 'BUDGET 2018/19', 'That 100% of the savings be reported.'), {
    savingsLineId: p.savingsLineId,
  });
  await scrutiny.resolve('2018-06-28', 'UPDATE ON FAMILY HUBS', 'That the report and progress to date be noted.');
  await scrutiny.resolve('2018-07-10', 'WORK_PROGRAMME', 'That the work programme be agreed.');

  expect(await texts({ search: 'family hubs' }, org.admin)).toEqual([
    'That the report and progress to date be noted.',
    'That the model be implemented from October 2018.',
  ]);
  expect(await texts({ search: 'OCTOBER' }, org.admin)).toEqual(['That the model be implemented from October 2018.']);
  expect(await texts({ search: '100%' }, org.admin)).toEqual(['That 100% of the savings be reported.']);
  expect(await texts({ search: '10%' }, org.admin)).toEqual([]);
  expect(await texts({ search: 'work_programme' }, org.admin)).toEqual(['That the work programme be agreed.']);
  expect(await texts({ search: 'work_p' }, org.admin)).toEqual(['That the work programme be agreed.']);
  expect(await texts({ search: 's_b' }, org.admin)).toEqual([]); // would match "savings be" were _ a wildcard
  expect(await texts({ search: '2018/19' }, org.admin)).toEqual(['That 100% of the savings be reported.']);
  expect(await texts({ search: 'be', programmeId: p.programmeId }, org.admin)).toEqual([
    'That 100% of the savings be reported.',
    'That the model be implemented from October 2018.',
  ]);
  expect(await texts({ search: 'hubs', committeeId: scrutiny.id }, org.admin)).toEqual([
    'That the report and progress to date be noted.',
  ]);
});

test('newest meeting first, then agenda item, then number; pages follow the cursor, with and without the programme filter', async () => {
  const org = await newOrg(t);
  const p = await targets(org);
  const exec = await committee(org);
  const area = await committee(org, 'Shipley Area Committee');
  const recorded: [string, string][] = [];
  const rec = async (c: typeof exec, date: string, item: string, number: string | undefined, via: Kind) => {
    const text = `${date} ${item} ${number ?? '-'}`;
    await link(org, await c.resolve(date, item, text, number), { [via]: p[via] });
    recorded.push([text, via]);
  };
  await rec(exec, '2018-04-03', 'FAMILY HUBS MODEL', '2', 'riskId');
  await rec(area, '2018-06-28', 'UPDATE ON FAMILY HUBS', '1', 'milestoneId');
  await rec(exec, '2018-04-03', 'FAMILY HUBS MODEL', '10', 'programmeId');
  await rec(exec, '2018-04-03', 'BUDGET', undefined, 'savingsLineId');
  await rec(exec, '2018-04-03', 'FAMILY HUBS MODEL', '1', 'milestoneId');
  await rec(area, '2018-06-28', 'UPDATE ON FAMILY HUBS', '2', 'savingsLineId');
  await rec(exec, '2019-01-15', 'FAMILY HUBS MODEL', 'a', 'programmeId');
  await rec(area, '2018-06-28', 'ANY OTHER BUSINESS', undefined, 'riskId');
  await exec.resolve('2018-05-01', 'UNLINKED', 'Reached by no filter.');
  const expected = [
    '2019-01-15 FAMILY HUBS MODEL a',
    '2018-06-28 ANY OTHER BUSINESS -',
    '2018-06-28 UPDATE ON FAMILY HUBS 1',
    '2018-06-28 UPDATE ON FAMILY HUBS 2',
    '2018-04-03 BUDGET -',
    '2018-04-03 FAMILY HUBS MODEL 1',
    '2018-04-03 FAMILY HUBS MODEL 2',
    '2018-04-03 FAMILY HUBS MODEL 10',
  ];
  expect(await texts({ programmeId: p.programmeId }, org.admin)).toEqual(expected);
  expect(await texts({}, org.admin)).toEqual([...expected.slice(0, 4), 'Reached by no filter.', ...expected.slice(4)]);
  for (const [filter, all] of [
    [{ programmeId: p.programmeId }, expected],
    [{}, await texts({}, org.admin)],
  ] as const) {
    for (const first of [1, 3]) {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = ok(await t.gql(LIST, { filter, first, after }, org.admin)).resolutions;
        expect(page.totalCount).toBe(all.length);
        seen.push(...page.nodes.map((n: { text: string }) => n.text));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      } while (after);
      expect(seen).toEqual(all);
    }
  }
  // each target's own resolutions follow the same order
  const own = ok(
    await t.gql(
      `query($id: ID!) { programme(id: $id) { resolutions { text } milestones { resolutions { text } } } }`,
      { id: p.programmeId },
      org.admin,
    ),
  ).programme;
  expect(own.resolutions.map((r: { text: string }) => r.text)).toEqual([
    '2019-01-15 FAMILY HUBS MODEL a',
    '2018-04-03 FAMILY HUBS MODEL 10',
  ]);
  expect(own.milestones[0].resolutions.map((r: { text: string }) => r.text)).toEqual([
    '2018-06-28 UPDATE ON FAMILY HUBS 1',
    '2018-04-03 FAMILY HUBS MODEL 1',
  ]);
});

test('resolutions -> every kind of target -> resolutions is batched: the same statements for 2 resolutions as for 6', async () => {
  const org = await newOrg(t);
  const exec = await committee(org);
  for (let i = 0; i < 6; i++) {
    const p = await targets(org);
    const r = await exec.resolve(`2018-04-0${i + 1}`, 'ITEM', `Resolution ${i}`);
    for (const kind of ['programmeId', 'riskId', 'milestoneId', 'savingsLineId'] as const)
      await link(org, r, { [kind]: p[kind] });
  }
  const DEEP = `query($n: Int) { resolutions(first: $n) { nodes { meeting { committee { name } }
    programmes { code resolutions { id } } risks { reference resolutions { id } } milestones { title programme { code } resolutions { id } }
    savingsLines { description resolutions { id } } } } }`;
  const statementsFor = async (n: number) => {
    const before = t.statements();
    const nodes = ok(await t.gql(DEEP, { n }, org.admin)).resolutions.nodes;
    expect(nodes).toHaveLength(n);
    for (const r of nodes) for (const k of ['programmes', 'risks', 'milestones', 'savingsLines']) expect(r[k]).toHaveLength(1);
    return t.statements() - before;
  };
  await statementsFor(1); // the token's first use is written down once
  expect(await statementsFor(6)).toBe(await statementsFor(2));
});
