import { UPDATE_RESOLUTION, committee, meeting, record, someResolution, lastEvent } from '../support/decision-trail';
import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

// Deleting a resolution entered in error (deleteResolution): its links, responses and outcome, and what it refuses.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const DELETE_RESOLUTION = `mutation($id: ID!, $v: Int!, $reason: String!) {
  deleteResolution(id: $id, expectedVersion: $v, reason: $reason) { id entityType reason } }`;

describe('deleteResolution', () => {
  test('a resolution entered in error goes with its links and responses; the trail keeps its last state and the reason', async () => {
    const org = await newOrg(t);
    const panel = await committee(t, org, 'Scrutiny Panel');
    const exec = await committee(t, org, 'Executive');
    const p = await org.programme({ code: 'FH-2018' });
    const line = ok(
      await t.gql(
        `mutation($p: ID!) { createSavingsLine(input: {programmeId: $p, description: "Staffing", category: STAFFING,
          financialYear: "2018/19", planned: "1000"}) { id } }`,
        { p: p.id },
        org.admin,
      ),
    ).createSavingsLine;
    const recommendation = await record(t, org, {
      meetingId: await meeting(t, org, panel.id, '2018-09-04'),
      agendaItem: 'FAMILY HUBS',
      text: 'That the Executive adopt the model.',
      kind: 'RECOMMENDATION',
      referredToCommitteeId: exec.id,
    });
    const execMeeting = await meeting(t, org, exec.id, '2018-10-02');
    const typo = await record(t, org, {
      meetingId: execMeeting,
      agendaItem: 'FAMILY HUBS',
      number: '1',
      text: 'Typed in error.',
    });
    const kept = await record(t, org, {
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

    const event = await lastEvent(t, org, typo.id);
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
    expect(await lastEvent(t, org, recommendation.id)).toMatchObject({
      action: 'resolution.responseDeleted',
      changes: { respondedBy: [typo.id, null], outcome: ['ACCEPTED', 'PENDING'] },
    });
    // the number is free again
    expect(
      await record(t, org, { meetingId: execMeeting, agendaItem: 'FAMILY HUBS', number: '1', text: 'That it be noted.' }),
    ).toMatchObject({
      number: '1',
    });
  });

  test('a recommendation that still has a response keeps its outcome; deleting a recommendation takes its responses', async () => {
    const org = await newOrg(t);
    const panel = await committee(t, org, 'Scrutiny Panel');
    const exec = await committee(t, org, 'Executive');
    const rec = await record(t, org, {
      meetingId: await meeting(t, org, panel.id, '2018-09-04'),
      agendaItem: 'HUBS',
      text: 'That the Executive adopt the model.',
      kind: 'RECOMMENDATION',
    });
    const execMeeting = await meeting(t, org, exec.id, '2018-10-02');
    const [first, second] = [
      await record(t, org, { meetingId: execMeeting, agendaItem: 'HUBS', number: '1', text: 'That it be adopted in part.' }),
      await record(t, org, { meetingId: execMeeting, agendaItem: 'HUBS', number: '2', text: 'That it be adopted.' }),
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
    expect((await lastEvent(t, org, rec.id)).changes).toEqual({ respondedBy: [first.id, null] });

    ok(await t.gql(DELETE_RESOLUTION, { id: rec.id, v: 1, reason: 'Not a recommendation' }, org.admin));
    const DECISIONS = `{ resolutions { nodes { id respondsTo { id } } } }`;
    expect(ok(await t.gql(DECISIONS, {}, org.admin)).resolutions.nodes).toEqual([{ id: second.id, respondsTo: [] }]);
    expect((await lastEvent(t, org, rec.id)).changes).toMatchObject({ respondedBy: [[second.id], null], respondsTo: [[], null] });
  });

  test('a blank reason, then NOT_FOUND, then FORBIDDEN, then a stale version; nothing is deleted', async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const r = await someResolution(t, org);
    const theirs = await someResolution(t, other);
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
  const r = await someResolution(t, org);
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
