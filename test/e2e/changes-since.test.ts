import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { londonToday } from '../../src/values/calendar-date';
import { CHANGES, writer } from './changes-since-helpers';

// changesSince over HTTP: every list and its rule, business events by their own dates (late-entered
// assessments and completions included), moves by when they were recorded, a confidential risk
// hidden from a MEMBER, and another organisation's programme and meeting.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const MEETING = '2025-06-30';

/** A programme with something of every kind before and after the meeting of MEETING. */
async function programmeWithHistory(org: Org) {
  const w = writer(t, org);
  const p = await org.programme({ code: 'FH-2025' });
  const meeting = await w.meeting(MEETING);

  // R01 moved: 16, then 12 before the meeting, 6 after it; a review dated before the meeting but
  // typed after it (3x3) is what stood at the meeting
  let r01 = await w.risk(p.id, 'R01', '2025-01-10', [4, 4]);
  r01 = await w.assess(r01, '2025-03-01', [3, 4], 'Staff briefed');
  r01 = await w.assess(r01, '2025-08-01', [2, 3], 'Step-up pathways agreed');
  r01 = await w.assess(r01, '2025-06-15', [3, 3], 'Review before the meeting, typed late');
  // R02 moved only before the meeting; R03's only re-assessment is dated before it (typed late)
  const r02 = await w.risk(p.id, 'R02', '2025-02-01', [3, 3]);
  await w.assess(r02, '2025-05-01', [4, 4]);
  const r03 = await w.risk(p.id, 'R03', '2025-02-01', [2, 2]);
  await w.assess(r03, '2025-06-20', [5, 5], 'Late entry');
  // identified after the meeting; closed after and before it
  await w.risk(p.id, 'R04', '2025-09-01', [2, 2]);
  await w.close(await w.risk(p.id, 'R05', '2025-01-01', [2, 2]), '2025-07-15');
  await w.close(await w.risk(p.id, 'R06', '2025-01-01', [2, 2]), '2025-06-01');
  // a confidential risk that moved, with a completed mitigation and a resolution; another identified after
  let c01 = await w.risk(p.id, 'C01', '2025-01-01', [5, 5], { confidential: true });
  c01 = await w.assess(c01, '2025-07-01', [1, 1], 'Exempt');
  await w.mitigation(c01.id, { action: 'Exempt action', status: 'COMPLETE', dueDate: '2025-07-01' });
  await w.updateMitigation(await w.mitigation(c01.id, { action: 'Exempt reschedule', dueDate: '2999-01-01' }), {
    dueDate: '2999-02-01',
  });
  await w.risk(p.id, 'C02', '2025-09-01', [2, 2], { confidential: true });

  // mitigations of R01
  const done = await w.mitigation(r01.id, { action: 'Brief social care', dueDate: '2025-06-01' });
  await w.updateMitigation(done, { status: 'COMPLETE', completedOn: '2025-07-01' });
  await w
    .mitigation(r01.id, { action: 'Done before', status: 'IN_PROGRESS', dueDate: '2025-05-01' })
    .then((m) => w.updateMitigation(m, { status: 'COMPLETE', completedOn: '2025-06-01' }));
  await w.mitigation(r01.id, { action: 'Train staff', dueDate: '2025-09-30' });
  await w.mitigation(r01.id, { action: 'Long overdue', dueDate: '2025-05-01' });
  await w.updateMitigation(await w.mitigation(r01.id, { action: 'Move offices', dueDate: '2999-01-01' }), {
    dueDate: '2999-03-01',
  });
  await w.updateMitigation(await w.mitigation(r01.id, { action: 'Agree a date' }), { dueDate: '2999-02-01' });
  await w.updateMitigation(await w.mitigation(r01.id, { action: 'New owner', dueDate: '2999-01-01' }), {
    owner: 'Head of Early Help',
  });

  // milestones: forecast moved, completed after the meeting, re-baselined, renamed only
  await w.updateMilestone(await w.milestone(p.id, 'Hubs open', '2026-12-01'), { forecastDate: '2027-01-15' });
  await w.updateMilestone(await w.milestone(p.id, 'Consultation closes', '2025-07-01'), {
    status: 'COMPLETE',
    actualDate: '2025-07-10',
  });
  await w.updateMilestone(await w.milestone(p.id, 'Old milestone', '2025-05-01'), {
    status: 'COMPLETE',
    actualDate: '2025-06-10',
  });
  await w.rebaseline(await w.milestone(p.id, 'Staff consulted', '2027-01-01'), '2027-02-01');
  await w.updateMilestone(await w.milestone(p.id, 'Renamed', '2027-01-01'), { title: 'Renamed again' });

  // savings: re-forecast, rephased (and the line it made), written off (forecast floors at 0), re-rated, renamed
  const finance = await org.user('FINANCE');
  const reforecast = await w.line(p.id, 'Agency staff', '100000', {}, finance);
  await w.updateLine(reforecast, { forecast: '80000' }, finance);
  await w.rephase(await w.line(p.id, 'Restructure', '100000', { reference: 'FH-01' }), '2026/27', '20000');
  await w.writeOff(await w.line(p.id, 'Buildings', '50000', { forecast: '5000' }), '10000');
  await w.updateLine(await w.line(p.id, 'Income', '30000'), { deliveryConfidence: 'AMBER' });
  await w.updateLine(await w.line(p.id, 'Renamed line', '1000'), { description: 'Renamed line again' });
  await w.deliver(reforecast.id, '5000', '2025-05-01', 'GL-1');
  await w.deliver(reforecast.id, '7000', '2025-07-02', 'GL-3');
  await w.deliver(reforecast.id, '6000', '2025-07-01', 'GL-2');
  await w.deliver(reforecast.id, '-1000', '2025-07-02', 'GL-4');

  // resolutions: at the meeting itself (excluded), after it, after it on a confidential risk, unlinked
  await w.resolution(meeting.id, 'At the meeting', { programmeId: p.id });
  const later = await w.meeting('2025-07-20');
  const hubs = await w.resolution(later.id, 'That the hubs open in January', { programmeId: p.id });
  // linked to the programme and to one of its risks: listed once
  await w.link(hubs.id, { riskId: r01.id });
  await w.resolution(later.id, 'Exempt: that the risk be closed', { riskId: c01.id });
  await w.resolution(later.id, 'About something else', null);

  // committee actions: open ones (whenever given, overdue or not), done, dropped, another programme's, none
  const other = await org.programme();
  await w.action({ meetingId: meeting.id, programmeId: p.id, text: 'Dashboard to Members', dueDate: '2025-09-01' });
  await w.action({ meetingId: later.id, programmeId: p.id, text: 'Report back in six months', dueDate: '2999-01-01' });
  await w.action({ meetingId: meeting.id, programmeId: p.id, text: 'Undated undertaking' });
  await w.action({ meetingId: meeting.id, programmeId: p.id, text: 'Given long ago', dueDate: '2025-01-01' });
  await w.updateAction(await w.action({ meetingId: meeting.id, programmeId: p.id, text: 'Done already' }), {
    status: 'DONE',
    completedOn: '2025-07-01',
  });
  await w.updateAction(await w.action({ meetingId: meeting.id, programmeId: p.id, text: 'Dropped' }), { status: 'DROPPED' });
  await w.action({ meetingId: meeting.id, programmeId: other.id, text: 'About another programme' });
  await w.action({ meetingId: meeting.id, text: 'About no programme' });
  return { p, meeting };
}

describe('changesSince', () => {
  let org: Org;
  let p: { id: string };
  let meeting: { id: string };
  beforeAll(async () => {
    org = await newOrg(t);
    ({ p, meeting } = await programmeWithHistory(org));
  }, 120_000);

  test('every list, as an ADMIN sees it after a meeting', async () => {
    const changes = ok(await t.gql(CHANGES, { p: p.id, meeting: meeting.id }, org.admin)).changesSince;
    expect(changes.since).toBe(MEETING);
    expect(changes.programme).toEqual({ code: 'FH-2025' });
    expect(changes.riskMoves).toEqual([
      {
        risk: { reference: 'R01' },
        before: { likelihood: 3, impact: 3, score: 9, rating: 'AMBER' },
        after: { likelihood: 2, impact: 3, score: 6, rating: 'AMBER' },
        assessments: [{ assessedOn: '2025-08-01', score: 6, note: 'Step-up pathways agreed' }],
      },
      {
        risk: { reference: 'C01' },
        before: { likelihood: 5, impact: 5, score: 25, rating: 'RED' },
        after: { likelihood: 1, impact: 1, score: 1, rating: 'GREEN' },
        assessments: [{ assessedOn: '2025-07-01', score: 1, note: 'Exempt' }],
      },
    ]);
    expect(changes.newRisks).toEqual([{ reference: 'C02' }, { reference: 'R04' }]);
    expect(changes.closedRisks).toEqual([{ reference: 'R05', closedOn: '2025-07-15' }]);
    expect(changes.mitigationsCompleted).toEqual([
      { action: 'Brief social care', completedOn: '2025-07-01' },
      { action: 'Exempt action', completedOn: expect.any(String) },
    ]);
    expect(changes.mitigationsNowOverdue).toEqual([{ action: 'Train staff', dueDate: '2025-09-30', overdue: true }]);
    expect(changes.mitigationsRescheduled).toEqual([
      { mitigation: { action: 'Exempt reschedule' }, dueDateBefore: '2999-01-01', dueDateAfter: '2999-02-01' },
      { mitigation: { action: 'Agree a date' }, dueDateBefore: null, dueDateAfter: '2999-02-01' },
      { mitigation: { action: 'Move offices' }, dueDateBefore: '2999-01-01', dueDateAfter: '2999-03-01' },
    ]);
    expect(changes.milestonesMoved).toEqual([
      {
        milestone: { title: 'Consultation closes' },
        forecastDateBefore: '2025-07-01',
        forecastDateAfter: '2025-07-01',
        slippageChange: 9,
      },
      {
        milestone: { title: 'Staff consulted' },
        forecastDateBefore: '2027-01-01',
        forecastDateAfter: '2027-01-01',
        slippageChange: -31,
      },
      {
        milestone: { title: 'Hubs open' },
        forecastDateBefore: '2026-12-01',
        forecastDateAfter: '2027-01-15',
        slippageChange: 45,
      },
    ]);
    const line = (description: string, financialYear: string, f: string[], pl: string[]) => ({
      savingsLine: { description, financialYear },
      forecastBefore: f[0],
      forecastAfter: f[1],
      plannedBefore: pl[0],
      plannedAfter: pl[1],
    });
    expect(changes.savingsChanged).toEqual([
      line('Agency staff', '2025/26', ['100000.00', '80000.00'], ['100000.00', '100000.00']),
      line('Buildings', '2025/26', ['5000.00', '0.00'], ['50000.00', '40000.00']),
      line('Income', '2025/26', ['30000.00', '30000.00'], ['30000.00', '30000.00']),
      line('Restructure', '2025/26', ['100000.00', '80000.00'], ['100000.00', '80000.00']),
      line('Restructure', '2026/27', ['0.00', '20000.00'], ['0.00', '20000.00']),
    ]);
    expect(changes.deliveries).toEqual([
      { amount: '6000.00', recordedOn: '2025-07-01', ledgerReference: 'GL-2' },
      { amount: '7000.00', recordedOn: '2025-07-02', ledgerReference: 'GL-3' },
      { amount: '-1000.00', recordedOn: '2025-07-02', ledgerReference: 'GL-4' },
    ]);
    expect(changes.resolutions).toEqual([
      { text: 'Exempt: that the risk be closed', meeting: { date: '2025-07-20' } },
      { text: 'That the hubs open in January', meeting: { date: '2025-07-20' } },
    ]);
    // open now, whenever given: by dueDate (none last), then meeting date
    expect(changes.openActions).toEqual([
      { text: 'Given long ago', dueDate: '2025-01-01', status: 'OPEN', overdue: true, meeting: { date: MEETING } },
      { text: 'Dashboard to Members', dueDate: '2025-09-01', status: 'OPEN', overdue: true, meeting: { date: MEETING } },
      {
        text: 'Report back in six months',
        dueDate: '2999-01-01',
        status: 'OPEN',
        overdue: false,
        meeting: { date: '2025-07-20' },
      },
      { text: 'Undated undertaking', dueDate: null, status: 'OPEN', overdue: false, meeting: { date: MEETING } },
    ]);
  });

  test('a MEMBER sees nothing of a confidential risk in any list', async () => {
    const member = await org.user('MEMBER');
    const changes = ok(await t.gql(CHANGES, { p: p.id, since: MEETING }, member)).changesSince;
    const text = JSON.stringify(changes);
    expect(text).not.toMatch(/C01|C02|Exempt/);
    expect(changes.riskMoves.map((m: { risk: { reference: string } }) => m.risk.reference)).toEqual(['R01']);
    expect(changes.newRisks).toEqual([{ reference: 'R04' }]);
    expect(changes.mitigationsCompleted).toEqual([{ action: 'Brief social care', completedOn: '2025-07-01' }]);
    expect(changes.resolutions).toEqual([{ text: 'That the hubs open in January', meeting: { date: '2025-07-20' } }]);
    // what is not about risks is the same for every role
    const admin = ok(await t.gql(CHANGES, { p: p.id, since: MEETING }, org.admin)).changesSince;
    for (const list of ['closedRisks', 'milestonesMoved', 'savingsChanged', 'deliveries', 'openActions'])
      expect(changes[list]).toEqual(admin[list]);
  });

  test('since a date is the meeting by that date; the day itself is excluded', async () => {
    const byDate = ok(await t.gql(CHANGES, { p: p.id, since: MEETING }, org.admin)).changesSince;
    const byMeeting = ok(await t.gql(CHANGES, { p: p.id, meeting: meeting.id }, org.admin)).changesSince;
    expect(byDate).toEqual(byMeeting);
    const dayAfter = ok(await t.gql(CHANGES, { p: p.id, since: '2025-07-01' }, org.admin)).changesSince;
    expect(dayAfter.closedRisks).toEqual([{ reference: 'R05', closedOn: '2025-07-15' }]);
    // completed on 2025-07-01 and delivered on 2025-07-01 are no longer after it
    expect(dayAfter.mitigationsCompleted.map((m: { action: string }) => m.action)).not.toContain('Brief social care');
    expect(dayAfter.deliveries.map((d: { ledgerReference: string }) => d.ledgerReference)).toEqual(['GL-3', 'GL-4']);
  });

  test('moves count by when they were recorded: since today, nothing recorded today has moved', async () => {
    const today = ok(await t.gql(CHANGES, { p: p.id, since: londonToday() }, org.admin)).changesSince;
    expect(today).toMatchObject({
      riskMoves: [],
      newRisks: [],
      closedRisks: [],
      mitigationsCompleted: [],
      mitigationsRescheduled: [],
      milestonesMoved: [],
      savingsChanged: [],
      deliveries: [],
      resolutions: [],
    });
  });

  test('before the programme began, every risk is new and nothing had a score to move from', async () => {
    const early = ok(await t.gql(CHANGES, { p: p.id, since: '2024-12-31' }, org.admin)).changesSince;
    expect(early.riskMoves).toEqual([]);
    expect(early.newRisks.map((r: { reference: string }) => r.reference)).toEqual([
      'C01',
      'C02',
      'R01',
      'R02',
      'R03',
      'R04',
      'R05',
      'R06',
    ]);
  });
});

describe('changesSince: arguments and visibility', () => {
  test('exactly one of since and meetingId, checked first (BAD_USER_INPUT, field since)', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const meeting = await writer(t, org).meeting('2025-01-01');
    for (const args of [{}, { since: '2025-01-01', meeting: meeting.id }]) {
      expect(errorOf(await t.gql(CHANGES, { p: p.id, ...args }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'since',
      });
      // before an invisible programme would answer null
      const other = await newOrg(t);
      expect(errorOf(await t.gql(CHANGES, { p: p.id, ...args }, other.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'since',
      });
    }
    expect(errorOf(await t.gql(CHANGES, { p: p.id, since: '2025-02-30' }, org.admin)).code).toBe('BAD_USER_INPUT');
    const literal = `{ changesSince(programmeId: "${p.id}", since: "yesterday") { since } }`;
    expect(errorOf(await t.gql(literal, {}, org.admin)).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await t.gql(CHANGES, { p: p.id, since: '2025-01-01' })).code).toBe('UNAUTHENTICATED');
  });

  test("another organisation's programme or meeting, or an id that is none, answers null", async () => {
    const [ours, theirs] = [await newOrg(t), await newOrg(t)];
    const p = await ours.programme();
    const q = await theirs.programme();
    const ourMeeting = await writer(t, ours).meeting('2025-01-01');
    const theirMeeting = await writer(t, theirs).meeting('2025-01-01');
    const member = await ours.user('MEMBER');
    for (const token of [ours.admin, member]) {
      const answer = async (vars: Record<string, unknown>) => ok(await t.gql(CHANGES, vars, token)).changesSince;
      expect(await answer({ p: q.id, since: '2025-01-01' })).toBeNull();
      expect(await answer({ p: p.id, meeting: theirMeeting.id })).toBeNull();
      expect(await answer({ p: 'not-an-id', since: '2025-01-01' })).toBeNull();
      expect(await answer({ p: p.id, meeting: 'not-an-id' })).toBeNull();
      expect(await answer({ p: ourMeeting.id, since: '2025-01-01' })).toBeNull();
      expect(await answer({ p: p.id, meeting: ourMeeting.id })).toMatchObject({ since: '2025-01-01', riskMoves: [] });
    }
  });
});
