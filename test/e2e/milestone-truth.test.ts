import { londonToday } from '../../src/values/calendar-date';
import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

// Milestones that tell the truth: an actualDate only with COMPLETE and never in the future,
// overdue, and re-baselining with the history of baselines and the resolutions that approved them.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const FIELDS = `id baselineDate originalBaselineDate forecastDate actualDate status slippageDays overdue version
  baselines { baselineDate setOn reason resolution { id text } }`;
const CREATE = `mutation($input: MilestoneInput!) { createMilestone(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) {
  updateMilestone(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const REBASELINE = `mutation($id: ID!, $v: Int!, $date: Date!, $reason: String!, $resolutionId: ID) {
  rebaselineMilestone(id: $id, expectedVersion: $v, baselineDate: $date, reason: $reason, resolutionId: $resolutionId) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { programme(id: $id) { milestones { ${FIELDS} } } }`;

const tomorrow = () => new Date(Date.parse(`${londonToday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function milestone(org: Org, programmeId: string, fields: Record<string, unknown> = {}) {
  const input = { programmeId, title: 'Family hubs open', baselineDate: '2018-10-01', ...fields };
  return ok(await t.gql(CREATE, { input }, org.admin)).createMilestone;
}

async function resolution(org: Org, text: string) {
  const committee = ok(await t.gql(`mutation { createCommittee(name: "Cabinet") { id } }`, {}, org.admin)).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      { input: { committeeId: committee.id, date: '2018-09-12' } },
      org.admin,
    ),
  ).createMeeting;
  return ok(
    await t.gql(
      `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id text } }`,
      { input: { meetingId: meeting.id, agendaItem: 'Family Hubs', text } },
      org.admin,
    ),
  ).recordResolution;
}

describe('actualDate goes only with COMPLETE', () => {
  test('given with COMPLETE, or to a milestone already COMPLETE; leaving COMPLETE clears it', async () => {
    const org = await newOrg(t);
    const m = await milestone(org, (await org.programme()).id);
    const done = ok(await t.gql(UPDATE, { id: m.id, v: 1, input: { status: 'COMPLETE', actualDate: '2018-10-05' } }, org.admin));
    expect(done.updateMilestone).toMatchObject({ status: 'COMPLETE', actualDate: '2018-10-05', slippageDays: 4, overdue: false });
    const moved = ok(await t.gql(UPDATE, { id: m.id, v: 2, input: { actualDate: '2018-10-03' } }, org.admin)).updateMilestone;
    expect(moved).toMatchObject({ status: 'COMPLETE', actualDate: '2018-10-03', version: 3 });
    const reopened = ok(await t.gql(UPDATE, { id: m.id, v: 3, input: { status: 'AT_RISK' } }, org.admin)).updateMilestone;
    expect(reopened).toMatchObject({ status: 'AT_RISK', actualDate: null, slippageDays: 0, version: 4 });
    const trail = ok(
      await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { nodes { action changes } } }`, { id: m.id }, org.admin),
    ).auditTrail.nodes;
    expect(JSON.parse(trail[0].changes)).toEqual({ status: ['COMPLETE', 'AT_RISK'], actualDate: ['2018-10-03', null] });
  });

  test('with any other status, or in the future, is BAD_USER_INPUT on actualDate and writes nothing', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const m = await milestone(org, p.id);
    for (const input of [
      { actualDate: '2018-10-05' },
      { actualDate: '2018-10-05', status: 'ON_TRACK' },
      { actualDate: tomorrow(), status: 'COMPLETE' },
      { actualDate: '2999-01-01', status: 'COMPLETE' },
    ]) {
      expect(errorOf(await t.gql(UPDATE, { id: m.id, v: 1, input }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'actualDate',
      });
    }
    // a business rule: after NOT_FOUND and FORBIDDEN, before CONFLICT
    const member = await org.user('MEMBER');
    expect(errorOf(await t.gql(UPDATE, { id: m.id, v: 1, input: { actualDate: '2018-10-05' } }, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(UPDATE, { id: m.id, v: 9, input: { actualDate: '2018-10-05' } }, org.admin)).code).toBe(
      'BAD_USER_INPUT',
    );
    const [read] = ok(await t.gql(ONE, { id: p.id }, org.admin)).programme.milestones;
    expect(read).toMatchObject({ status: 'NOT_STARTED', actualDate: null, version: 1 });
    // today is not the future
    expect(
      ok(await t.gql(UPDATE, { id: m.id, v: 1, input: { actualDate: londonToday(), status: 'COMPLETE' } }, org.admin))
        .updateMilestone.actualDate,
    ).toBe(londonToday());
  });
});

test('overdue: not COMPLETE and forecastDate before today, as a field and a filter', async () => {
  const org = await newOrg(t);
  const p = await org.programme();
  const late = await milestone(org, p.id, { title: 'Late', forecastDate: '2018-11-01' });
  const future = await milestone(org, p.id, { title: 'Future', baselineDate: '2999-01-01' });
  const done = await milestone(org, p.id, { title: 'Done' });
  ok(await t.gql(UPDATE, { id: done.id, v: 1, input: { status: 'COMPLETE', actualDate: '2018-10-01' } }, org.admin));
  expect([late.overdue, future.overdue]).toEqual([true, false]);
  const titles = async (overdue: boolean) =>
    ok(
      await t.gql(
        `query($f: MilestoneFilter) { milestones(filter: $f) { totalCount nodes { title overdue } } }`,
        { f: { overdue } },
        org.admin,
      ),
    ).milestones;
  expect(await titles(true)).toEqual({ totalCount: 1, nodes: [{ title: 'Late', overdue: true }] });
  expect((await titles(false)).nodes.map((n: { title: string }) => n.title)).toEqual(['Done', 'Future']);
});

describe('rebaselineMilestone', () => {
  test('moves the baseline, keeps the earlier ones with the approving resolution; forecast unchanged', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const pm = await org.user('PROGRAMME_MANAGER', [p.id]);
    const approval = await resolution(org, 'That the opening of the family hubs be moved to 1 December 2018.');
    const m = await milestone(org, p.id, { forecastDate: '2018-12-10' });
    expect(m.baselines).toEqual([{ baselineDate: '2018-10-01', setOn: londonToday(), reason: null, resolution: null }]);
    expect(m).toMatchObject({ slippageDays: 70, originalBaselineDate: '2018-10-01' });
    const moved = ok(
      await t.gql(
        REBASELINE,
        { id: m.id, v: 1, date: '2018-12-01', reason: 'Cabinet approved a later opening', resolutionId: approval.id },
        pm,
      ),
    ).rebaselineMilestone;
    expect(moved).toMatchObject({
      baselineDate: '2018-12-01',
      originalBaselineDate: '2018-10-01',
      forecastDate: '2018-12-10',
      slippageDays: 9,
      version: 2,
    });
    const again = ok(
      await t.gql(REBASELINE, { id: m.id, v: 2, date: '2019-01-07', reason: 'Building works' }, pm),
    ).rebaselineMilestone;
    expect(again.baselines).toEqual([
      { baselineDate: '2019-01-07', setOn: londonToday(), reason: 'Building works', resolution: null },
      { baselineDate: '2018-12-01', setOn: londonToday(), reason: 'Cabinet approved a later opening', resolution: approval },
      { baselineDate: '2018-10-01', setOn: londonToday(), reason: null, resolution: null },
    ]);
    expect(again).toMatchObject({ slippageDays: -28, originalBaselineDate: '2018-10-01', version: 3 });
    const [read] = ok(await t.gql(ONE, { id: p.id }, org.admin)).programme.milestones;
    expect(read).toEqual(again);
    const trail = ok(
      await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { nodes { action changes } } }`, { id: m.id }, org.admin),
    ).auditTrail.nodes;
    expect(trail[1].action).toBe('milestone.rebaselined');
    expect(JSON.parse(trail[1].changes)).toEqual({
      baselineDate: ['2018-10-01', '2018-12-01'],
      reason: [null, 'Cabinet approved a later opening'],
      resolutionId: [null, approval.id],
    });
  });

  test('blank reason, NOT_FOUND (milestone or resolution), FORBIDDEN and CONFLICT in the contract’s order; nothing written', async () => {
    const org = await newOrg(t);
    const [p, other] = [await org.programme(), await org.programme()];
    const m = await milestone(org, p.id);
    const theirs = await newOrg(t);
    const elsewhere = await resolution(theirs, 'Their resolution');
    const unassigned = await org.user('PROGRAMME_MANAGER', [other.id]);
    const member = await org.user('MEMBER');
    const send = (variables: Record<string, unknown>, token = org.admin) =>
      t.gql(REBASELINE, { id: m.id, v: 1, date: '2019-01-01', reason: 'Later', ...variables }, token);
    expect(errorOf(await send({ id: 'nonsense', reason: ' ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(errorOf(await send({ date: '2019-02-30' })).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await send({ id: 'nonsense' })).code).toBe('NOT_FOUND');
    expect(errorOf(await send({}, theirs.admin)).code).toBe('NOT_FOUND');
    expect(errorOf(await send({ resolutionId: elsewhere.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await send({ resolutionId: elsewhere.id }, member)).code).toBe('NOT_FOUND');
    expect(errorOf(await send({}, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await send({}, unassigned)).code).toBe('FORBIDDEN');
    expect(errorOf(await send({ v: 2 })).code).toBe('CONFLICT');
    const [read] = ok(await t.gql(ONE, { id: p.id }, org.admin)).programme.milestones;
    expect(read).toMatchObject({ baselineDate: '2018-10-01', version: 1, baselines: [{ baselineDate: '2018-10-01' }] });
  });
});
