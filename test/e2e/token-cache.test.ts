import { newOrg } from '../support/fixtures';
import { TestRun } from '../support/test-database';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

// Who a token stands for is remembered for AUTH_CACHE_SECONDS (src/auth/caller-cache.ts).
const run: TestRun = JSON.parse(process.env.PR_TEST_RUN!);
const ME = `{ me { id } }`;

let t: TestServer;
let uncached: TestServer;
beforeAll(async () => {
  t = await startTestServer({ authCacheSeconds: 60 });
  uncached = await startTestServer({ authCacheSeconds: 0 });
});
afterAll(async () => {
  await t?.close();
  await uncached?.close();
});

/** SQL statements one request sends. */
async function statementsOf(server: TestServer, token: string): Promise<number> {
  const before = server.statements();
  await server.gql(`{ __typename }`, {}, token);
  return server.statements() - before;
}

test('a valid token is looked up once, then remembered: a request that reads nothing sends no SQL', async () => {
  const org = await newOrg(t);
  const member = await org.user('MEMBER');
  expect(await statementsOf(t, member)).toBeGreaterThanOrEqual(1);
  expect(await statementsOf(t, member)).toBe(0);
  expect(ok(await t.gql(ME, {}, member)).me.id).toBeDefined();
});

test('with AUTH_CACHE_SECONDS=0 every request looks its token up', async () => {
  const org = await newOrg(uncached);
  await statementsOf(uncached, org.admin);
  expect(await statementsOf(uncached, org.admin)).toBe(1);
  expect(await statementsOf(uncached, org.admin)).toBe(1);
});

test('a refused token is never remembered: each attempt asks the database again', async () => {
  const org = await newOrg(t);
  const forged = `${org.admin.slice(0, -8)}AAAAAAAA`;
  expect(errorOf(await t.gql(ME, {}, forged)).code).toBe('UNAUTHENTICATED');
  expect(await statementsOf(t, forged)).toBe(1);
  expect(await statementsOf(t, forged)).toBe(1);
});

test('a deactivation is at once on the server that made it, however long tokens are remembered', async () => {
  const org = await newOrg(t);
  const member = await org.user('MEMBER');
  const { me } = ok(await t.gql(ME, {}, member));
  expect(await statementsOf(t, member)).toBe(0);
  ok(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: me.id }, org.admin));
  expect(errorOf(await t.gql(ME, {}, member)).code).toBe('UNAUTHENTICATED');
});

// two instances of the server share a database only on PostgreSQL (embedded: one process)
(run.databaseUrl ? test : test.skip)('another instance stops a deactivated user within its AUTH_CACHE_SECONDS', async () => {
  const other = await startTestServer({ authCacheSeconds: 1 });
  try {
    const org = await newOrg(t);
    const member = await org.user('MEMBER');
    const { me } = ok(await other.gql(ME, {}, member));
    ok(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: me.id }, org.admin));
    await new Promise((r) => setTimeout(r, 1_100));
    expect(errorOf(await other.gql(ME, {}, member)).code).toBe('UNAUTHENTICATED');
  } finally {
    await other.close();
  }
});
