/// <reference lib="dom" />
import { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { newOrg, Org } from '../support/fixtures';
import { startTestServer, TestServer } from '../support/test-server';

// GET /graphql from a browser: an explorer served whole by this server, under its CSP, with no
// internet; the API itself (POST, and GET without HTML) answers as before.

let t: TestServer;
let browser: Browser;
let org: Org;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  org = await newOrg(t);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

test('a browser opening /graphql with no internet gets a working explorer that runs a query with a bearer token', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(t.server.url).origin;
  // offline: anything not from this server fails, as on a council network without internet
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:',
    (route) => {
      problems.push(`request to ${route.request().url()}`);
      return route.abort('internetdisconnected');
    },
  );
  page.on('console', (m) => m.type() === 'error' && !/status of 401/.test(m.text()) && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  try {
    const introspection = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /IntrospectionQuery/.test(r.request().postData() ?? ''),
    );
    const res = await page.goto(t.server.url);
    expect(res!.status()).toBe(200);
    // the schema, from which the explorer's documentation and completion come
    expect((await introspection).status()).toBe(200);

    // a token in Headers, then run the default query (me)
    await page.getByText('Headers', { exact: true }).click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await headers.click();
    await page.keyboard.type(`{"Authorization": "Bearer ${org.admin}"`);
    await page.getByRole('button', { name: /execute query/i }).click();
    const result = page.locator('.result-window');
    await result.getByText('"role": "ADMIN"').waitFor({ timeout: 10_000 });
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

test('GET /graphql without asking for HTML, and POST /graphql, reach the API as before', async () => {
  const get = await fetch(`${t.server.url}?query=${encodeURIComponent('{ __typename }')}`);
  expect(get.status).toBe(400); // CSRF prevention: a simple GET of the API is refused
  const post = await t.gql(`{ me { role } }`, {}, org.admin);
  expect(post).toEqual({ status: 200, data: { me: { role: 'ADMIN' } } });
});
