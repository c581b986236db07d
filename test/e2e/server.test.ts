import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { newOrg } from '../support/fixtures';
import { outsideAddress } from '../support/network';
import { freshDataDir, TestRun } from '../support/test-database';
import { processDatabase, ROOT, startProcess } from '../support/server-process';
import { errorOf, ok, OPERATOR_SECRET, startTestServer, TestServer } from '../support/test-server';

const run: TestRun = JSON.parse(process.env.PR_TEST_RUN!);

describe('in process', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());

  test('GET /health answers 200 once the database answers', async () => {
    const res = await fetch(t.server.url.replace('/graphql', '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  test('a body over 1 MiB is 413, a body that is not JSON is 400', async () => {
    const post = (body: string) => fetch(t.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post(JSON.stringify({ query: '{ me { id } }', pad: 'x'.repeat(1_100_000) }))).status).toBe(413);
    expect((await post('{"query": ')).status).toBe(400);
  });

  test('secure headers are set and a simple cross-site GET of the API is refused (CSRF prevention)', async () => {
    const res = await fetch(`${t.server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.status).toBe(400);
  });

  test('an unexpected failure is INTERNAL_SERVER_ERROR without internals', async () => {
    const other = await startTestServer();
    const org = await newOrg(other);
    const dataSource = other.server.database.dataSource;
    const query = dataSource.query.bind(dataSource);
    // a fault nobody foresaw, in one statement: its message must not reach the client
    dataSource.query = ((sql: string, params?: unknown[]) =>
      sql.includes('FROM programmes p WHERE')
        ? Promise.reject(new Error('relation "secret_internals" does not exist'))
        : query(sql, params)) as typeof dataSource.query;
    try {
      const res = await other.gql(`{ programmes { nodes { id } } }`, {}, org.admin);
      expect(res.errors?.[0]).toEqual({
        message: 'Internal server error',
        path: ['programmes'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(res)).not.toContain('secret_internals');
    } finally {
      await other.close();
    }
  });

  test('a closed database connection is DATABASE_UNAVAILABLE and /health 503', async () => {
    const other = await startTestServer();
    const org = await newOrg(other);
    await other.server.database.dataSource.destroy();
    try {
      const res = await other.gql(`{ programmes { nodes { id } } }`, {}, org.admin);
      expect(res.errors?.[0].extensions?.code).toBe('DATABASE_UNAVAILABLE');
      expect(JSON.stringify(res)).not.toMatch(/stack|typeorm|pool/i);
      const health = await fetch(other.server.url.replace('/graphql', '/health'));
      expect(health.status).toBe(503);
    } finally {
      await other.close();
    }
  });
});

test('data written through the API survives a restart', async () => {
  const dataDir = run.templateDir ? freshDataDir(run.templateDir) : '';
  try {
    const first = await startTestServer({ dataDir });
    const org = await newOrg(first);
    const p = await org.programme({ code: 'KEEP-1' });
    await first.close();
    const second = await startTestServer({ dataDir });
    try {
      expect(
        ok(await second.gql(`query($id: ID!) { programme(id: $id) { code } }`, { id: p.id }, org.admin)).programme.code,
      ).toBe('KEEP-1');
    } finally {
      await second.close();
    }
  } finally {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('as a process', () => {
  let proc: ReturnType<typeof startProcess> | undefined;
  let db: ReturnType<typeof processDatabase> | undefined;
  afterEach(() => {
    if (proc && proc.child.exitCode === null) proc.child.kill('SIGKILL');
    db?.cleanup();
  });

  test('an unreachable DATABASE_URL ends start-up with one clear line', async () => {
    proc = startProcess({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(await proc.exited).toBe(1);
    const lines = proc.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^programme-register could not start: cannot open DATABASE_URL/);
  });

  test('a bad setting ends start-up with one line naming it, without repeating a secret', async () => {
    proc = startProcess({ LOG_LEVEL: 'verbose', ADMIN_SECRET: 'too-short' });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toEqual({
      stdout: '',
      stderr:
        'invalid configuration: ADMIN_SECRET must be at least 16 characters without spaces, or unset; ' +
        'LOG_LEVEL must be one of trace, debug, info, warn, error, silent (got "verbose")\n',
    });
  });

  test('a Node.js older than supported is told so in one line', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `Object.defineProperty(process.versions, 'node', { value: '18.20.4' }); require('./src/main.ts')`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe(
      'programme-register needs Node.js 20.19 or later (^20.19.0 || ^22.13.0 || >=24.11.0); this is Node.js 18.20.4\n',
    );
  });

  test('logs one JSON line per request without tokens, and SIGTERM drains in-flight requests then exits 0', async () => {
    db = processDatabase();
    proc = startProcess({ ...db.env, ADMIN_SECRET: OPERATOR_SECRET });
    const url = await proc.listening();
    const send = (query: string, token: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
    const created = (await (
      await send(
        `mutation Bootstrap { createOrganisation(name: "Leeds", adminEmail: "a@leeds.gov.uk", adminName: "A") { adminToken } }`,
        OPERATOR_SECRET,
      )
    ).json()) as any;
    const token = created.data.createOrganisation.adminToken;
    const inFlight = Array.from({ length: 5 }, (_, i) =>
      send(`mutation Create${i} { createProgramme(input: {code: "P-${i}", name: "P"}) { id } }`, token).then(
        (r) => r.json() as any,
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    proc.child.kill('SIGTERM');
    const answers = await Promise.allSettled(inFlight);
    expect(await proc.exited).toBe(0);
    // every request that reached the server before the signal was answered in full
    for (const a of answers)
      if (a.status === 'fulfilled') expect(a.value.data?.createProgramme?.id ?? a.value.errors).toBeTruthy();
    const { stdout } = proc.output();
    const requests = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'request');
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/graphql', operationName: 'Bootstrap', status: 200 });
    expect(typeof requests[0].durationMs).toBe('number');
    expect(stdout).not.toContain(token);
    expect(stdout).not.toContain(OPERATOR_SECRET);
  });
});

test('HOST is the address the server listens on', async () => {
  const outside = outsideAddress();
  const t = await startTestServer({ host: outside });
  const loopback = await startTestServer({ host: '127.0.0.1' });
  try {
    expect(t.server.url).toBe(`http://${outside}:${t.server.port}/graphql`);
    expect((await fetch(`http://${outside}:${t.server.port}/health`)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${t.server.port}/health`)).rejects.toThrow();
    await expect(fetch(`http://${outside}:${loopback.server.port}/health`)).rejects.toThrow();
  } finally {
    await t.close();
    await loopback.close();
  }
});

test('the admin secret is refused as a user token even on a fresh server', async () => {
  const t = await startTestServer();
  try {
    expect(errorOf(await t.gql(`{ organisation { id } }`, {}, OPERATOR_SECRET)).code).toBe('UNAUTHENTICATED');
  } finally {
    await t.close();
  }
});
