import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { londonToday } from '../../src/values/calendar-date';

// Programme health (issue 17): a programme manager's RAG reports on the programme as a whole.
// reportProgrammeHealth by those who may edit the programme's risks, asOf today or before, audited,
// the programme's version untouched; Programme.health the latest, healthHistory newest first.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const HEALTH = 'rating commentary asOf recordedBy';
const REPORT = `mutation($p: ID!, $rating: Rating!, $commentary: String!, $asOf: Date) {
  reportProgrammeHealth(programmeId: $p, rating: $rating, commentary: $commentary, asOf: $asOf) {
    id version updatedAt health { ${HEALTH} } healthHistory { ${HEALTH} } } }`;
const HEALTH_OF = `query($id: ID!) { programme(id: $id) { version health { ${HEALTH} } healthHistory { ${HEALTH} } } }`;
const AUDIT = `query($id: ID!) { auditTrail(entityId: $id) { nodes { action entityType entityId actor changes } } }`;
const FUTURE = '2999-12-31';
const GHOST = '00000000-0000-4000-8000-000000000000';

const report = (programmeId: string, fields: Record<string, unknown> = {}) => ({
  p: programmeId,
  rating: 'AMBER',
  commentary: 'Consultation on hub locations slipped two weeks; staffing restructure on track',
  ...fields,
});

async function reported(org: Org, programmeId: string, fields: Record<string, unknown> = {}, token = org.admin) {
  return ok(await t.gql(REPORT, report(programmeId, fields), token)).reportProgrammeHealth;
}

/** What a failed attempt must have left: no report, and no audit event but the programme's creation. */
async function expectNothingWritten(org: Org, programmeId: string) {
  const { programme } = ok(await t.gql(HEALTH_OF, { id: programmeId }, org.admin));
  expect(programme).toEqual({ version: 1, health: null, healthHistory: [] });
  const events = ok(await t.gql(AUDIT, { id: programmeId }, org.admin)).auditTrail.nodes;
  expect(events.map((e: { action: string }) => e.action)).toEqual(['programme.created']);
}

test('a report, dated today by default, signed and trimmed; the programme comes back with its version unchanged; audited', async () => {
  const org = await newOrg(t);
  const p = await org.programme();
  const { me } = ok(await t.gql(`{ me { email } }`, {}, org.admin));
  const before = ok(await t.gql(`query($id: ID!) { programme(id: $id) { updatedAt } }`, { id: p.id }, org.admin)).programme;
  const answer = await reported(org, p.id, { rating: 'RED', commentary: '  Two hub sites not ready  ' });
  const expected = { rating: 'RED', commentary: 'Two hub sites not ready', asOf: londonToday(), recordedBy: me.email };
  expect(answer).toEqual({ id: p.id, version: 1, updatedAt: before.updatedAt, health: expected, healthHistory: [expected] });
  const [event] = ok(await t.gql(AUDIT, { id: p.id }, org.admin)).auditTrail.nodes;
  expect(event).toMatchObject({ action: 'programme.healthReported', entityType: 'Programme', entityId: p.id, actor: me.email });
  expect(JSON.parse(event.changes)).toEqual({
    rating: [null, 'RED'],
    commentary: [null, 'Two hub sites not ready'],
    asOf: [null, londonToday()],
  });
  // no one's expectedVersion went stale
  const updated = ok(
    await t.gql(
      `mutation($id: ID!) { updateProgramme(id: $id, expectedVersion: 1, input: {owner: "Director"}) { version } }`,
      { id: p.id },
      org.admin,
    ),
  );
  expect(updated.updateProgramme.version).toBe(2);
});

test('history: newest asOf first, and on the same day the one recorded later first; health is the first of it', async () => {
  const org = await newOrg(t);
  const [p, none] = [await org.programme(), await org.programme()];
  const steps: [string, string, string][] = [
    ['2018-05-01', 'GREEN', 'Hubs on track'],
    ['2018-06-01', 'AMBER', 'Consultation slipped'],
    ['2018-05-01', 'AMBER', 'Correction: one hub late'],
    ['2018-04-01', 'GREEN', 'Programme mobilised'],
  ];
  for (const [asOf, rating, commentary] of steps) await reported(org, p.id, { asOf, rating, commentary });
  const shown = async () => ok(await t.gql(HEALTH_OF, { id: p.id }, org.admin)).programme;
  const pick = ({ asOf, commentary }: { asOf: string; commentary: string }) => `${asOf} ${commentary}`;
  let programme = await shown();
  expect(programme.healthHistory.map(pick)).toEqual([
    '2018-06-01 Consultation slipped',
    '2018-05-01 Correction: one hub late',
    '2018-05-01 Hubs on track',
    '2018-04-01 Programme mobilised',
  ]);
  expect(programme.health).toEqual(programme.healthHistory[0]);
  // a second report for the latest day, recorded later, is the health now
  await reported(org, p.id, { asOf: '2018-06-01', rating: 'RED', commentary: 'Second site lost' });
  programme = await shown();
  expect(pick(programme.health)).toBe('2018-06-01 Second site lost');
  expect(programme.healthHistory.map(pick).slice(0, 2)).toEqual([
    '2018-06-01 Second site lost',
    '2018-06-01 Consultation slipped',
  ]);
  // a late entry for an earlier day takes its place in the history, not the health
  await reported(org, p.id, { asOf: '2018-03-01', rating: 'RED', commentary: 'Late entry' });
  programme = await shown();
  expect(pick(programme.health)).toBe('2018-06-01 Second site lost');
  expect(pick(programme.healthHistory.at(-1))).toBe('2018-03-01 Late entry');
  expect(programme.version).toBe(1);
  // a programme without reports: null, and an empty history
  expect(ok(await t.gql(HEALTH_OF, { id: none.id }, org.admin)).programme).toEqual({
    version: 1,
    health: null,
    healthHistory: [],
  });
});

describe('refused, and nothing written (no report, no audit event)', () => {
  test.each([
    ['a blank commentary', 'BAD_USER_INPUT', 'commentary', { commentary: ' \n ' }],
    ['a commentary of 2,001 characters', 'BAD_USER_INPUT', 'commentary', { commentary: 'x'.repeat(2001) }],
    ['an asOf in the future', 'BAD_USER_INPUT', 'asOf', { asOf: FUTURE }],
    ['an asOf that is no date', 'BAD_USER_INPUT', 'asOf', { asOf: '2018-02-30' }],
    ['a rating that is no rating', 'BAD_USER_INPUT', undefined, { rating: 'BLUE' }],
    ['an unknown programme', 'NOT_FOUND', undefined, { p: GHOST }],
    ['a malformed programme id', 'NOT_FOUND', undefined, { p: 'FH-2018' }],
  ])('%s is %s', async (_, code, field, fields) => {
    const org = await newOrg(t);
    const p = await org.programme();
    const res = await t.gql(REPORT, report(p.id, fields), org.admin);
    expect(errorOf(res)).toMatchObject(field ? { code, field } : { code });
    await expectNothingWritten(org, p.id);
  });

  test('2,000 characters is the most a commentary takes', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    expect((await reported(org, p.id, { commentary: 'x'.repeat(2000) })).health.commentary).toHaveLength(2000);
  });

  test("another organisation's programme is NOT_FOUND, whatever the role there", async () => {
    const [org, other] = [await newOrg(t), await newOrg(t)];
    const p = await org.programme();
    for (const token of [other.admin, await other.user('PROGRAMME_MANAGER'), await other.user('MEMBER')])
      expect(errorOf(await t.gql(REPORT, report(p.id), token)).code).toBe('NOT_FOUND');
    await expectNothingWritten(org, p.id);
  });

  test("who may: ADMIN and the programme's managers; FINANCE, MEMBER and other managers are FORBIDDEN, after NOT_FOUND", async () => {
    const org = await newOrg(t);
    const [p, q] = [await org.programme(), await org.programme()];
    const pm = await org.user('PROGRAMME_MANAGER', [p.id]);
    expect((await reported(org, p.id, { commentary: 'By its manager' }, pm)).health.commentary).toBe('By its manager');
    for (const token of [await org.user('FINANCE'), await org.user('MEMBER'), pm]) {
      expect(errorOf(await t.gql(REPORT, report(q.id), token)).code).toBe('FORBIDDEN');
      // the business rule on asOf comes after the role
      expect(errorOf(await t.gql(REPORT, report(q.id, { asOf: FUTURE }), token)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(REPORT, report(GHOST), token)).code).toBe('NOT_FOUND');
    }
    // a malformed value comes first of all
    expect(errorOf(await t.gql(REPORT, report(GHOST, { commentary: ' ' }), pm))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'commentary',
    });
    await expectNothingWritten(org, q.id);
  });
});

test('health and healthHistory of every programme in a list cost the statements of one, however many programmes and reports', async () => {
  const register = async (n: number) => {
    const org = await newOrg(t);
    for (let i = 0; i < n; i++) {
      const p = await org.programme({ code: `P-${String(i).padStart(3, '0')}` });
      // one programme of each organisation has no report: its health is null
      for (let d = 1; d <= i % 4; d++) await reported(org, p.id, { asOf: `2018-0${d}-01`, commentary: `Month ${d}` });
    }
    return org;
  };
  const [small, large] = [await register(2), await register(12)];
  const cost = async (org: Org) => {
    const before = t.statements();
    const { programmes } = ok(
      await t.gql(`{ programmes(first: 500) { nodes { code health { ${HEALTH} } healthHistory { asOf } } } }`, {}, org.admin),
    );
    return { statements: t.statements() - before, programmes: programmes.nodes };
  };
  const [few, many] = [await cost(small), await cost(large)];
  expect([few.programmes.length, many.programmes.length]).toEqual([2, 12]);
  expect(many.programmes[0]).toEqual({ code: 'P-000', health: null, healthHistory: [] });
  expect(many.programmes[3].health).toMatchObject({ asOf: '2018-03-01', commentary: 'Month 3' });
  expect(many.programmes[3].healthHistory).toEqual([{ asOf: '2018-03-01' }, { asOf: '2018-02-01' }, { asOf: '2018-01-01' }]);
  expect(many.statements).toBe(few.statements);
  // the caller's token, the page, then both relations of every programme in one statement
  expect(few.statements).toBeLessThanOrEqual(3);
}, 120_000);
