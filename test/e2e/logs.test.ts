import { Writable } from 'node:stream';
import { LogLevel } from '../../src/config';
import { createLogger } from '../../src/logger';
import { newOrg } from '../support/fixtures';
import { ok, OPERATOR_SECRET, startTestServer, TestServer } from '../support/test-server';

/** A server whose log lines are kept, parsed, for the test to read. */
async function loggedServer(level: LogLevel) {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const t = await startTestServer({}, createLogger(level, sink));
  const requests = () => lines.filter((l) => l.msg === 'request');
  return { t, lines, requests, raw: () => lines.map((l) => JSON.stringify(l)).join('\n') };
}

function post(t: TestServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(t.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Waits for the line of the request whose answer carried `reqId` (written when the answer is sent). */
async function lineOf(requests: () => Record<string, any>[], reqId: string | null) {
  for (let i = 0; i < 50; i++) {
    const line = requests().find((l) => l.reqId === reqId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no request line for ${reqId}`);
}

describe('at info', () => {
  let s: Awaited<ReturnType<typeof loggedServer>>;
  beforeAll(async () => {
    s = await loggedServer('info');
  });
  afterAll(() => s?.t.close());

  test("one line per request with its id, operation, status, duration and the caller's organisation and user", async () => {
    const org = await newOrg(s.t);
    const me = ok(await s.t.gql(`{ me { id } }`, {}, org.admin)).me;
    const res = await post(
      s.t,
      { query: 'query Programmes { programmes { totalCount } }' },
      { authorization: `Bearer ${org.admin}` },
    );
    const reqId = res.headers.get('x-request-id');
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    const line = await lineOf(s.requests, reqId);
    expect(line).toMatchObject({
      level: 'info',
      reqId,
      method: 'POST',
      path: '/graphql',
      operationName: 'Programmes',
      status: 200,
      organisationId: org.id,
      userId: me.id,
    });
    expect(line.durationMs).toBeGreaterThan(0);
    expect(s.requests().filter((l) => l.reqId === reqId)).toHaveLength(1);
  });

  test('a request id the client sends is kept and echoed; one that is not a plain token is replaced', async () => {
    const kept = await post(s.t, { query: '{ __typename }' }, { 'x-request-id': 'lb-7f3a.42:retry-1' });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.42:retry-1');
    expect(await lineOf(s.requests, 'lb-7f3a.42:retry-1')).toMatchObject({ status: 200 });

    const forged = 'x", "level": "fatal';
    const replaced = await post(s.t, { query: '{ __typename }' }, { 'x-request-id': forged });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await lineOf(s.requests, replaced.headers.get('x-request-id'));
    expect(s.raw()).not.toContain('fatal');
  });

  test('never the token, the admin secret, the query document or its variables', async () => {
    const org = await newOrg(s.t);
    const res = await post(
      s.t,
      {
        query: 'mutation Create($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
        variables: { input: { code: 'SECRET-CODE-1', name: 'Name-In-Variables' } },
      },
      { authorization: `Bearer ${org.admin}` },
    );
    const line = await lineOf(s.requests, res.headers.get('x-request-id'));
    expect(line.operationName).toBe('Create');
    const logged = s.raw();
    for (const secret of [org.admin, OPERATOR_SECRET, 'SECRET-CODE-1', 'Name-In-Variables', 'createProgramme(input'])
      expect(logged).not.toContain(secret);
  });

  test('the error codes answered are on the line; an anonymous caller has no organisation or user', async () => {
    const res = await post(s.t, { query: '{ me { id } }' });
    const line = await lineOf(s.requests, res.headers.get('x-request-id'));
    expect(line).toMatchObject({ status: 200, errorCodes: ['UNAUTHENTICATED'] });
    expect(line).not.toHaveProperty('organisationId');
    expect(line).not.toHaveProperty('userId');
  });

  test('/health probes are not logged at info', async () => {
    const res = await fetch(s.t.server.url.replace('/graphql', '/health'));
    expect(res.status).toBe(200);
    await post(s.t, { query: '{ __typename }' }, { 'x-request-id': 'after-health' });
    await lineOf(s.requests, 'after-health');
    expect(s.requests().filter((l) => l.path === '/health')).toEqual([]);
  });

  test('an unexpected error is logged once, with its cause, on a line carrying the request id', async () => {
    const org = await newOrg(s.t);
    const dataSource = s.t.server.database.dataSource;
    const query = dataSource.query.bind(dataSource);
    dataSource.query = ((sql: string, params?: unknown[]) =>
      sql.includes('FROM programmes p WHERE')
        ? Promise.reject(new Error('programmes could not be read', { cause: new Error('disk quota exceeded') }))
        : query(sql, params)) as typeof dataSource.query;
    try {
      const res = await post(s.t, { query: '{ programmes { nodes { id } } }' }, { authorization: `Bearer ${org.admin}` });
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const reqId = res.headers.get('x-request-id');
      await lineOf(s.requests, reqId);
      const errors = s.lines.filter((l) => l.level === 'error' && l.reqId === reqId);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        msg: 'unexpected error',
        organisationId: org.id,
        err: { message: 'programmes could not be read', cause: { message: 'disk quota exceeded' } },
      });
      expect(errors[0].err.stack).toContain('programmes could not be read');
    } finally {
      dataSource.query = query;
    }
  });
});

test('/health is logged at debug; LOG_LEVEL=warn keeps only warnings and errors', async () => {
  const debug = await loggedServer('debug');
  const warn = await loggedServer('warn');
  try {
    for (const s of [debug, warn]) {
      await fetch(s.t.server.url.replace('/graphql', '/health'), { headers: { 'x-request-id': 'probe-1' } });
      await post(s.t, { query: '{ __typename }' }, { 'x-request-id': 'typename-1' });
    }
    expect(await lineOf(debug.requests, 'probe-1')).toMatchObject({ level: 'debug', path: '/health', status: 200 });
    expect(await lineOf(debug.requests, 'typename-1')).toMatchObject({ level: 'info' });
    await new Promise((r) => setTimeout(r, 50));
    expect(warn.lines).toEqual([]);
  } finally {
    await debug.t.close();
    await warn.t.close();
  }
});
