import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

// The links between resolutions and what they govern: linkResolution / unlinkResolution for
// every kind of target, and both directions of each link.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

type Kind = 'programmeId' | 'riskId' | 'milestoneId' | 'savingsLineId';
const KINDS: Kind[] = ['programmeId', 'riskId', 'milestoneId', 'savingsLineId'];

const LINKED = `id programmes { id } risks { id } milestones { id } savingsLines { id }`;
const LINK = `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { ${LINKED} } }`;
const UNLINK = `mutation($id: ID!, $target: LinkTarget!) { unlinkResolution(resolutionId: $id, target: $target) { ${LINKED} } }`;
/** Every target of a programme with its resolutions and version, read from the programme. */
const TARGETS = `query($id: ID!) { programme(id: $id) { id version resolutions { id }
  risks { id version resolutions { id } } milestones { id version resolutions { id } } savingsLines { id version resolutions { id } } } }`;

// committee names are unique: each resolution gets a committee of its own
let committees = 0;

async function resolution(
  org: Org,
  date = '2018-04-03',
  agendaItem = 'FAMILY HUBS MODEL',
  text = 'That the model be agreed.',
  number?: string,
) {
  const name = `Executive ${++committees}`;
  const committee = ok(
    await t.gql(`mutation($name: String!) { createCommittee(name: $name) { id } }`, { name }, org.admin),
  ).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      {
        input: { committeeId: committee.id, date },
      },
      org.admin,
    ),
  ).createMeeting;
  return ok(
    await t.gql(
      `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`,
      {
        input: { meetingId: meeting.id, agendaItem, number, text },
      },
      org.admin,
    ),
  ).recordResolution.id as string;
}

/** A programme with one risk, one milestone and one savings line: a target of each kind. */
async function targets(org: Org, risk: Record<string, unknown> = {}): Promise<Record<Kind, string>> {
  const programme = await org.programme();
  const createRisk = ok(
    await t.gql(
      `mutation($input: CreateRiskInput!) { createRisk(input: $input) { id } }`,
      {
        input: {
          programmeId: programme.id,
          reference: 'R01',
          title: 'Increased pressure on social care',
          category: 'SAFEGUARDING',
          inherent: { likelihood: 4, impact: 4 },
          ...risk,
        },
      },
      org.admin,
    ),
  ).createRisk;
  const createMilestone = ok(
    await t.gql(
      `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id } }`,
      {
        input: { programmeId: programme.id, title: 'Service changes', baselineDate: '2018-10-01' },
      },
      org.admin,
    ),
  ).createMilestone;
  const createSavingsLine = ok(
    await t.gql(
      `mutation($input: SavingsLineInput!) { createSavingsLine(input: $input) { id } }`,
      {
        input: {
          programmeId: programme.id,
          description: 'Management restructure',
          category: 'STAFFING',
          financialYear: '2018/19',
          planned: '452000.00',
        },
      },
      org.admin,
    ),
  ).createSavingsLine;
  return {
    programmeId: programme.id,
    riskId: createRisk.id,
    milestoneId: createMilestone.id,
    savingsLineId: createSavingsLine.id,
  };
}

/** What a resolution's side of the links says, per kind of target. */
function linkedIds(r: Record<string, { id: string }[]>): Record<Kind, string[]> {
  const ids = (list: { id: string }[]) => list.map((x) => x.id);
  return {
    programmeId: ids(r.programmes),
    riskId: ids(r.risks),
    milestoneId: ids(r.milestones),
    savingsLineId: ids(r.savingsLines),
  };
}

/** What the targets' side says: the resolutions of each target, and each target's version. */
async function targetSide(org: Org, programmeId: string, token = org.admin) {
  const p = ok(await t.gql(TARGETS, { id: programmeId }, token)).programme;
  const side = (x: { resolutions: { id: string }[]; version: number }) => ({
    resolutions: x.resolutions.map((r) => r.id),
    version: x.version,
  });
  return {
    programmeId: side(p),
    riskId: side(p.risks[0]),
    milestoneId: side(p.milestones[0]),
    savingsLineId: side(p.savingsLines[0]),
  };
}

const AUDIT = `query($id: ID!) { auditTrail(entityId: $id) { nodes { action changes } } }`;

test.each(KINDS)(
  'a resolution links to a %s target, both sides show it, linking twice is harmless, and it unlinks',
  async (kind) => {
    const org = await newOrg(t);
    const target = await targets(org);
    const r = await resolution(org);
    for (let i = 0; i < 2; i++) {
      const linked = linkedIds(ok(await t.gql(LINK, { id: r, target: { [kind]: target[kind] } }, org.admin)).linkResolution);
      for (const k of KINDS) expect(linked[k]).toEqual(k === kind ? [target[kind]] : []);
    }
    const side = await targetSide(org, target.programmeId);
    for (const k of KINDS) expect(side[k]).toEqual({ resolutions: k === kind ? [r] : [], version: 1 }); // links move no version
    // the resolution reads the same from the list as from the mutation
    const listed = ok(await t.gql(`{ resolutions { nodes { ${LINKED} } } }`, {}, org.admin)).resolutions.nodes;
    expect(linkedIds(listed[0])[kind]).toEqual([target[kind]]);

    for (let i = 0; i < 2; i++) {
      const unlinked = linkedIds(
        ok(await t.gql(UNLINK, { id: r, target: { [kind]: target[kind] } }, org.admin)).unlinkResolution,
      );
      for (const k of KINDS) expect(unlinked[k]).toEqual([]);
    }
    expect((await targetSide(org, target.programmeId))[kind]).toEqual({ resolutions: [], version: 1 });
    // one event for the link and one for the unlink: the repeats changed nothing
    const events = ok(await t.gql(AUDIT, { id: r }, org.admin)).auditTrail.nodes;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'resolution.unlinked',
      'resolution.linked',
      'resolution.recorded',
    ]);
    expect(JSON.parse(events[1].changes)).toEqual({ [kind]: [null, target[kind]] });
  },
);

test('one resolution links to targets of every kind at once, and a target to many resolutions', async () => {
  const org = await newOrg(t);
  const target = await targets(org);
  const [older, newer] = [await resolution(org, '2018-04-03'), await resolution(org, '2018-06-28', 'UPDATE ON FAMILY HUBS')];
  for (const r of [older, newer])
    for (const kind of KINDS) ok(await t.gql(LINK, { id: r, target: { [kind]: target[kind] } }, org.admin));
  const side = await targetSide(org, target.programmeId);
  for (const kind of KINDS) expect(side[kind].resolutions).toEqual([newer, older]); // newest meeting first
  const read = ok(
    await t.gql(`query($id: ID!) { programme(id: $id) { resolutions { ${LINKED} } } }`, { id: target.programmeId }, org.admin),
  );
  for (const r of read.programme.resolutions) {
    expect(linkedIds(r)).toEqual({
      programmeId: [target.programmeId],
      riskId: [target.riskId],
      milestoneId: [target.milestoneId],
      savingsLineId: [target.savingsLineId],
    });
  }
});

test('exactly one target: none, an explicit null or two is BAD_USER_INPUT on target, before NOT_FOUND, and writes nothing', async () => {
  const org = await newOrg(t);
  const target = await targets(org);
  const r = await resolution(org);
  const wrong = [
    {},
    { programmeId: null },
    { programmeId: target.programmeId, riskId: target.riskId },
    { milestoneId: target.milestoneId, savingsLineId: target.savingsLineId },
    { ...target },
  ];
  for (const mutation of [LINK, UNLINK]) {
    for (const bad of wrong) {
      for (const id of [r, 'nonsense', '00000000-0000-4000-8000-000000000000']) {
        expect(errorOf(await t.gql(mutation, { id, target: bad }, org.admin))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'target',
        });
      }
    }
  }
  const side = await targetSide(org, target.programmeId);
  for (const kind of KINDS) expect(side[kind].resolutions).toEqual([]);
  expect(errorOf(await t.gql(LINK, { id: r, target: { programmeId: target.programmeId } })).code).toBe('UNAUTHENTICATED');
});

test("another organisation's or a malformed resolution or target of any kind is NOT_FOUND, even for roles that may not link", async () => {
  const [a, b] = [await newOrg(t), await newOrg(t)];
  const [mine, theirs] = [await targets(a), await targets(b)];
  const [myResolution, theirResolution] = [await resolution(a), await resolution(b)];
  const member = await a.user('MEMBER');
  for (const mutation of [LINK, UNLINK]) {
    for (const token of [a.admin, member]) {
      for (const kind of KINDS) {
        for (const target of [theirs[kind], 'nonsense', '00000000-0000-4000-8000-000000000000']) {
          expect(errorOf(await t.gql(mutation, { id: myResolution, target: { [kind]: target } }, token)).code).toBe('NOT_FOUND');
        }
        for (const id of [theirResolution, 'nonsense']) {
          expect(errorOf(await t.gql(mutation, { id, target: { [kind]: mine[kind] } }, token)).code).toBe('NOT_FOUND');
        }
      }
    }
  }
  for (const [org, programmeId] of [
    [a, mine.programmeId],
    [b, theirs.programmeId],
  ] as const) {
    const side = await targetSide(org, programmeId);
    for (const kind of KINDS) expect(side[kind].resolutions).toEqual([]);
  }
});

test('a PROGRAMME_MANAGER links and unlinks only targets in its programmes; FINANCE and MEMBER never', async () => {
  const org = await newOrg(t);
  const [mine, other] = [await targets(org), await targets(org)];
  const r = await resolution(org);
  const pm = await org.user('PROGRAMME_MANAGER', [mine.programmeId]);
  const [finance, member] = [await org.user('FINANCE'), await org.user('MEMBER')];
  for (const kind of KINDS) {
    expect(linkedIds(ok(await t.gql(LINK, { id: r, target: { [kind]: mine[kind] } }, pm)).linkResolution)[kind]).toEqual([
      mine[kind],
    ]);
    expect(errorOf(await t.gql(LINK, { id: r, target: { [kind]: other[kind] } }, pm)).code).toBe('FORBIDDEN');
    for (const token of [finance, member]) {
      expect(errorOf(await t.gql(LINK, { id: r, target: { [kind]: other[kind] } }, token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(UNLINK, { id: r, target: { [kind]: mine[kind] } }, token)).code).toBe('FORBIDDEN');
    }
  }
  // the ADMIN links the other programme's targets; the PROGRAMME_MANAGER may not unlink them
  for (const kind of KINDS) ok(await t.gql(LINK, { id: r, target: { [kind]: other[kind] } }, org.admin));
  for (const kind of KINDS) {
    expect(errorOf(await t.gql(UNLINK, { id: r, target: { [kind]: other[kind] } }, pm)).code).toBe('FORBIDDEN');
    expect(linkedIds(ok(await t.gql(UNLINK, { id: r, target: { [kind]: mine[kind] } }, pm)).unlinkResolution)[kind]).toEqual([
      other[kind],
    ]);
  }
  const [mySide, otherSide] = [await targetSide(org, mine.programmeId), await targetSide(org, other.programmeId)];
  for (const kind of KINDS) {
    expect(mySide[kind].resolutions).toEqual([]);
    expect(otherSide[kind].resolutions).toEqual([r]);
  }
});

test('for a MEMBER a confidential risk is no target (NOT_FOUND) and is absent from Resolution.risks; others see it', async () => {
  const org = await newOrg(t);
  const open = await targets(org);
  const exempt = await targets(org, {
    reference: 'R09',
    title: 'Redundancy costs of named posts',
    category: 'FINANCIAL',
    confidential: true,
  });
  const r = await resolution(org);
  for (const riskId of [open.riskId, exempt.riskId]) ok(await t.gql(LINK, { id: r, target: { riskId } }, org.admin));
  const member = await org.user('MEMBER');
  expect(errorOf(await t.gql(LINK, { id: r, target: { riskId: exempt.riskId } }, member)).code).toBe('NOT_FOUND');
  expect(errorOf(await t.gql(UNLINK, { id: r, target: { riskId: exempt.riskId } }, member)).code).toBe('NOT_FOUND');
  expect(errorOf(await t.gql(LINK, { id: r, target: { riskId: open.riskId } }, member)).code).toBe('FORBIDDEN');

  const READ = `query($id: ID!) { programme(id: $id) { resolutions { risks { id reference } } } committees { meetings { resolutions { risks { id } } } } }`;
  await t.gql(LINK, { id: r, target: { programmeId: open.programmeId } }, org.admin).then(ok);
  const seen = ok(await t.gql(READ, { id: open.programmeId }, member));
  expect(seen.programme.resolutions[0].risks).toEqual([{ id: open.riskId, reference: 'R01' }]);
  expect(seen.committees[0].meetings[0].resolutions[0].risks).toEqual([{ id: open.riskId }]);
  const listed = ok(await t.gql(`{ resolutions { nodes { risks { id } } } }`, {}, member)).resolutions.nodes;
  expect(listed).toEqual([{ risks: [{ id: open.riskId }] }]);
  for (const role of ['ADMIN', 'PROGRAMME_MANAGER', 'FINANCE'] as const) {
    const token = role === 'ADMIN' ? org.admin : await org.user(role);
    const risks = ok(await t.gql(READ, { id: open.programmeId }, token)).programme.resolutions[0].risks.map(
      (x: { id: string }) => x.id,
    );
    expect(risks.sort()).toEqual([open.riskId, exempt.riskId].sort());
  }
});

test('Milestone.resolutions lists newest meeting first, then agenda item, then number; Resolution.milestones by forecast date, then title', async () => {
  const org = await newOrg(t);
  const programme = await org.programme();
  const rec = (date: string, item: string, number: string | undefined, text: string) => resolution(org, date, item, text, number);
  const rs = [
    await rec('2018-04-03', 'FAMILY HUBS MODEL', '2', 'That a risk register be kept.'),
    await rec('2018-06-28', 'UPDATE ON FAMILY HUBS', undefined, 'That the report be noted.'),
    await rec('2018-04-03', 'BUDGET', undefined, 'That the budget be agreed.'),
    await rec('2018-04-03', 'FAMILY HUBS MODEL', '1', 'That the model be agreed.'),
  ];
  const milestone = async (title: string, baselineDate: string, forecastDate?: string) =>
    ok(
      await t.gql(
        `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id } }`,
        {
          input: { programmeId: programme.id, title, baselineDate, forecastDate },
        },
        org.admin,
      ),
    ).createMilestone.id as string;
  const ms = [
    await milestone('Service changes', '2018-10-01'),
    await milestone('Area events', '2018-07-31', '2018-10-01'),
    await milestone('Model agreed', '2018-04-03'),
  ];
  for (const r of rs) for (const m of ms) ok(await t.gql(LINK, { id: r, target: { milestoneId: m } }, org.admin));
  const read = ok(
    await t.gql(
      `query($id: ID!) { programme(id: $id) { milestones { title resolutions { text milestones { title } } } } }`,
      { id: programme.id },
      org.admin,
    ),
  ).programme;
  expect(read.milestones.map((m: { title: string }) => m.title)).toEqual(['Model agreed', 'Area events', 'Service changes']);
  for (const m of read.milestones) {
    expect(m.resolutions.map((r: { text: string }) => r.text)).toEqual([
      'That the report be noted.',
      'That the budget be agreed.',
      'That the model be agreed.',
      'That a risk register be kept.',
    ]);
    for (const r of m.resolutions)
      expect(r.milestones).toEqual([{ title: 'Model agreed' }, { title: 'Area events' }, { title: 'Service changes' }]);
  }
});
