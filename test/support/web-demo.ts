import { Browser } from 'playwright-core';
import { DemoOrganisation } from '../../src/demo/organisation';
import { seedDemo } from '../../src/demo/seed';
import { launchBrowser } from './browser';
import { OPERATOR_SECRET, startTestServer, TestServer } from './test-server';

export interface DemoInBrowser {
  t: TestServer;
  browser: Browser;
  /** The web page's address. */
  base: string;
  demo: DemoOrganisation;
}

/** For a test file: a server seeded with the demo council and a browser, started before its tests and closed after. */
export function demoInBrowser(): DemoInBrowser {
  const env = {} as DemoInBrowser;
  beforeAll(async () => {
    [env.t, env.browser] = await Promise.all([startTestServer(), launchBrowser()]);
    env.base = env.t.server.url.replace(/graphql$/, '');
    env.demo = await seedDemo(env.t.server.url, OPERATOR_SECRET);
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.t?.close();
  });
  return env;
}
