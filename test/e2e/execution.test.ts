import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

// Queries run compiled (graphql-jit, src/graphql/execution.ts); these are the edges where it would differ
// from graphql-js, and what src/graphql/execution.ts does about them.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

test('a DateTime written in the document filters as the same DateTime in a variable', async () => {
  const org = await newOrg(t);
  await org.programme({ code: 'FH', name: 'Family Hubs' });
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const fields = `totalCount nodes { action entityId }`;
  const byVariable = ok(
    await t.gql(`query($since: DateTime) { auditTrail(since: $since) { ${fields} } }`, { since }, org.admin),
  ).auditTrail;
  const byLiteral = ok(await t.gql(`{ auditTrail(since: "${since}") { ${fields} } }`, {}, org.admin)).auditTrail;
  expect(byVariable.totalCount).toBeGreaterThan(0);
  expect(byLiteral).toEqual(byVariable);
  const future = ok(await t.gql(`{ auditTrail(since: "2999-01-01T00:00:00Z") { totalCount } }`, {}, org.admin));
  expect(future.auditTrail.totalCount).toBe(0);
  const byDefault = ok(
    await t.gql(`query($since: DateTime = "${since}") { auditTrail(since: $since) { ${fields} } }`, {}, org.admin),
  );
  expect(byDefault.auditTrail).toEqual(byVariable);
});

test("a query's malformed variable is BAD_USER_INPUT, as graphql-js words it", async () => {
  const org = await newOrg(t);
  const res = await t.gql(`query($first: Int) { programmes(first: $first) { totalCount } }`, { first: 'ten' }, org.admin);
  expect(errorOf(res).code).toBe('BAD_USER_INPUT');
  expect(res.errors?.[0].message).toMatch(/^Variable "\$first" got invalid value "ten"/);
});

test('an error inside a compiled query keeps its code, field, path and location; a non-null field nulls its parent', async () => {
  const org = await newOrg(t);
  const res = await t.gql(`{ organisation { name } programmes(first: 501) { totalCount } }`, {}, org.admin);
  expect(res.data).toBeNull();
  expect(res.errors?.[0]).toMatchObject({ path: ['programmes'], extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  expect(res.errors?.[0].locations).toEqual([{ line: 1, column: 25 }]);
});

test('totalCount is counted only when asked for, and is a number', async () => {
  const org = await newOrg(t);
  await org.programme({ code: 'FH', name: 'Family Hubs' });
  await t.gql(`{ programmes { nodes { code } } }`, {}, org.admin); // the token is now remembered
  const count = async (query: string) => {
    const before = t.statements();
    const data = ok(await t.gql(query, {}, org.admin));
    return { data, statements: t.statements() - before };
  };
  const without = await count(`{ programmes { nodes { code } } }`);
  const withCount = await count(`{ programmes { totalCount nodes { code } } }`);
  expect(withCount.data.programmes.totalCount).toBe(1);
  expect(withCount.statements).toBe(without.statements + 1);
});
