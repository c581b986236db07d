import fs from 'node:fs';
import path from 'node:path';
import { committee, meeting } from '../support/decision-trail';
import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const sample = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/minutes', `${name}.txt`), 'utf8');
const BRADFORD = sample('bradford-family-hubs-update');

const IMPORT = `mutation($meeting: ID!, $text: String!, $dryRun: Boolean) {
  importMinutes(meetingId: $meeting, text: $text, dryRun: $dryRun) {
    dryRun agendaItem created suggestedProgrammes { code }
    found { number kind text resolution { id agendaItem number kind outcome referredTo { name } meeting { date } } }
  } }`;

async function meetingOf(org: Org, name = 'Shipley Area Committee', date = '2018-06-28') {
  return meeting(t, org, (await committee(t, org, name)).id, date);
}
const resolutionCount = async (org: Org) =>
  ok(await t.gql(`{ resolutions { totalCount } }`, {}, org.admin)).resolutions.totalCount;

test('a dry run shows what would be recorded, suggests the programmes named, and writes nothing', async () => {
  const org = await newOrg(t);
  await org.programme({ code: 'FH-2018', name: 'Family Hubs' });
  await org.programme({ code: 'LW-2020', name: 'Locality Working' });
  const meeting = await meetingOf(org);
  const data = ok(await t.gql(IMPORT, { meeting, text: BRADFORD, dryRun: true }, org.admin)).importMinutes;
  expect(data).toEqual({
    dryRun: true,
    agendaItem: 'UPDATE ON FAMILY HUBS PREVENTION AND EARLY HELP IMPLEMENTATION',
    created: 0,
    suggestedProgrammes: [{ code: 'FH-2018' }],
    found: [
      { number: '1', kind: 'NOTED', text: 'That the report and progress to date be noted.', resolution: null },
      {
        number: '2',
        kind: 'DECISION',
        text: 'That the Committee continues to review, support and scrutinise the on-going co-production of the Family Hubs offer.',
        resolution: null,
      },
    ],
  });
  expect(await resolutionCount(org)).toBe(0);
  const trail = ok(await t.gql(`{ auditTrail { totalCount } }`, {}, org.admin)).auditTrail.totalCount;
  const created = ok(await t.gql(IMPORT, { meeting, text: BRADFORD }, org.admin)).importMinutes;
  expect(ok(await t.gql(`{ auditTrail { totalCount } }`, {}, org.admin)).auditTrail.totalCount).toBe(trail + 2);
  expect(created.created).toBe(2);
});

test('an import records the resolutions on the meeting, audited; importing again writes nothing and answers them', async () => {
  const org = await newOrg(t);
  const meeting = await meetingOf(org);
  const pm = await org.user('PROGRAMME_MANAGER');
  const first = ok(await t.gql(IMPORT, { meeting, text: BRADFORD }, pm)).importMinutes;
  expect(first.created).toBe(2);
  expect(first.found.map((f: any) => f.resolution)).toEqual([
    {
      id: expect.any(String),
      agendaItem: 'UPDATE ON FAMILY HUBS PREVENTION AND EARLY HELP IMPLEMENTATION',
      number: '1',
      kind: 'NOTED',
      outcome: null,
      referredTo: null,
      meeting: { date: '2018-06-28' },
    },
    expect.objectContaining({ number: '2', kind: 'DECISION' }),
  ]);
  const ids = first.found.map((f: any) => f.resolution.id);
  const events = ok(await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { nodes { action } } }`, { id: ids[1] }, org.admin));
  expect(events.auditTrail.nodes).toEqual([{ action: 'resolution.recorded' }]);

  // the same item again, even retyped: nothing written, the records of the first import answered
  const retyped = BRADFORD.replace('(2)', '(2)  ');
  for (const [text, dryRun] of [
    [BRADFORD, false],
    [retyped, false],
    [BRADFORD, true],
  ] as const) {
    const again = ok(await t.gql(IMPORT, { meeting, text, dryRun }, org.admin)).importMinutes;
    expect(again.created).toBe(0);
    expect(again.found.map((f: any) => f.resolution.id)).toEqual(ids);
  }
  expect(await resolutionCount(org)).toBe(2);
  const read = ok(await t.gql(`{ resolutions { nodes { id meeting { id } } } }`, {}, org.admin));
  expect(read.resolutions.nodes.every((r: any) => r.meeting.id === meeting)).toBe(true);
});

test('recommendations to another body are RECOMMENDATION, PENDING, referred to the committee their line names', async () => {
  const org = await newOrg(t);
  await meetingOf(org, 'Executive', '2020-07-14');
  const meeting = await meetingOf(org, 'Locality Working Scrutiny Panel', '2020-03-10');
  const text = [
    'Agenda item',
    '',
    '7. LOCALITY WORKING SCRUTINY PANEL: FINAL REPORT',
    '',
    'Minutes:',
    '',
    'The Panel considered its final report.',
    '',
    'The recommendations to be submitted to the Executive were:',
    '',
    'a) That locality working continue in two localities.',
    'b) That it be rolled out by priority of need.',
    '',
    'Supporting documents',
  ].join('\n');
  const data = ok(await t.gql(IMPORT, { meeting, text }, org.admin)).importMinutes;
  expect(data.found.map((f: any) => [f.number, f.kind, f.resolution.outcome, f.resolution.referredTo])).toEqual([
    ['a', 'RECOMMENDATION', 'PENDING', { name: 'Executive' }],
    ['b', 'RECOMMENDATION', 'PENDING', { name: 'Executive' }],
  ]);
  const waiting = ok(
    await t.gql(`{ resolutions(filter: {kind: [RECOMMENDATION], outcome: [PENDING]}) { totalCount } }`, {}, org.admin),
  );
  expect(waiting.resolutions.totalCount).toBe(2);
});

test('text with no title or no resolution is BAD_USER_INPUT on text naming the line; nothing is written', async () => {
  const org = await newOrg(t);
  const meeting = await meetingOf(org);
  const none = errorOf(await t.gql(IMPORT, { meeting, text: 'BUDGET\n\nMembers discussed the budget at length.' }, org.admin));
  expect(none).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  expect(none.message).toMatch(/line \d+/i);
  const empty = errorOf(await t.gql(IMPORT, { meeting, text: '  \n \n' }, org.admin));
  expect(empty).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  expect(await resolutionCount(org)).toBe(0);
});

test("ADMIN and PROGRAMME_MANAGER only; another organisation's meeting is NOT_FOUND before any reading of the text", async () => {
  const org = await newOrg(t);
  const meeting = await meetingOf(org);
  for (const role of ['FINANCE', 'MEMBER'] as const) {
    expect(errorOf(await t.gql(IMPORT, { meeting, text: BRADFORD }, await org.user(role))).code).toBe('FORBIDDEN');
  }
  const other = await newOrg(t);
  expect(errorOf(await t.gql(IMPORT, { meeting, text: BRADFORD }, other.admin)).code).toBe('NOT_FOUND');
  expect(errorOf(await t.gql(IMPORT, { meeting, text: 'no minutes here' }, other.admin)).code).toBe('NOT_FOUND');
  expect(errorOf(await t.gql(IMPORT, { meeting, text: 'no minutes here' }, await org.user('MEMBER'))).code).toBe('FORBIDDEN');
  expect(await resolutionCount(org)).toBe(0);
});
