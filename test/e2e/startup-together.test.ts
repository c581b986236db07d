import { Client } from 'pg';
import { newOrg } from '../support/fixtures';
import { adminQuery, TestRun, withDatabase } from '../support/test-database';
import { ok, startTestServer, TestServer } from '../support/test-server';

const run: TestRun = JSON.parse(process.env.PR_TEST_RUN!);
// Several instances on one database exist only with PostgreSQL: the embedded database admits one
// server per data directory (data-dir-lock.test.ts).
const onPostgres = run.databaseUrl ? describe : describe.skip;

onPostgres('instances started at the same moment on a fresh PostgreSQL database', () => {
  const name = `pr_together_${Date.now()}_${process.pid}`;
  let url: string;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    await adminQuery(run.adminUrl!, `CREATE DATABASE ${name}`);
    url = withDatabase(run.adminUrl!, name);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await adminQuery(run.adminUrl!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  test('all of them start and serve, and each migration is applied once', async () => {
    const started = await Promise.allSettled(Array.from({ length: 4 }, () => startTestServer({ databaseUrl: url })));
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    expect(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);

    // what one instance writes, every other reads
    const org = await newOrg(servers[0]);
    const p = await org.programme({ code: 'TOGETHER' });
    for (const s of servers) {
      expect(ok(await s.gql(`query($id: ID!) { programme(id: $id) { code } }`, { id: p.id }, org.admin)).programme.code).toBe(
        'TOGETHER',
      );
    }
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT name, count(*)::int AS n FROM migrations GROUP BY name`);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

if (!run.databaseUrl) test.skip('instances sharing one database are tested on PostgreSQL only', () => undefined);
