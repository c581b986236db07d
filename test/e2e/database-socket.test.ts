import fs from 'node:fs';
import { newOrg } from '../support/fixtures';
import { listeningPorts } from '../support/network';
import { startTestServer, TestServer } from '../support/test-server';

const embedded = !JSON.parse(process.env.PR_TEST_RUN!).databaseUrl;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

// the embedded database once listened on a loopback port that let any local process in as superuser
test('the server listens on its HTTP port and no other', () => {
  expect(listeningPorts()).toEqual([t.server.port]);
});

test('fsync is on for the connections that serve requests', async () => {
  expect(await t.server.database.dataSource.query('SHOW fsync')).toEqual([{ fsync: 'on' }]);
});

(embedded ? test : test.skip)('on the embedded database, a write is on the disk before it is answered', async () => {
  const org = await newOrg(t);
  const fsync = jest.spyOn(fs, 'fsyncSync');
  try {
    await org.programme({ code: 'DURABLE-1' });
    expect(fsync).toHaveBeenCalled();
  } finally {
    fsync.mockRestore();
  }
});
