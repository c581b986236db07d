import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const ME = `{ me { id active lastUsedAt } }`;

test('an ADMIN deactivates a user: its tokens stop working at once', async () => {
  const org = await newOrg(t);
  const member = await org.user('MEMBER');
  const { me } = ok(await t.gql(ME, {}, member));
  expect(me.active).toBe(true);
  expect(Date.parse(me.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  const res = ok(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id active } }`, { id: me.id }, org.admin));
  expect(res.deactivateUser).toEqual({ id: me.id, active: false });
  expect(errorOf(await t.gql(ME, {}, member)).code).toBe('UNAUTHENTICATED');
  const users = ok(await t.gql(`{ users { id active } }`, {}, org.admin)).users;
  expect(users).toContainEqual({ id: me.id, active: false });
  expect(
    errorOf(await t.gql(`mutation($id: ID!) { issueToken(userId: $id) { token } }`, { id: me.id }, org.admin)),
  ).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'userId',
  });
});

test('an ADMIN issues another token for a user; both work', async () => {
  const org = await newOrg(t);
  const finance = await org.user('FINANCE');
  const { me } = ok(await t.gql(ME, {}, finance));
  const issued = ok(
    await t.gql(`mutation($id: ID!) { issueToken(userId: $id) { token user { id } } }`, { id: me.id }, org.admin),
  ).issueToken;
  expect(issued.user.id).toBe(me.id);
  expect(issued.token).not.toBe(finance);
  expect(ok(await t.gql(ME, {}, issued.token)).me.id).toBe(me.id);
  expect(ok(await t.gql(ME, {}, finance)).me.id).toBe(me.id);
});

test('only an ADMIN manages users, only its own organisation, and not itself', async () => {
  const [org, other] = [await newOrg(t), await newOrg(t)];
  const pm = await org.user('PROGRAMME_MANAGER');
  const { me } = ok(await t.gql(ME, {}, pm));
  expect(errorOf(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: me.id }, pm)).code).toBe('FORBIDDEN');
  expect(errorOf(await t.gql(`{ users { id } }`, {}, pm)).code).toBe('FORBIDDEN');
  expect(errorOf(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: me.id }, other.admin)).code).toBe(
    'NOT_FOUND',
  );
  expect(errorOf(await t.gql(`mutation($id: ID!) { issueToken(userId: $id) { token } }`, { id: me.id }, other.admin)).code).toBe(
    'NOT_FOUND',
  );
  const admin = ok(await t.gql(ME, {}, org.admin)).me;
  expect(errorOf(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: admin.id }, org.admin)).code).toBe(
    'BAD_USER_INPUT',
  );
});
