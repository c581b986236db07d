import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { newRisk } from './risk-helpers';

// The estimate of an operation's answer, before anything runs (src/graphql/cost.ts), and the hard
// cap behind it (src/graphql/execution-limits.ts). NESTED is issue 11's shape, which drove the
// process out of memory: a variable `first` and unpaginated lists, which the estimate counted as 1.
const NESTED = `query($n: Int) { risks(first: $n) { nodes { programme { risks { programme { risks { programme { risks { id } } } } } } } } }`;

let t: TestServer;
let org: Org;
beforeAll(async () => {
  t = await startTestServer();
  org = await newOrg(t);
});
afterAll(() => t?.close());

async function refusedBeforeAnythingRuns(query: string, variables: Record<string, unknown>) {
  await t.gql('{ me { id } }', {}, org.admin); // the token is remembered: the refusal itself may send nothing
  const before = t.statements();
  const res = await t.gql(query, variables, org.admin);
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(errorOf(res).message).toMatch(/estimated at \d+ fields, over the limit of 10000000/);
  expect(t.statements()).toBe(before);
}

test("issue 11's document, first: 500 in a variable, is refused before anything runs", async () => {
  await refusedBeforeAnythingRuns(NESTED, { n: 500 });
  ok(await t.gql(NESTED, { n: 5 }, org.admin));
});

test('unpaginated lists count as their stated size', async () => {
  await refusedBeforeAnythingRuns(
    `{ programmes(first: 500) { nodes { risks { mitigations { action risk { programme { risks { mitigations { action } } } } } } } } }`,
    {},
  );
});

test('aliases add up', async () => {
  const one = `risks(first: 50) { nodes { programme { risks { programme { risks { programme { risks { id } } } } } } } }`;
  ok(await t.gql(`{ ${one} }`, {}, org.admin));
  await refusedBeforeAnythingRuns(`{ a: ${one} b: ${one} c: ${one} }`, {});
});

test('first outside 1-500 is BAD_USER_INPUT on first, not a cost overrun', async () => {
  for (const n of [100_000, 0, -1]) {
    const res = await t.gql(NESTED, { n }, org.admin);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const literal = await t.gql(`{ risks(first: ${n}) { nodes { id } } }`, {}, org.admin);
    expect(errorOf(literal)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  }
});

describe('behind the estimate, a hard cap at execution', () => {
  // one programme of RISKS risks: NESTED with first: RISKS answers RISKS^4 objects (2.56 million),
  // which the estimate passes (it counts a programme's risks as 40, as they are here)
  const RISKS = 40;

  /** An organisation with one programme of RISKS risks. */
  async function seeded(server: TestServer, risks = RISKS): Promise<Org> {
    const owner = await newOrg(server);
    const programme = await owner.programme();
    for (let i = 0; i < risks; i++) await newRisk(server, owner, programme.id, { reference: `R${i}` });
    return owner;
  }

  /** Sends NESTED while polling /health: the answer, the slowest health answer and the memory grown. */
  async function underLoad(server: TestServer, owner: Org) {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let slowest = 0;
    let done = false;
    const healthUrl = server.server.url.replace('/graphql', '/health');
    // a poll's wait counts from when it was due: a held event loop delays the timer too
    const polling = (async () => {
      let due = Date.now();
      while (!done) {
        const res = await fetch(healthUrl);
        expect(res.status).toBe(200);
        slowest = Math.max(slowest, Date.now() - due);
        peak = Math.max(peak, process.memoryUsage().rss);
        due = Date.now() + 50;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = Date.now();
    const res = await server.gql(NESTED, { n: RISKS }, owner.admin);
    const took = Date.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    done = true;
    await polling;
    return { res, took, slowest, grownMb: (peak - rssBefore) / 2 ** 20 };
  }

  test('too many objects: RESPONSE_TOO_LARGE, data null; /health answers 200 within 1 s meanwhile, memory grows < 100 MB', async () => {
    // the default limits (test-server.ts: 20,000 objects, 10 s)
    const server = t;
    const owner = await seeded(server);
    {
      const { res, slowest, grownMb } = await underLoad(server, owner);
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(errorOf(res).code).toBe('RESPONSE_TOO_LARGE');
      expect(slowest).toBeLessThan(1000);
      expect(grownMb).toBeLessThan(100);
      // the work stopped: no statement is sent after the answer
      await new Promise((r) => setTimeout(r, 200));
      const after = server.statements();
      await new Promise((r) => setTimeout(r, 500));
      expect(server.statements()).toBe(after);
      // and an answer within the limits is whole
      const whole = ok(await server.gql(`{ risks(first: 2) { nodes { programme { risks { id } } } } }`, {}, owner.admin));
      expect(whole.risks.nodes.map((n: any) => n.programme.risks.length)).toEqual([RISKS, RISKS]);
    }
  });

  test('too long: TIMEOUT, data null, and no statement after it; /health answers 200 within 1 s meanwhile', async () => {
    const server = await startTestServer({ requestTimeoutSeconds: 1 });
    const owner = await seeded(server, 3);
    // every statement but /health's answered 700 ms late: NESTED's reads (risks, programmes, a
    // programme's risks) take over 2 s
    const dataSource = server.server.database.dataSource;
    const query = dataSource.query.bind(dataSource);
    const slow = jest.spyOn(dataSource, 'query').mockImplementation(async (...args: Parameters<typeof query>) => {
      const answer = await query(...args);
      if (!/^SELECT 1\b/.test(args[0])) await new Promise((r) => setTimeout(r, 700));
      return answer;
    });
    try {
      const { res, took, slowest, grownMb } = await underLoad(server, owner);
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(errorOf(res).code).toBe('TIMEOUT');
      // 1 s, and a loaded machine's share on top
      expect(took).toBeLessThan(10_000);
      expect(slowest).toBeLessThan(1000);
      expect(grownMb).toBeLessThan(100);
      const after = server.statements();
      await new Promise((r) => setTimeout(r, 1000));
      expect(server.statements()).toBe(after);
    } finally {
      slow.mockRestore();
      await server.close();
    }
  });
});
