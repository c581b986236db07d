import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const TRAIL = `query($entityId: ID, $since: DateTime, $first: Int, $after: String) {
  auditTrail(entityId: $entityId, since: $since, first: $first, after: $after) {
    totalCount nodes { at actor action entityType entityId changes } pageInfo { hasNextPage endCursor }
  }
}`;

test('every change is audited with actor, action, entity and the changed fields, newest first', async () => {
  const org = await newOrg(t);
  const p = await org.programme({ code: 'FH-2018', name: 'Family Hubs' });
  ok(
    await t.gql(
      `mutation($id: ID!) { updateProgramme(id: $id, expectedVersion: 1, input: {status: APPROVED, name: "Family Hubs"}) { id } }`,
      { id: p.id },
      org.admin,
    ),
  );
  const trail = ok(await t.gql(TRAIL, { entityId: p.id }, org.admin)).auditTrail;
  expect(trail.totalCount).toBe(2);
  const [updated, created] = trail.nodes;
  expect(updated).toMatchObject({ action: 'programme.updated', entityType: 'Programme', entityId: p.id });
  expect(updated.actor).toMatch(/^admin-.*@council\.gov\.uk$/);
  expect(JSON.parse(updated.changes)).toEqual({ status: ['PROPOSED', 'APPROVED'] });
  expect(created.action).toBe('programme.created');
  expect(JSON.parse(created.changes)).toMatchObject({ code: [null, 'FH-2018'], name: [null, 'Family Hubs'] });
  expect(Date.parse(updated.at)).toBeGreaterThanOrEqual(Date.parse(created.at));
});

test('a refused change writes no audit event', async () => {
  const org = await newOrg(t);
  const p = await org.programme();
  const before = ok(await t.gql(TRAIL, {}, org.admin)).auditTrail.totalCount;
  errorOf(
    await t.gql(
      `mutation($id: ID!) { updateProgramme(id: $id, expectedVersion: 9, input: {name: "Stale"}) { id } }`,
      { id: p.id },
      org.admin,
    ),
  );
  errorOf(await t.gql(`mutation { createProgramme(input: {code: "${p.code}", name: "Dup"}) { id } }`, {}, org.admin));
  expect(ok(await t.gql(TRAIL, {}, org.admin)).auditTrail.totalCount).toBe(before);
});

test('filters by time, paginates, and is not for MEMBER callers nor other organisations', async () => {
  const [org, other] = [await newOrg(t), await newOrg(t)];
  for (let i = 0; i < 3; i++) await org.programme();
  const all = ok(await t.gql(TRAIL, {}, org.admin)).auditTrail;
  // organisation created, its admin created, three programmes
  expect(all.totalCount).toBe(5);
  const page = ok(await t.gql(TRAIL, { first: 2 }, org.admin)).auditTrail;
  const rest = ok(await t.gql(TRAIL, { first: 10, after: page.pageInfo.endCursor }, org.admin)).auditTrail;
  expect([...page.nodes, ...rest.nodes]).toEqual(all.nodes);
  expect(ok(await t.gql(TRAIL, { since: '2999-01-01T00:00:00Z' }, org.admin)).auditTrail.totalCount).toBe(0);
  expect(errorOf(await t.gql(TRAIL, { since: 'yesterday' }, org.admin)).code).toBe('BAD_USER_INPUT');
  for (const role of ['PROGRAMME_MANAGER', 'FINANCE'] as const) {
    expect(ok(await t.gql(TRAIL, { first: 1 }, await org.user(role))).auditTrail.nodes).toHaveLength(1);
  }
  expect(errorOf(await t.gql(TRAIL, {}, await org.user('MEMBER'))).code).toBe('FORBIDDEN');
  expect(ok(await t.gql(TRAIL, { entityId: all.nodes[0].entityId }, other.admin)).auditTrail.totalCount).toBe(0);
});
