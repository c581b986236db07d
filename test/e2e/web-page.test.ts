/// <reference lib="dom" />
// (the callbacks given to page.evaluate run in the browser)
import zlib from 'node:zlib';
import { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { newOrg, Org } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';
import { inspect, openWebPage, signIn } from '../support/web-page';

// GET / serves the web page: everything from this server, under the CSP, small; sign-in keeps the
// token in sessionStorage only and refuses a token the API refuses.

let t: TestServer;
let browser: Browser;
let base: string;
let org: Org;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  base = t.server.url.replace(/graphql$/, '');
  org = await newOrg(t);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const REFUSED = /That token was not accepted/;

test('GET / serves the page and its assets from this server under a CSP that allows no other origin or inline script', async () => {
  const res = await fetch(base);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const csp = res.headers.get('content-security-policy')!;
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).toMatch(/default-src 'self'/);
  const html = await res.text();
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  for (const asset of assets) {
    const served = await fetch(base + asset.slice(1));
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toMatch(/immutable/);
  }
});

test('the page loads over plain HTTP under a name other than localhost (a demo opened from another machine)', async () => {
  // the name resolves to this machine's loopback address: no traffic leaves it
  const elsewhere = await launchBrowser(['--host-resolver-rules=MAP register.test 127.0.0.1']);
  try {
    const page = await elsewhere.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto(base.replace('127.0.0.1', 'register.test'));
    await page.getByLabel('Bearer token').waitFor({ timeout: 5000 });
    expect(failed).toEqual([]);
  } finally {
    await elsewhere.close();
  }
});

test('the served JavaScript is under 300 KB gzipped at level 6', async () => {
  const html = await (await fetch(base)).text();
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let gzipped = 0;
  for (const script of scripts) {
    const body = Buffer.from(await (await fetch(base + script.slice(1))).arrayBuffer());
    gzipped += zlib.gzipSync(body, { level: 6 }).length;
  }
  console.log(`served JavaScript: ${scripts.length} file(s), ${(gzipped / 1024).toFixed(1)} KB gzipped (level 6)`);
  expect(gzipped).toBeGreaterThan(0);
  expect(gzipped).toBeLessThan(300 * 1024);
});

test('sign-in keeps the token in sessionStorage only: it survives a reload, not a new browser session; sign out forgets it', async () => {
  const member = await org.user('MEMBER');
  await org.programme();
  const web = await openWebPage(browser, base);
  const { page } = web;
  expect(await inspect(page, 'sign-in')).toEqual([]);
  await signIn(page, member);
  await page.locator('caption', { hasText: 'portfolio' }).waitFor();

  expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);
  expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([member]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.context().cookies()).toEqual([]);
  expect(page.url()).not.toContain(member);

  await page.reload();
  await page.locator('caption', { hasText: 'portfolio' }).waitFor();

  const fresh = await openWebPage(browser, base);
  await fresh.page.getByLabel('Bearer token').waitFor();
  expect(await fresh.page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  await fresh.close();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Bearer token').waitFor();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  expect(web.problems).toEqual([]);
  await web.close();
});

test('a token the API refuses (mistyped or deactivated) shows a clear message and no data', async () => {
  const programme = await org.programme({ name: 'Secret Programme Name' });
  const member = await org.user('MEMBER');
  const me = ok(await t.gql(`{ me { id } }`, {}, member)).me;
  ok(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: me.id }, org.admin));

  const web = await openWebPage(browser, base);
  const { page } = web;
  for (const token of ['pr_not_a_real_token', member]) {
    await signIn(page, token);
    await page.getByRole('alert').filter({ hasText: REFUSED }).waitFor();
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.content()).not.toContain(programme.code);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  }
  expect(await inspect(page, 'sign-in-refused')).toEqual([]);
  expect(web.problems.filter((p) => !p.includes('401'))).toEqual([]);
  await web.close();
});

test('a user deactivated while signed in is signed out at the next page with the same message', async () => {
  const member = await org.user('MEMBER');
  const programme = await org.programme();
  const me = ok(await t.gql(`{ me { id } }`, {}, member)).me;
  const web = await openWebPage(browser, base);
  const { page } = web;
  await signIn(page, member);
  await page.getByRole('link', { name: new RegExp(programme.code) }).waitFor();

  ok(await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: me.id }, org.admin));
  await page.getByRole('link', { name: new RegExp(programme.code) }).click();
  await page.getByRole('alert').filter({ hasText: REFUSED }).waitFor();
  expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await web.close();
});

test('the keyboard reaches everything: skip link, links, the heat map switch, each with a visible focus', async () => {
  const programme = await org.programme();
  const member = await org.user('MEMBER');
  const web = await openWebPage(browser, base);
  const { page } = web;
  await signIn(page, member);
  await page.locator('caption', { hasText: 'portfolio' }).waitFor();
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, text: el.textContent?.trim(), outline: style.outlineStyle, top: el.getBoundingClientRect().top };
    });

  expect((await focused()).tag).toBe('MAIN');
  await page.reload();
  await page.locator('caption', { hasText: 'portfolio' }).waitFor();
  await page.keyboard.press('Tab');
  expect(await focused()).toMatchObject({ tag: 'A', text: 'Skip to main content', outline: 'solid' });
  expect((await focused()).top).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Enter');
  expect((await focused()).tag).toBe('MAIN');

  // from the top of the page content, Tab moves to the programme's link, Enter follows it
  const onLink = async () => {
    const { tag, text } = await focused();
    return tag === 'A' && text?.startsWith(programme.code);
  };
  for (let i = 0; i < 5 && !(await onLink()); i++) await page.keyboard.press('Tab');
  expect(await focused()).toMatchObject({ tag: 'A', outline: 'solid' });
  await page.keyboard.press('Enter');
  await page.locator('table.heat-map[data-basis="CURRENT"]').waitFor();
  expect((await focused()).tag).toBe('MAIN');

  for (let i = 0; i < 10 && (await focused()).tag !== 'INPUT'; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('CURRENT');
  expect((await focused()).outline).toBe('solid');
  await page.keyboard.press('ArrowRight');
  await page.locator('table.heat-map[data-basis="INHERENT"]').waitFor();
  expect(web.problems).toEqual([]);
  await web.close();
});

test("the programme page's Report pack button opens the caller's report from a blob URL: the token is in no URL", async () => {
  const programme = await org.programme({ name: 'Report pack hubs' });
  const web = await openWebPage(browser, base);
  try {
    const { page } = web;
    const urls: string[] = [];
    page.context().on('request', (r) => urls.push(r.url()));
    await signIn(page, org.admin);
    await page.goto(`${base}#/programmes/${programme.id}`);
    const [report] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Report pack' }).click()]);
    await report.waitForURL(/^blob:/);
    await report.getByText('Produced on').waitFor();
    expect(await report.innerText('h1')).toContain('Report pack hubs');
    expect(urls.some((u) => u.includes(`/reports/programmes/${programme.id}`))).toBe(true);
    expect(urls.filter((u) => u.includes(org.admin))).toEqual([]);
    expect(web.problems).toEqual([]);
  } finally {
    await web.close();
  }
});
