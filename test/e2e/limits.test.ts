import { randomBytes, randomUUID } from 'node:crypto';
import { newOrg } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

// Sent without a token, so that no statement at all (not even authentication) may run.
test('an operation nested 12 levels deep is refused before anything runs', async () => {
  let selection = 'name';
  for (let i = 0; i < 6; i++) selection = `meetings { committee { ${selection} } }`;
  const before = t.statements();
  const res = await t.gql(`{ committees { ${selection} } }`);
  expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(t.statements()).toBe(before);
});

test('100 aliased lists are refused before anything runs', async () => {
  const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: programmes(first: 500) { nodes { id } }`).join('\n');
  const before = t.statements();
  expect(errorOf(await t.gql(`{ ${aliases} }`)).code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(t.statements()).toBe(before);
});

test('ordinary client queries and introspection pass the limits', async () => {
  const org = await newOrg(t);
  ok(
    await t.gql(
      `{ programmes(first: 500) { totalCount nodes { code name owner resolutions { text meeting { date committee { name meetings { date } } } } } }
         committees { name meetings { date resolutions { text programmes { code } } } } me { programmes { code } } }`,
      {},
      org.admin,
    ),
  );
  const { getIntrospectionQuery } = await import('graphql');
  expect(ok(await t.gql(getIntrospectionQuery())).__schema.types.length).toBeGreaterThan(20);
});

test('a token over its rate limit is answered 429 with Retry-After', async () => {
  const limited = await startTestServer({ rateLimitPerMinute: 3 });
  try {
    const org = await newOrg(limited);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(limited.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${org.admin}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  } finally {
    await limited.close();
  }
});

describe('the rate limit is keyed on who is asking', () => {
  let limited: TestServer;
  beforeEach(async () => {
    limited = await startTestServer({ rateLimitPerMinute: 3 });
  });
  afterEach(() => limited?.close());

  const statusOf = async (authorization: string) =>
    (
      await fetch(limited.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ me { id } }' }),
      })
    ).status;

  test('whitespace variants of one token count as that token', async () => {
    const { admin } = await newOrg(limited);
    const variants = [`Bearer ${admin}`, `Bearer  ${admin}`, `bearer ${admin}  `, `Bearer\t${admin}`, `BEARER ${admin}`];
    const statuses = [];
    for (const header of variants) statuses.push(await statusOf(header));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  test("a user's tokens count together, and another user is not held back by them", async () => {
    const org = await newOrg(limited);
    const me = ok(await limited.gql(`{ me { id } }`, {}, org.admin)).me;
    const second = ok(await limited.gql(`mutation($u: ID!) { issueToken(userId: $u) { token } }`, { u: me.id }, org.admin))
      .issueToken.token;
    const other = (await newOrg(limited)).admin;
    expect([await statusOf(`Bearer ${second}`), await statusOf(`Bearer ${second}`)]).toEqual([200, 429]);
    expect(await statusOf(`Bearer ${other}`)).toBe(200);
  });

  test('tokens that fail count against the address they come from, not against the users there', async () => {
    const { admin } = await newOrg(limited);
    const forged = () => `Bearer pr_${randomUUID().replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
    const statuses = [];
    for (const header of [forged(), 'Bearer x', forged(), forged(), 'Bearer y']) statuses.push(await statusOf(header));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(await statusOf(`Bearer ${admin}`)).toBe(200);
  });
});
