import { Pool } from 'pg';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { newOrg } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

/** Closes every connection of the server's pool, as an idle timeout or a network fault does. */
async function replaceConnections(): Promise<void> {
  const pool = (t.server.database.dataSource.driver as PostgresDriver).master as Pool;
  const clients = await Promise.all(Array.from({ length: pool.totalCount || 1 }, () => pool.connect()));
  for (const client of clients) client.release(true);
}

// PGlite is one session behind every connection: the next connection must not meet the statements
// the closed one prepared (src/db/pglite-stream.ts)
test('after the pool replaces its connections, the same reads and writes work again', async () => {
  const org = await newOrg(t);
  const list = `{ programmes { totalCount nodes { code risks { reference } } } }`;
  await org.programme({ code: 'FH', name: 'Family Hubs' });
  expect(ok(await t.gql(list, {}, org.admin)).programmes.totalCount).toBe(1);
  await replaceConnections();
  expect(ok(await t.gql(list, {}, org.admin)).programmes.totalCount).toBe(1);
  await org.programme({ code: 'LW', name: 'Locality Working' });
  await replaceConnections();
  expect(ok(await t.gql(list, {}, org.admin)).programmes.nodes.map((p: { code: string }) => p.code)).toEqual(['FH', 'LW']);
});
