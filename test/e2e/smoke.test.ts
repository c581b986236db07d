import { newOrg } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

test('an organisation admin sees itself', async () => {
  const org = await newOrg(t);
  const data = ok(await t.gql(`{ me { role } organisation { id } }`, {}, org.admin));
  expect(data).toEqual({ me: { role: 'ADMIN' }, organisation: { id: org.id } });
});
