import fs from 'node:fs';
import { newOrg, Org } from '../support/fixtures';
import { processDatabase, startProcess } from '../support/server-process';
import { errorOf, gqlAt, ok, OPERATOR_SECRET, startTestServer, TestServer } from '../support/test-server';
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
  async function seeded(server: Pick<TestServer, 'gql'>, risks = RISKS): Promise<Org> {
    const owner = await newOrg(server);
    const programme = await owner.programme();
    for (let i = 0; i < risks; i++) await newRisk(server, owner, programme.id, { reference: `R${i}` });
    return owner;
  }

  /**
   * Sends NESTED to the server at `url` while polling its /health: the answer, the slowest health
   * answer and how much the server's process (`rss`, in bytes) grew.
   */
  async function underLoad(url: string, owner: Org, rss: () => number) {
    global.gc?.();
    const rssBefore = rss();
    let peak = rssBefore;
    let slowest = 0;
    let done = false;
    const healthUrl = url.replace('/graphql', '/health');
    // a poll's wait counts from when it was due: a held event loop delays the timer too
    const polling = (async () => {
      let due = Date.now();
      while (!done) {
        const res = await fetch(healthUrl);
        expect(res.status).toBe(200);
        slowest = Math.max(slowest, Date.now() - due);
        peak = Math.max(peak, rss());
        due = Date.now() + 50;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = Date.now();
    const res = await gqlAt(url)(NESTED, { n: RISKS }, owner.admin);
    const took = Date.now() - started;
    peak = Math.max(peak, rss());
    done = true;
    await polling;
    return { res, took, slowest, grownMb: (peak - rssBefore) / 2 ** 20 };
  }

  /** A process's resident memory, in bytes, as Linux counts it. */
  function residentBytes(pid: number): number {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1];
    return Number(kb) * 1024;
  }

  test('too many objects: RESPONSE_TOO_LARGE, data null; /health answers 200 within 1 s meanwhile, memory grows < 100 MB', async () => {
    // the server in a process of its own with the default limits (20,000 objects, 10 s), as it
    // runs in production: what is measured is its event loop and its memory, not the test runner's
    const db = processDatabase();
    const proc = startProcess({ ...db.env, ADMIN_SECRET: OPERATOR_SECRET, RATE_LIMIT_PER_MINUTE: '0', BENCH_STATS: '1' });
    try {
      const url = await proc.listening();
      const statements = async () =>
        ((await (await fetch(url.replace('/graphql', '/bench/stats'))).json()) as { statements: number }).statements;
      const owner = await seeded({ gql: gqlAt(url) });
      const { res, slowest, grownMb } = await underLoad(url, owner, () => residentBytes(proc.child.pid!));
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(errorOf(res).code).toBe('RESPONSE_TOO_LARGE');
      expect(slowest).toBeLessThan(1000);
      expect(grownMb).toBeLessThan(100);
      // the work stopped: no statement is sent after the answer
      await new Promise((r) => setTimeout(r, 200));
      const after = await statements();
      await new Promise((r) => setTimeout(r, 500));
      expect(await statements()).toBe(after);
      // and an answer within the limits is whole
      const whole = ok(await gqlAt(url)(`{ risks(first: 2) { nodes { programme { risks { id } } } } }`, {}, owner.admin));
      expect(whole.risks.nodes.map((n: any) => n.programme.risks.length)).toEqual([RISKS, RISKS]);
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
      db.cleanup();
    }
  }, 120_000);

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
      const { res, took, slowest, grownMb } = await underLoad(server.server.url, owner, () => process.memoryUsage().rss);
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
  }, 120_000);
});
