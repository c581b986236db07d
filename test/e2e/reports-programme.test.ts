/// <reference lib="dom" />
// (the callbacks given to page.evaluate run in the browser)
import { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { newOrg, Org } from '../support/fixtures';
import { ok, startTestServer, TestServer } from '../support/test-server';
import { download } from './export-helpers';
import { ADD_MITIGATION, FUTURE, MATRIX, newRisk } from './risk-helpers';

// GET /reports/programmes/:id: the printable report pack, as the bearer's caller sees the programme.

let t: TestServer;
let browser: Browser;
let org: Org;
let programme: { id: string; code: string };

const DESCRIPTION = '<script>window.pwned = 1</script> Hubs & "spokes"';

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  org = await newOrg(t);
  programme = await org.programme({ name: 'Family Hubs', owner: 'Director of Children’s Services', description: DESCRIPTION });
  const open = await newRisk(t, org, programme.id, {
    reference: 'R01',
    inherent: { likelihood: 5, impact: 5 },
    cause: 'Teams move before case files are migrated',
    treatment: 'TREAT',
  });
  ok(await t.gql(ADD_MITIGATION, { id: open.id, input: { action: 'Move staff in two waves', dueDate: FUTURE } }, org.admin));
  ok(await t.gql(ADD_MITIGATION, { id: open.id, input: { action: 'Duty rota covers every move', kind: 'CONTROL' } }, org.admin));
  await newRisk(t, org, programme.id, {
    reference: 'R02',
    title: 'Named child at risk',
    confidential: true,
    inherent: { likelihood: 5, impact: 4 },
  });
  await newRisk(t, org, programme.id, { reference: 'R03', title: 'Minor delay', inherent: { likelihood: 1, impact: 2 } });
  ok(
    await t.gql(
      `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id } }`,
      { input: { programmeId: programme.id, title: 'Hub opens', baselineDate: '2026-04-01', forecastDate: '2026-09-01' } },
      org.admin,
    ),
  );
  ok(
    await t.gql(
      `mutation($input: MilestoneInput!) { createMilestone(input: $input) { id } }`,
      { input: { programmeId: programme.id, title: 'Consultation ends', baselineDate: '2026-02-01' } },
      org.admin,
    ),
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const report = (token?: string, id = programme.id) => download(t, `/reports/programmes/${encodeURIComponent(id)}`, token);

/** The report's HTML, loaded into a page of headless Chromium. */
async function reportPage(token: string): Promise<{ page: Page; html: string }> {
  const res = await report(token);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const html = res.body.toString('utf8');
  const page = await browser.newPage();
  await page.setContent(html);
  return { page, html };
}

/** The heat map's counts as the page shows them, keyed likelihood x impact, zeros left out. */
const shownCounts = (page: Page) =>
  page.$$eval('.heat-map td[data-likelihood]', (cells) =>
    Object.fromEntries(
      cells
        .filter((c) => c.textContent !== '0')
        .map((c) => [`${c.getAttribute('data-likelihood')}x${c.getAttribute('data-impact')}`, Number(c.textContent)]),
    ),
  );

async function apiCounts(token: string) {
  const { riskMatrix } = ok(await t.gql(MATRIX, { programmeId: programme.id, basis: 'CURRENT' }, token));
  return Object.fromEntries(
    riskMatrix.cells.filter((c: any) => c.count > 0).map((c: any) => [`${c.likelihood}x${c.impact}`, c.count]),
  );
}

const aboveAppetite = async (token: string) =>
  ok(
    await t.gql(
      `query($id: ID!) { programme(id: $id) { risks(filter: { status: [OPEN] }) { reference withinAppetite } } }`,
      { id: programme.id },
      token,
    ),
  )
    .programme.risks.filter((r: any) => !r.withinAppetite)
    .map((r: any) => r.reference);

test("the ADMIN's pack: summary, owner, heat map with the ADMIN's counts, risks above appetite, slipped milestones, savings, today's date", async () => {
  const { page } = await reportPage(org.admin);
  try {
    const text = await page.innerText('body');
    expect(text).toContain('Family Hubs');
    expect(text).toContain('Director of Children’s Services');
    const today = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(new Date());
    expect(text).toContain(`Produced on ${today}`);
    expect(await page.innerText('#health')).toContain('3 open risks');
    expect(await shownCounts(page)).toEqual(await apiCounts(org.admin));
    expect(await shownCounts(page)).toEqual({ '5x5': 1, '5x4': 1, '1x2': 1 });
    const above = await page.$$eval('#above-appetite article', (as) => as.map((a) => a.getAttribute('data-risk')));
    expect(above).toEqual(await aboveAppetite(org.admin));
    expect(above).toContain('R01');
    expect(await page.innerText('[data-risk="R01"]')).toContain('Move staff in two waves');
    // issue 17: the corporate register (R01 and the confidential R02 score 15 or more), the risk's statement, controls apart
    expect(await page.innerText('#health')).toContain('2 open risks escalated to the corporate register');
    const r01 = await page.innerText('[data-risk="R01"]');
    expect(r01).toContain('Escalated to the corporate register');
    expect(r01).toContain('Teams move before case files are migrated');
    expect(await page.innerText('[data-risk="R01"] table.controls tbody')).toMatch(
      /^Duty rota covers every move\s+none\s+Not assessed$/,
    );
    expect(await page.innerText('[data-risk="R01"] table.further-actions tbody')).toContain('Move staff in two waves');
    const slipped = await page.$$eval('#slipped-milestones tbody th', (ths) => ths.map((th) => th.textContent));
    expect(slipped).toEqual(['Hub opens']);
    expect(await page.innerText('#savings tfoot')).toContain('£0.00');
    expect(await page.$('#resolutions')).not.toBeNull();
  } finally {
    await page.close();
  }
});

test('every text is escaped: the description shows as written and runs nothing', async () => {
  const { page, html } = await reportPage(org.admin);
  try {
    expect(html).not.toContain('<script>window.pwned');
    expect(await page.innerText('#summary')).toContain(DESCRIPTION);
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  } finally {
    await page.close();
  }
});

test("a MEMBER's pack holds no confidential risk, and its heat map the MEMBER's counts", async () => {
  const member = await org.user('MEMBER');
  const { page, html } = await reportPage(member);
  try {
    expect(html).not.toContain('Named child at risk');
    expect(await page.innerText('#health')).toContain('2 open risks');
    expect(await page.innerText('#health')).toContain('1 open risks escalated to the corporate register');
    expect(await shownCounts(page)).toEqual(await apiCounts(member));
    expect(await shownCounts(page)).toEqual({ '5x5': 1, '1x2': 1 });
    const above = await page.$$eval('#above-appetite article', (as) => as.map((a) => a.getAttribute('data-risk')));
    expect(above).toEqual(await aboveAppetite(member));
  } finally {
    await page.close();
  }
});

test('prints to A4: every section on a new page, table headers repeated, no navigation; Chromium makes a PDF of it', async () => {
  const { page, html } = await reportPage(org.admin);
  try {
    expect(html).toMatch(/@page\s*\{[^}]*size:\s*A4/);
    expect(html).not.toMatch(/<nav\b/);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('main section', (ss) => ss.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
    expect(await page.$eval('thead', (th) => getComputedStyle(th).display)).toBe('table-header-group');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // one page per section at least: summary, heat map, appetite, milestones, savings, resolutions
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(6);
  } finally {
    await page.close();
  }
});

test('no token or a bad one: 401 UNAUTHENTICATED as JSON', async () => {
  for (const token of [undefined, 'not-a-token']) {
    const res = await report(token);
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({
      errors: [
        expect.objectContaining({
          message: expect.any(String),
          extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
        }),
      ],
    });
  }
});

test("another organisation's, an unknown or a malformed programme id: 404", async () => {
  const other = await newOrg(t);
  const theirs = await other.programme();
  const unknown = theirs.id.replace(/[0-9a-f]$/i, (c) => (c === '0' ? '1' : '0'));
  for (const id of [theirs.id, unknown, 'not-an-id']) {
    const res = await report(org.admin, id);
    expect(res.status).toBe(404);
    expect(res.json().errors[0].extensions.code).toBe('NOT_FOUND');
  }
});
