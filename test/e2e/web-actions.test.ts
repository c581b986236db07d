/// <reference lib="dom" />
// (the callbacks given to page.evaluate run in the browser)
import path from 'node:path';
import { Page } from 'playwright-core';
import { ok } from '../support/test-server';
import { demoInBrowser } from '../support/web-demo';
import { inspect, openWebPage, SCREENSHOT_DIR, signIn } from '../support/web-page';
import { download } from './export-helpers';

// The "Actions" section of a programme, on the web page and in the report pack, on the demo
// council (whose committees have actions done, dropped, overdue and not yet due): outstanding
// actions first with the overdue ones written "Overdue", then the done or dropped ones.

const env = demoInBrowser();

interface ApiAction {
  text: string;
  status: string;
  overdue: boolean;
}

async function apiActions(id: string, token: string): Promise<ApiAction[]> {
  const data = ok(await env.t.gql(`query($id: ID!) { programme(id: $id) { actions { text status overdue } } }`, { id }, token));
  return data.programme.actions;
}

/** What each table should hold: [action text, status cell starting word]. */
function expected(actions: ApiAction[]) {
  const row = (a: ApiAction) => [a.text, a.overdue ? 'Overdue' : a.status.charAt(0) + a.status.slice(1).toLowerCase()];
  return {
    outstanding: actions.filter((a) => a.status === 'OPEN').map(row),
    closed: actions.filter((a) => a.status !== 'OPEN').map(row),
  };
}

/** [row header, first word of the status cell] of each row of the table with this caption. */
function rows(page: Page, caption: string): Promise<string[][]> {
  return page
    .locator('table.committee-actions', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.lastElementChild!.textContent!.trim().split(' ')[0]]),
    );
}

/** The programme with the most actions that has both outstanding and closed ones, overdue among them. */
async function busiestProgramme(token: string): Promise<[string, string, ApiAction[]]> {
  let best: [string, string, ApiAction[]] | undefined;
  for (const [code, id] of Object.entries(env.demo.programmeIds)) {
    const actions = await apiActions(id, token);
    if (!actions.some((a) => a.overdue) || !actions.some((a) => a.status !== 'OPEN')) continue;
    if (!best || actions.length > best[2].length) best = [code, id, actions];
  }
  expect(best).toBeDefined();
  return best!;
}

test('the programme page shows outstanding actions first, overdue ones written "Overdue", then done or dropped; axe-clean at 1280 and 360 px', async () => {
  const token = env.demo.tokens.MEMBER;
  const [code, , actions] = await busiestProgramme(token);
  const web = await openWebPage(env.browser, env.base);
  try {
    const { page } = web;
    await signIn(page, token);
    await page.locator(`tr[data-programme="${code}"] a`).click();
    await page.locator('#actions-heading').waitFor();
    const want = expected(actions);
    expect(await rows(page, 'Outstanding')).toEqual(want.outstanding);
    expect(await rows(page, 'done or dropped')).toEqual(want.closed);
    const overdue = actions.filter((a) => a.overdue).length;
    expect(await page.locator('.actions-summary').textContent()).toBe(
      `${want.outstanding.length} outstanding, ${overdue} overdue; ${want.closed.length} done or dropped.`,
    );
    // headings stay in order: the section is an h2 like its neighbours
    expect(await page.locator('#actions-heading').evaluate((h) => h.tagName)).toBe('H2');
    await page.locator('section[aria-labelledby="actions-heading"]').screenshot({ path: '/tmp/web-actions.png' });
    expect(await inspect(page, 'MEMBER-programme-actions')).toEqual([]);
    expect(web.problems).toEqual([]);
  } finally {
    await web.close();
  }
}, 60_000);

test('the report pack has the same Actions section, and prints on A4', async () => {
  const token = env.demo.tokens.MEMBER;
  const [, id, actions] = await busiestProgramme(token);
  const res = await download(env.t, `/reports/programmes/${encodeURIComponent(id)}`, token);
  expect(res.status).toBe(200);
  const page = await env.browser.newPage();
  try {
    await page.setContent(res.body.toString('utf8'));
    expect(await page.locator('#actions h2').textContent()).toBe('Actions');
    const want = expected(actions);
    expect(await rows(page, 'Outstanding')).toEqual(want.outstanding);
    expect(await rows(page, 'done or dropped')).toEqual(want.closed);
    await page.emulateMedia({ media: 'print' });
    await page.locator('#actions').screenshot({ path: '/tmp/web-actions-pack.png' });
    await page.pdf({ path: path.join(SCREENSHOT_DIR, 'actions-pack.pdf'), format: 'A4', printBackground: true });
  } finally {
    await page.close();
  }
}, 60_000);
