import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const FIELDS = `id title baselineDate forecastDate actualDate status slippageDays version programme { id }`;
const CREATE = `mutation($input: MilestoneInput!) { createMilestone(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateMilestoneInput!) {
  updateMilestone(id: $id, expectedVersion: $v, input: $input) { ${FIELDS} } }`;
const OF_PROGRAMME = `query($id: ID!) { programme(id: $id) { milestones { ${FIELDS} } } }`;
const AUDIT = `query($id: ID!) { auditTrail(entityId: $id) { nodes { action entityType changes } } }`;

async function milestone(org: Org, programmeId: string, fields: Record<string, unknown> = {}, token = org.admin) {
  const input = { programmeId, title: 'Service changes', baselineDate: '2018-10-01', ...fields };
  return ok(await t.gql(CREATE, { input }, token)).createMilestone;
}

const milestonesOf = async (org: Org, programmeId: string) =>
  ok(await t.gql(OF_PROGRAMME, { id: programmeId }, org.admin)).programme.milestones;

describe('createMilestone', () => {
  test('forecastDate defaults to baselineDate, status to NOT_STARTED; nothing has slipped yet; the event is audited', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const m = await milestone(org, p.id);
    expect(m).toEqual({
      id: m.id,
      title: 'Service changes',
      baselineDate: '2018-10-01',
      forecastDate: '2018-10-01',
      actualDate: null,
      status: 'NOT_STARTED',
      slippageDays: 0,
      version: 1,
      programme: { id: p.id },
    });
    expect(await milestonesOf(org, p.id)).toEqual([m]);
    const [event] = ok(await t.gql(AUDIT, { id: m.id }, org.admin)).auditTrail.nodes;
    expect(event).toMatchObject({ action: 'milestone.created', entityType: 'Milestone' });
    expect(JSON.parse(event.changes)).toMatchObject({
      title: [null, 'Service changes'],
      baselineDate: [null, '2018-10-01'],
      forecastDate: [null, '2018-10-01'],
    });
  });

  test('a forecast after the baseline is late (positive), one before it early (negative)', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    expect((await milestone(org, p.id, { forecastDate: '2018-10-31' })).slippageDays).toBe(30);
    expect((await milestone(org, p.id, { forecastDate: '2018-09-24' })).slippageDays).toBe(-7);
  });

  test.each([
    ['a blank title', { title: '  ' }, 'title'],
    ['a title of 501 characters', { title: 'x'.repeat(501) }, 'title'],
    ['a baseline that is no date', { baselineDate: '2018-02-30' }, 'baselineDate'],
    ['a forecast not written YYYY-MM-DD', { forecastDate: '1 October 2018' }, 'forecastDate'],
  ])('%s is BAD_USER_INPUT, and nothing is written', async (_, fields, field) => {
    const org = await newOrg(t);
    const p = await org.programme();
    const input = { programmeId: p.id, title: 'Area events', baselineDate: '2018-07-01', ...fields };
    expect(errorOf(await t.gql(CREATE, { input }, org.admin))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await milestonesOf(org, p.id)).toEqual([]);
  });

  test('a bad date written in the document is BAD_USER_INPUT naming the field', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const res = await t.gql(
      `mutation { createMilestone(input: {programmeId: "${p.id}", title: "X", baselineDate: "2018-13-01"}) { id } }`,
      {},
      org.admin,
    );
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'baselineDate' });
  });

  test("an unknown, malformed or other organisation's programme is NOT_FOUND, before FORBIDDEN", async () => {
    const [a, b] = [await newOrg(t), await newOrg(t)];
    const theirs = await b.programme();
    const member = await a.user('MEMBER');
    for (const programmeId of [theirs.id, 'not-an-id', '00000000-0000-4000-8000-000000000000']) {
      for (const token of [a.admin, member]) {
        const input = { programmeId, title: 'X', baselineDate: '2018-10-01' };
        expect(errorOf(await t.gql(CREATE, { input }, token)).code).toBe('NOT_FOUND');
      }
    }
    expect(await milestonesOf(b, theirs.id)).toEqual([]);
  });

  test('a PROGRAMME_MANAGER creates only in assigned programmes; FINANCE and MEMBER never', async () => {
    const org = await newOrg(t);
    const [mine, other] = [await org.programme(), await org.programme()];
    const pm = await org.user('PROGRAMME_MANAGER', [mine.id]);
    expect((await milestone(org, mine.id, {}, pm)).programme.id).toBe(mine.id);
    const input = { programmeId: other.id, title: 'X', baselineDate: '2018-10-01' };
    expect(errorOf(await t.gql(CREATE, { input }, pm)).code).toBe('FORBIDDEN');
    for (const role of ['FINANCE', 'MEMBER'] as const) {
      expect(errorOf(await t.gql(CREATE, { input: { ...input, programmeId: mine.id } }, await org.user(role))).code).toBe(
        'FORBIDDEN',
      );
    }
    expect(await milestonesOf(org, other.id)).toEqual([]);
    expect(await milestonesOf(org, mine.id)).toHaveLength(1);
  });

  test('without a token it is UNAUTHENTICATED', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    expect(errorOf(await t.gql(CREATE, { input: { programmeId: p.id, title: 'X', baselineDate: '2018-10-01' } })).code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('updateMilestone', () => {
  test('changes only the fields given and moves the version; the baseline never moves; audited as a diff', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const m = await milestone(org, p.id, { title: 'First Family Hubs offer published' });
    const slipped = ok(
      await t.gql(UPDATE, { id: m.id, v: 1, input: { forecastDate: '2018-11-15', status: 'AT_RISK' } }, org.admin),
    ).updateMilestone;
    expect(slipped).toMatchObject({
      title: 'First Family Hubs offer published',
      baselineDate: '2018-10-01',
      forecastDate: '2018-11-15',
      status: 'AT_RISK',
      slippageDays: 45,
      version: 2,
    });
    const done = ok(
      await t.gql(UPDATE, { id: m.id, v: 2, input: { status: 'COMPLETE', actualDate: '2018-11-20' } }, org.admin),
    ).updateMilestone;
    // once it happened, slippage is measured to the actual date, not the forecast
    expect(done).toMatchObject({
      baselineDate: '2018-10-01',
      forecastDate: '2018-11-15',
      actualDate: '2018-11-20',
      status: 'COMPLETE',
      slippageDays: 50,
      version: 3,
    });
    const events = ok(await t.gql(AUDIT, { id: m.id }, org.admin)).auditTrail.nodes;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'milestone.updated',
      'milestone.updated',
      'milestone.created',
    ]);
    expect(JSON.parse(events[0].changes)).toEqual({ status: ['AT_RISK', 'COMPLETE'], actualDate: [null, '2018-11-20'] });
    expect(JSON.parse(events[1].changes)).toEqual({
      forecastDate: ['2018-10-01', '2018-11-15'],
      status: ['NOT_STARTED', 'AT_RISK'],
    });
  });

  test('baselineDate is not part of the update input at all', async () => {
    const org = await newOrg(t);
    const m = await milestone(org, (await org.programme()).id);
    const res = await t.gql(UPDATE, { id: m.id, v: 1, input: { baselineDate: '2019-01-01' } }, org.admin);
    expect(errorOf(res).code).toBe('BAD_USER_INPUT');
    const literal = await t.gql(
      `mutation { updateMilestone(id: "${m.id}", expectedVersion: 1, input: {baselineDate: "2019-01-01"}) { id } }`,
      {},
      org.admin,
    );
    expect(errorOf(literal).code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('an explicit null is BAD_USER_INPUT for forecastDate, title and status; a null actualDate clears it', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const m = await milestone(org, p.id);
    for (const field of ['forecastDate', 'title', 'status']) {
      expect(errorOf(await t.gql(UPDATE, { id: m.id, v: 1, input: { [field]: null } }, org.admin))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const set = ok(
      await t.gql(UPDATE, { id: m.id, v: 1, input: { actualDate: '2018-09-30', status: 'COMPLETE' } }, org.admin),
    ).updateMilestone;
    expect(set).toMatchObject({ actualDate: '2018-09-30', slippageDays: -1, version: 2 });
    const cleared = ok(
      await t.gql(UPDATE, { id: m.id, v: 2, input: { actualDate: null, status: 'ON_TRACK' } }, org.admin),
    ).updateMilestone;
    expect(cleared).toMatchObject({ actualDate: null, forecastDate: '2018-10-01', slippageDays: 0, version: 3 });
  });

  test('COMPLETE needs an actualDate: blamed on status, or on actualDate when clearing it; this rule wins over CONFLICT', async () => {
    const org = await newOrg(t);
    const m = await milestone(org, (await org.programme()).id);
    expect(errorOf(await t.gql(UPDATE, { id: m.id, v: 1, input: { status: 'COMPLETE' } }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
    });
    expect(errorOf(await t.gql(UPDATE, { id: m.id, v: 9, input: { status: 'COMPLETE' } }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
    });
    ok(await t.gql(UPDATE, { id: m.id, v: 1, input: { status: 'COMPLETE', actualDate: '2018-10-01' } }, org.admin));
    expect(errorOf(await t.gql(UPDATE, { id: m.id, v: 2, input: { actualDate: null } }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'actualDate',
    });
    const reopened = ok(
      await t.gql(UPDATE, { id: m.id, v: 2, input: { actualDate: null, status: 'AT_RISK' } }, org.admin),
    ).updateMilestone;
    expect(reopened).toMatchObject({ actualDate: null, status: 'AT_RISK', version: 3 });
  });

  test('a stale expectedVersion is CONFLICT and writes nothing', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const m = await milestone(org, p.id);
    ok(await t.gql(UPDATE, { id: m.id, v: 1, input: { title: 'Area events' } }, org.admin));
    expect(errorOf(await t.gql(UPDATE, { id: m.id, v: 1, input: { title: 'Stale' } }, org.admin)).code).toBe('CONFLICT');
    expect(await milestonesOf(org, p.id)).toMatchObject([{ title: 'Area events', version: 2 }]);
    expect(ok(await t.gql(AUDIT, { id: m.id }, org.admin)).auditTrail.nodes).toHaveLength(2);
  });

  test('of many concurrent updates with one expectedVersion exactly one wins; the rest are CONFLICT', async () => {
    const org = await newOrg(t);
    const p = await org.programme();
    const m = await milestone(org, p.id);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.gql(UPDATE, { id: m.id, v: 1, input: { title: `Writer ${i}` } }, org.admin)),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r).code)).toEqual(Array(11).fill('CONFLICT'));
    const [now] = await milestonesOf(org, p.id);
    expect(now).toMatchObject({ title: winners[0].data.updateMilestone.title, version: 2 });
    expect(ok(await t.gql(AUDIT, { id: m.id }, org.admin)).auditTrail.nodes).toHaveLength(2);
  });

  test("an unknown, malformed or other organisation's milestone is NOT_FOUND, before FORBIDDEN and input rules", async () => {
    const [a, b] = [await newOrg(t), await newOrg(t)];
    const theirs = await milestone(b, (await b.programme()).id);
    const member = await a.user('MEMBER');
    for (const id of [theirs.id, 'nonsense', '00000000-0000-4000-8000-000000000000']) {
      for (const token of [a.admin, member]) {
        expect(errorOf(await t.gql(UPDATE, { id, v: 1, input: { status: 'COMPLETE' } }, token)).code).toBe('NOT_FOUND');
      }
    }
    expect(await milestonesOf(b, theirs.programme.id)).toMatchObject([{ status: 'NOT_STARTED', version: 1 }]);
  });

  test('a PROGRAMME_MANAGER updates only in assigned programmes; FINANCE and MEMBER never', async () => {
    const org = await newOrg(t);
    const [mine, other] = [await org.programme(), await org.programme()];
    const pm = await org.user('PROGRAMME_MANAGER', [mine.id]);
    const [m1, m2] = [await milestone(org, mine.id), await milestone(org, other.id)];
    expect(ok(await t.gql(UPDATE, { id: m1.id, v: 1, input: { status: 'ON_TRACK' } }, pm)).updateMilestone.status).toBe(
      'ON_TRACK',
    );
    expect(errorOf(await t.gql(UPDATE, { id: m2.id, v: 1, input: { status: 'ON_TRACK' } }, pm)).code).toBe('FORBIDDEN');
    for (const role of ['FINANCE', 'MEMBER'] as const) {
      expect(errorOf(await t.gql(UPDATE, { id: m1.id, v: 2, input: { status: 'MISSED' } }, await org.user(role))).code).toBe(
        'FORBIDDEN',
      );
    }
    // FORBIDDEN comes before the COMPLETE rule
    expect(errorOf(await t.gql(UPDATE, { id: m2.id, v: 1, input: { status: 'COMPLETE' } }, pm)).code).toBe('FORBIDDEN');
    expect(await milestonesOf(org, other.id)).toMatchObject([{ status: 'NOT_STARTED', version: 1 }]);
  });
});
