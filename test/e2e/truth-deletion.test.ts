import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { ADD_MITIGATION, ASSESS, newRisk } from './risk-helpers';

// Records entered in error: deleteRisk (with its mitigations, assessments and links),
// deleteMitigation and deleteMilestone leave every read, count, total, matrix and link; the audit
// trail keeps each one's last state and the reason.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const DELETE_RISK = `mutation($id: ID!, $v: Int!, $reason: String!) { deleteRisk(id: $id, expectedVersion: $v, reason: $reason) { id entityType reason } }`;
const DELETE_MITIGATION = `mutation($id: ID!, $v: Int!, $reason: String!) { deleteMitigation(id: $id, expectedVersion: $v, reason: $reason) { id entityType reason } }`;
const DELETE_MILESTONE = `mutation($id: ID!, $v: Int!, $reason: String!) { deleteMilestone(id: $id, expectedVersion: $v, reason: $reason) { id entityType reason } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { nodes { action changes } } }`;
const VIEW = `query($p: ID!, $r: ID!, $m: ID!) {
  risks { totalCount nodes { id } }
  riskMatrix { total }
  mitigations { totalCount nodes { id } }
  milestones { totalCount nodes { id } }
  risk(id: $r) { id }
  mitigation(id: $m) { id }
  programme(id: $p) { risks { id } milestones { id } }
  resolutions { nodes { id risks { id } milestones { id } } } }`;

/** A programme with a linked risk (assessed, with a mitigation) and a linked, re-baselined milestone. */
async function register(org: Org) {
  const p = await org.programme();
  const risk = await newRisk(t, org, p.id, { reference: 'R01', identifiedOn: '2018-04-03' });
  ok(await t.gql(ASSESS, { id: risk.id, v: 1, input: { likelihood: 2, impact: 2, assessedOn: '2018-06-01' } }, org.admin));
  const mitigation = ok(
    await t.gql(ADD_MITIGATION, { id: risk.id, input: { action: 'Brief members' } }, org.admin),
  ).addMitigation;
  const milestone = ok(
    await t.gql(
      `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id } }`,
      { input: { programmeId: p.id, title: 'Hubs open', baselineDate: '2018-10-01' } },
      org.admin,
    ),
  ).createMilestone;
  ok(
    await t.gql(
      `mutation($id: ID!) { rebaselineMilestone(id: $id, expectedVersion: 1, baselineDate: "2018-12-01", reason: "Later") { id } }`,
      { id: milestone.id },
      org.admin,
    ),
  );
  const committee = ok(await t.gql(`mutation { createCommittee(name: "Cabinet") { id } }`, {}, org.admin)).createCommittee;
  const meeting = ok(
    await t.gql(
      `mutation($input: MeetingInput!) { createMeeting(input: $input) { id } }`,
      { input: { committeeId: committee.id, date: '2018-09-12' } },
      org.admin,
    ),
  ).createMeeting;
  const resolution = ok(
    await t.gql(
      `mutation($input: ResolutionInput!) { recordResolution(input: $input) { id } }`,
      { input: { meetingId: meeting.id, agendaItem: 'Family Hubs', text: 'Noted.' } },
      org.admin,
    ),
  ).recordResolution;
  for (const target of [{ riskId: risk.id }, { milestoneId: milestone.id }])
    ok(
      await t.gql(
        `mutation($id: ID!, $target: LinkTarget!) { linkResolution(resolutionId: $id, target: $target) { id } }`,
        { id: resolution.id, target },
        org.admin,
      ),
    );
  return { p, risk: { id: risk.id, version: 2 }, mitigation, milestone: { id: milestone.id, version: 2 }, resolution };
}

const view = async (org: Org, r: Awaited<ReturnType<typeof register>>) =>
  ok(await t.gql(VIEW, { p: r.p.id, r: r.risk.id, m: r.mitigation.id }, org.admin));

describe('deleteRisk', () => {
  test('the risk, its mitigations, assessments and links leave every read; the trail keeps them and the reason', async () => {
    const org = await newOrg(t);
    const r = await register(org);
    const before = await view(org, r);
    expect([before.risks.totalCount, before.riskMatrix.total, before.mitigations.totalCount]).toEqual([1, 1, 1]);
    const pm = await org.user('PROGRAMME_MANAGER', [r.p.id]);
    const deleted = ok(await t.gql(DELETE_RISK, { id: r.risk.id, v: 2, reason: 'Entered twice' }, pm)).deleteRisk;
    expect(deleted).toEqual({ id: r.risk.id, entityType: 'Risk', reason: 'Entered twice' });
    const after = await view(org, r);
    expect(after).toMatchObject({
      risks: { totalCount: 0, nodes: [] },
      riskMatrix: { total: 0 },
      mitigations: { totalCount: 0, nodes: [] },
      risk: null,
      mitigation: null,
      programme: { risks: [] },
      resolutions: { nodes: [{ id: r.resolution.id, risks: [], milestones: [{ id: r.milestone.id }] }] },
    });
    const trail = ok(await t.gql(TRAIL, { id: r.risk.id }, org.admin)).auditTrail.nodes;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['risk.deleted', 'risk.assessed', 'risk.created']);
    const last = JSON.parse(trail[0].changes);
    expect(last).toMatchObject({
      reference: ['R01', null],
      reason: [null, 'Entered twice'],
      resolutionIds: [[r.resolution.id], null],
    });
    expect(last.assessments[0]).toHaveLength(2);
    const mitigationTrail = ok(await t.gql(TRAIL, { id: r.mitigation.id }, org.admin)).auditTrail.nodes;
    expect(mitigationTrail[0]).toMatchObject({ action: 'mitigation.deleted' });
    // its reference is free again
    await newRisk(t, org, r.p.id, { reference: 'R01' });
  });

  test('blank reason, NOT_FOUND, FORBIDDEN and CONFLICT in the contract’s order; nothing is deleted', async () => {
    const org = await newOrg(t);
    const r = await register(org);
    const secret = await newRisk(t, org, r.p.id, { reference: 'R02', confidential: true });
    const [member, other] = [await org.user('MEMBER'), await newOrg(t)];
    const unassigned = await org.user('PROGRAMME_MANAGER', [(await org.programme()).id]);
    const send = (variables: Record<string, unknown>, token = org.admin) =>
      t.gql(DELETE_RISK, { id: r.risk.id, v: 2, reason: 'Error', ...variables }, token);
    expect(errorOf(await send({ id: 'nonsense', reason: '  ' }, member))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect(errorOf(await send({ id: 'nonsense' })).code).toBe('NOT_FOUND');
    expect(errorOf(await send({}, other.admin)).code).toBe('NOT_FOUND');
    expect(errorOf(await send({ id: secret.id, v: 1 }, member)).code).toBe('NOT_FOUND');
    expect(errorOf(await send({}, member)).code).toBe('FORBIDDEN');
    expect(errorOf(await send({}, unassigned)).code).toBe('FORBIDDEN');
    expect(errorOf(await send({ v: 1 })).code).toBe('CONFLICT');
    expect((await view(org, r)).risks.totalCount).toBe(2);
    // a closed risk may be deleted too
    ok(
      await t.gql(
        `mutation($id: ID!) { closeRisk(id: $id, expectedVersion: 1, reason: "Gone") { id } }`,
        { id: secret.id },
        org.admin,
      ),
    );
    expect(ok(await send({ id: secret.id, v: 2 })).deleteRisk.id).toBe(secret.id);
  });
});

describe('deleteMitigation', () => {
  test('the mitigation leaves its risk and every list; the risk’s version does not change', async () => {
    const org = await newOrg(t);
    const r = await register(org);
    expect(errorOf(await t.gql(DELETE_MITIGATION, { id: r.mitigation.id, v: 2, reason: 'Dup' }, org.admin)).code).toBe(
      'CONFLICT',
    );
    expect(
      errorOf(await t.gql(DELETE_MITIGATION, { id: r.mitigation.id, v: 1, reason: 'Dup' }, await org.user('MEMBER'))).code,
    ).toBe('FORBIDDEN');
    const deleted = ok(await t.gql(DELETE_MITIGATION, { id: r.mitigation.id, v: 1, reason: 'Duplicate' }, org.admin));
    expect(deleted.deleteMitigation).toEqual({ id: r.mitigation.id, entityType: 'Mitigation', reason: 'Duplicate' });
    const after = await view(org, r);
    expect(after).toMatchObject({ mitigations: { totalCount: 0 }, mitigation: null, risk: { id: r.risk.id } });
    const risk = ok(
      await t.gql(`query($id: ID!) { risk(id: $id) { version mitigations { id } } }`, { id: r.risk.id }, org.admin),
    ).risk;
    expect(risk).toEqual({ version: 2, mitigations: [] });
    const trail = ok(await t.gql(TRAIL, { id: r.mitigation.id }, org.admin)).auditTrail.nodes;
    expect(JSON.parse(trail[0].changes)).toMatchObject({ action: ['Brief members', null], reason: [null, 'Duplicate'] });
    expect(errorOf(await t.gql(DELETE_MITIGATION, { id: r.mitigation.id, v: 1, reason: 'Again' }, org.admin)).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('deleteMilestone', () => {
  test('the milestone, its baselines and links leave every read; the trail keeps them and the reason', async () => {
    const org = await newOrg(t);
    const r = await register(org);
    expect(errorOf(await t.gql(DELETE_MILESTONE, { id: r.milestone.id, v: 2, reason: ' ' }, org.admin)).field).toBe('reason');
    expect(errorOf(await t.gql(DELETE_MILESTONE, { id: r.milestone.id, v: 1, reason: 'X' }, org.admin)).code).toBe('CONFLICT');
    expect(errorOf(await t.gql(DELETE_MILESTONE, { id: r.milestone.id, v: 2, reason: 'X' }, (await newOrg(t)).admin)).code).toBe(
      'NOT_FOUND',
    );
    const deleted = ok(await t.gql(DELETE_MILESTONE, { id: r.milestone.id, v: 2, reason: 'Test milestone' }, org.admin));
    expect(deleted.deleteMilestone).toEqual({ id: r.milestone.id, entityType: 'Milestone', reason: 'Test milestone' });
    const after = await view(org, r);
    expect(after).toMatchObject({
      milestones: { totalCount: 0, nodes: [] },
      programme: { milestones: [] },
      resolutions: { nodes: [{ milestones: [], risks: [{ id: r.risk.id }] }] },
    });
    const trail = ok(await t.gql(TRAIL, { id: r.milestone.id }, org.admin)).auditTrail.nodes;
    expect(trail.map((e: { action: string }) => e.action)).toEqual([
      'milestone.deleted',
      'milestone.rebaselined',
      'milestone.created',
    ]);
    expect(JSON.parse(trail[0].changes)).toMatchObject({
      title: ['Hubs open', null],
      baselines: [[{ baselineDate: '2018-12-01', reason: 'Later' }], null],
      reason: [null, 'Test milestone'],
    });
  });
});
