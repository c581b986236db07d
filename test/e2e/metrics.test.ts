import { isLoopback } from '../../src/http/metrics-endpoint';
import { newOrg } from '../support/fixtures';
import { outsideAddress } from '../support/network';
import { ok, startTestServer, TestServer } from '../support/test-server';

const TOKEN = 'metrics-token-for-tests-0123';

function metricsUrl(t: TestServer, host = '127.0.0.1'): string {
  return `http://${host}:${t.server.port}/metrics`;
}

async function scrape(t: TestServer): Promise<string> {
  const res = await fetch(metricsUrl(t));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample, e.g. value(text, 'graphql_errors_total{code="NOT_FOUND"}'); 0 when absent. */
function value(text: string, sample: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

test.each([
  ['127.0.0.1', true],
  ['127.8.9.10', true],
  ['::1', true],
  ['::ffff:127.0.0.1', true],
  ['192.0.2.2', false],
  ['::ffff:192.0.2.2', false],
  ['10.127.0.1', false],
  ['fe80::1', false],
  ['::2', false],
  [undefined, false],
])('a socket from %s is loopback: %s', (address, loopback) => {
  expect(isLoopback(address)).toBe(loopback);
});

describe('without METRICS_TOKEN', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ host: '0.0.0.0' });
  });
  afterAll(() => t?.close());

  test('requests are timed by operation and outcome, and their errors counted by code', async () => {
    const org = await newOrg(t);
    const before = await scrape(t);
    ok(await t.gql(`query MetricsProbe { programmes { totalCount } }`, {}, org.admin));
    ok(await t.gql(`query MetricsProbe { programmes { totalCount } }`, {}, org.admin));
    await t.gql(`query MetricsProbe { me { id } }`, {});
    await t.gql(`mutation MetricsBroken { closeRisk(id: "nope", expectedVersion: 1, reason: "gone") { id } }`, {}, org.admin);
    const after = await scrape(t);
    const count = (labels: string) => value(after, `graphql_request_duration_seconds_count{${labels}}`);
    expect(count('operation="MetricsProbe",outcome="success"')).toBe(2);
    expect(count('operation="MetricsProbe",outcome="client_error"')).toBe(1);
    expect(count('operation="MetricsBroken",outcome="client_error"')).toBe(1);
    expect(value(after, 'graphql_request_duration_seconds_sum{operation="MetricsProbe",outcome="success"}')).toBeGreaterThan(0);
    const errors = (code: string) =>
      value(after, `graphql_errors_total{code="${code}"}`) - value(before, `graphql_errors_total{code="${code}"}`);
    expect(errors('UNAUTHENTICATED')).toBe(1);
    expect(errors('NOT_FOUND')).toBe(1);
  });

  test('requests refused before any operation count too, under operation "(none)"', async () => {
    const before = await scrape(t);
    const res = await fetch(t.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    const after = await scrape(t);
    const sample = 'graphql_request_duration_seconds_count{operation="(none)",outcome="client_error"}';
    expect(value(after, sample) - value(before, sample)).toBe(1);
    expect(
      value(after, 'graphql_errors_total{code="BAD_REQUEST"}') - value(before, 'graphql_errors_total{code="BAD_REQUEST"}'),
    ).toBe(1);
  });

  test("statements are timed and the pool's connections counted by state", async () => {
    const org = await newOrg(t);
    const before = value(await scrape(t), 'db_statement_duration_seconds_count');
    const statements = t.statements();
    ok(await t.gql(`{ programmes { nodes { id risks { id } } } }`, {}, org.admin));
    const after = await scrape(t);
    expect(value(after, 'db_statement_duration_seconds_count') - before).toBe(t.statements() - statements);
    expect(value(after, 'db_statement_duration_seconds_sum')).toBeGreaterThan(0);
    const inUse = value(after, 'db_pool_connections{state="in_use"}');
    const idle = value(after, 'db_pool_connections{state="idle"}');
    expect(inUse + idle).toBeGreaterThanOrEqual(1);
    expect(after).toContain('db_pool_connections{state="waiting"} 0');
  });

  test("prom-client's default process metrics are there", async () => {
    const text = await scrape(t);
    for (const name of [
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'process_cpu_seconds_total',
      'nodejs_heap_size_used_bytes',
    ])
      expect(text).toMatch(new RegExp(`^${name}(\\{[^}]*\\})? \\d`, 'm'));
  });

  test('a caller from another address gets 404, whatever X-Forwarded-For says', async () => {
    const outside = metricsUrl(t, outsideAddress());
    expect((await fetch(outside)).status).toBe(404);
    expect((await fetch(outside, { headers: { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1' } })).status).toBe(404);
    // the same server answers that address otherwise: the 404 is the metrics' refusal, not a network failure
    expect((await fetch(outside.replace('/metrics', '/health'))).status).toBe(200);
  });
});

describe('with METRICS_TOKEN', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ host: '0.0.0.0', metricsToken: TOKEN });
  });
  afterAll(() => t?.close());

  test.each([
    ['no Authorization', {}],
    ['another bearer', { authorization: 'Bearer metrics-token-for-tests-0124' }],
    ['the token without "Bearer"', { authorization: TOKEN }],
  ])('%s is 401, from loopback too', async (_what, headers: Record<string, string>) => {
    const res = await fetch(metricsUrl(t), { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.text()).not.toContain('graphql_');
  });

  test('the bearer is answered, from loopback and from another address', async () => {
    for (const host of ['127.0.0.1', outsideAddress()]) {
      const res = await fetch(metricsUrl(t, host), { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('# TYPE graphql_request_duration_seconds histogram');
    }
  });
});
