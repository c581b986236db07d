import { newOrg, Org } from '../support/fixtures';
import { errorOf, ok, startTestServer, TestServer } from '../support/test-server';
import { newRisk } from './risk-helpers';

// The estimate of an operation's answer, before anything runs, and the hard cap behind it.
// The nested shape is the one that drove the process out of memory: a variable `first` and
// unpaginated lists, which the estimate used to count as 1.
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
  expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(errorOf(res).message).toMatch(/estimated/);
  expect(t.statements()).toBe(before);
}

test('a variable first counts as its value', async () => {
  await refusedBeforeAnythingRuns(NESTED, { n: 500 });
});

test('an absent first counts as the default, and unpaginated lists as a stated size', async () => {
  const nested = (first: string) =>
    `{ risks${first} { nodes { programme { risks { programme { risks { programme { risks { id reference title } } } } } } } } }`;
  ok(await t.gql(nested('(first: 10)'), {}, org.admin));
  await refusedBeforeAnythingRuns(nested(''), {});
  await refusedBeforeAnythingRuns(
    `{ programmes(first: 100) { nodes { risks { mitigations { action risk { programme { risks { mitigations { action } } } } } } } } }`,
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
  // a programme holding far more risks than an unpaginated list is counted as (20): what
  // NESTED answers for first: 20 is 20 x 60 x 60 x 60 objects, which the estimate passes
  async function seeded(limits: { maxResponseObjects: number; requestTimeoutSeconds: number }) {
    const server = await startTestServer(limits);
    const owner = await newOrg(server);
    const programme = await owner.programme();
    for (let i = 0; i < 60; i++) await newRisk(server, owner, programme.id, { reference: `R${i}` });
    return { server, owner };
  }

  /** Sends NESTED while polling /health: the answer, the slowest health answer and the memory grown. */
  async function underLoad({ server, owner }: Awaited<ReturnType<typeof seeded>>, n: number) {
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
    const res = await server.gql(NESTED, { n }, owner.admin);
    const took = Date.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    done = true;
    await polling;
    return { res, took, slowest, grownMb: (peak - rssBefore) / 2 ** 20 };
  }

  test('too many objects: RESPONSE_TOO_LARGE, data null; /health answers 200 meanwhile and memory stays', async () => {
    const seed = await seeded({ maxResponseObjects: 20_000, requestTimeoutSeconds: 10 });
    try {
      const { res, grownMb } = await underLoad(seed, 20);
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(errorOf(res).code).toBe('RESPONSE_TOO_LARGE');
      expect(grownMb).toBeLessThan(100);
      // and an answer within the limits is whole
      const whole = ok(
        await seed.server.gql(`{ risks(first: 2) { nodes { programme { risks { id } } } } }`, {}, seed.owner.admin),
      );
      expect(whole.risks.nodes.map((n: any) => n.programme.risks.length)).toEqual([60, 60]);
    } finally {
      await seed.server.close();
    }
  });

  test('too long: TIMEOUT, data null, on time; /health answers 200 meanwhile', async () => {
    const seed = await seeded({ maxResponseObjects: 10_000_000, requestTimeoutSeconds: 1 });
    try {
      const { res, took } = await underLoad(seed, 20);
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(errorOf(res).code).toBe('TIMEOUT');
      expect(took).toBeLessThan(3000);
    } finally {
      await seed.server.close();
    }
  });
});
