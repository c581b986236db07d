import { seedDemo } from '../../src/demo/seed';
import { OPERATOR_SECRET, startTestServer, TestServer } from './test-server';

/** A test server holding the demo council, and the token of its MEMBER. */
export interface DemoServer {
  t: TestServer;
  member: string;
}

/**
 * For a test file that reads the demo council as a MEMBER: seeds it on a server of its own before the
 * file's tests and closes that server after them. Call it at the top of the file.
 */
export function demoServer(): DemoServer {
  const demo = {} as DemoServer;
  beforeAll(async () => {
    demo.t = await startTestServer();
    demo.member = (await seedDemo(demo.t.server.url, OPERATOR_SECRET)).tokens.MEMBER;
  }, 120_000);
  afterAll(() => demo.t?.close());
  return demo;
}
