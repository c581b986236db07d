/// <reference lib="dom" />
// (the callbacks given to page.evaluate run in the browser)
import { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../src/demo/seed';
import { DemoOrganisation } from '../../src/demo/organisation';
import { launchBrowser } from '../support/browser';
import { ok, OPERATOR_SECRET, startTestServer, TestServer } from '../support/test-server';
import { inspect, NARROW, openWebPage, signIn, WebPage } from '../support/web-page';
import { ProgrammePageDocument } from '../../web/src/gql/graphql';
import { date } from '../../web/src/format';
import { download } from './export-helpers';

// Issue 17's register depth on the programme page, the risk page and the report pack, on the demo
// council: existing controls with their effectiveness apart from further actions (slippage from
// the first due date, the latest progress note and all of them), the risk as cause, event and
// effect with its treatment, proximity and corporate register marker, the issue log, and the
// programme's health reports.

let t: TestServer;
let browser: Browser;
let base: string;
let demo: DemoOrganisation;
let adminEmail: string;
/** A programme with no health report: every demo programme has a history. */
let unreported: string;

/** [rating, commentary, asOf], newest first. */
const HEALTH = [
  ['RED', 'Two hub sites late; social care referrals still rising.', '2026-11-20'],
  ['AMBER', 'Consultation on hub locations slipped two weeks; staffing restructure on track.', '2026-10-01'],
];

const RAISE = `mutation($input: IssueInput!) { raiseIssue(input: $input) { id } }`;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  base = t.server.url.replace(/graphql$/, '');
  demo = await seedDemo(t.server.url, OPERATOR_SECRET);
  // FH-2018 has only a resolved issue: two open ones, the GREEN raised after the RED, show the order by priority
  for (const [reference, priority, raisedOn] of [
    ['I02', 'RED', '2019-01-10'],
    ['I03', 'GREEN', '2019-02-10'],
  ])
    ok(
      await t.gql(
        RAISE,
        { input: { programmeId: demo.programmeIds['FH-2018'], reference, title: `${priority} issue`, priority, raisedOn } },
        demo.tokens.ADMIN,
      ),
    );
  // above the demo's history FH-2018 gets two newer reports, the later one RED
  const report = `mutation($id: ID!, $rating: Rating!, $commentary: String!, $asOf: Date) {
    reportProgrammeHealth(programmeId: $id, rating: $rating, commentary: $commentary, asOf: $asOf) { id } }`;
  for (const [rating, commentary, asOf] of HEALTH.slice().reverse())
    ok(await t.gql(report, { id: demo.programmeIds['FH-2018'], rating, commentary, asOf }, demo.tokens.ADMIN));
  adminEmail = ok(await t.gql(`{ me { email } }`, {}, demo.tokens.ADMIN)).me.email;
  const created = `mutation { createProgramme(input: { code: "NEW-2026", name: "Unreported" }) { id } }`;
  unreported = ok(await t.gql(created, {}, demo.tokens.ADMIN)).createProgramme.id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Each body row of the table with this caption: its cells' text. */
function rows(page: Page, caption: string): Promise<string[][]> {
  return page
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));
}

async function openProgramme(web: WebPage, token: string, code: string) {
  await signIn(web.page, token);
  await web.page.locator(`tr[data-programme="${code}"] a`).click();
  await web.page.locator('#issues-heading').waitFor();
}

interface ApiMitigation {
  action: string;
  owner: string | null;
  kind: string;
  effectiveness: string | null;
  updates: { on: string; note: string }[];
}

async function apiRisks(code: string, token: string) {
  const data = ok(
    await t.gql(
      `query($id: ID!) { programme(id: $id) { risks(filter: { status: [OPEN] }) {
         reference title withinAppetite escalated cause effect treatment proximity
         mitigations { action owner kind effectiveness updates { on note } } } } }`,
      { id: demo.programmeIds[code as keyof typeof demo.programmeIds] },
      token,
    ),
  );
  return data.programme.risks as {
    reference: string;
    withinAppetite: boolean;
    escalated: boolean;
    mitigations: ApiMitigation[];
  }[];
}

const words = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

test('programme page: controls with effectiveness apart from further actions, the risk statement, escalation in words; axe-clean at 1280 and 360 px', async () => {
  const token = demo.tokens.MEMBER;
  const web = await openWebPage(browser, base);
  try {
    const { page } = web;
    await openProgramme(web, token, 'FH-2018');
    const above = (await apiRisks('FH-2018', token)).filter((r) => !r.withinAppetite);
    expect(above.map((r) => r.reference)).toContain('R01');
    for (const risk of above) {
      const controls = risk.mitigations.filter((m) => m.kind === 'CONTROL');
      const actions = risk.mitigations.filter((m) => m.kind === 'ACTION');
      const card = page.locator(`article[data-risk="${risk.reference}"]`);
      expect(await rows(page, `Existing controls of ${risk.reference}`)).toEqual(
        controls.map((c) => [c.action, c.owner ?? 'none', words(c.effectiveness!)]),
      );
      expect((await rows(page, `Further actions of ${risk.reference}`)).map((r) => r[0])).toEqual(actions.map((a) => a.action));
      expect(await card.locator('.escalated').count()).toBe(risk.escalated ? 1 : 0);
    }
    // FH-2018 R01 scores 20: on the corporate register, said in words; cause -> event -> effect, treatment, proximity
    const r01 = page.locator('article[data-risk="R01"]');
    expect(await r01.locator('.escalated').innerText()).toBe('Escalated to the corporate register');
    expect(await r01.locator('.risk-statement dt').allInnerTexts()).toEqual([
      'Cause',
      'Event',
      'Effect',
      'Treatment',
      'Proximity',
    ]);
    expect(await r01.locator('.risk-statement [data-part="treatment"] dd').innerText()).toBe('Treat');
    expect(await r01.locator('.risk-statement [data-part="proximity"] dd').innerText()).toBe('30 Sep 2030');
    expect(await rows(page, 'Existing controls of R01')).toEqual([
      ['The multi-agency safeguarding hub screens every referral within 24 hours', 'Head of Children’s Social Care', 'Effective'],
      ['A weekly step-down panel reviews cases leaving social care for early help', 'Head of Early Help', 'Partly effective'],
    ]);
    // the latest of two progress notes with its date; all of them behind "All 2 progress notes"
    const reported = r01.locator('tr', { hasText: 'Report referral rates on the district dashboard' });
    const progress = reported.locator('td.progress');
    expect(await progress.innerText()).toMatch(/^\d{1,2} \w+ \d{4}: Second quarter’s figures awaited from social care\./);
    expect(await progress.locator('ol').isVisible()).toBe(false);
    await progress.getByText('All 2 progress notes').click();
    expect((await progress.locator('ol li').allInnerTexts()).map((n) => n.replace(/^.*?: /, ''))).toEqual([
      'Second quarter’s figures awaited from social care.',
      'First quarter’s referral rates reported to the committee.',
    ]);
    await page.locator('section[aria-labelledby="appetite-heading"]').screenshot({ path: '/tmp/web-depth-mitigations.png' });
    await page.setViewportSize(NARROW);
    await r01.screenshot({ path: '/tmp/web-depth-mitigations-360.png' });
    expect(await inspect(page, 'MEMBER-programme-depth')).toEqual([]);
    expect(web.problems).toEqual([]);
  } finally {
    await web.close();
  }
}, 90_000);

test('risk page: a slipped action says how far it moved from its first due date, with that date', async () => {
  const token = demo.tokens.MEMBER;
  const { mitigations } = ok(
    await t.gql(
      `{ mitigations(first: 500, filter: { kind: [ACTION] }) { nodes { action dueDate baselineDueDate risk { id } } } }`,
      {},
      token,
    ),
  );
  const slipped = mitigations.nodes.find((m: any) => m.action === 'Recruit and train key workers for each locality');
  expect(slipped).toMatchObject({ dueDate: '2030-09-30', baselineDueDate: '2030-03-31' });
  const web = await openWebPage(browser, base);
  try {
    const { page } = web;
    await signIn(page, token);
    await page.locator('caption', { hasText: 'portfolio' }).waitFor();
    await page.goto(`${base}#/risks/${encodeURIComponent(slipped.risk.id)}`);
    // the hash change renders the risk page after its request: wait for the action's row before reading the table
    await page.locator('tr', { hasText: slipped.action }).first().waitFor();
    const row = (await rows(page, 'Further actions')).find((r) => r[0] === slipped.action)!;
    expect(row[2]).toBe('30 Sep 2030\n(moved 6 months later than first planned: first due 31 Mar 2030)');
    // an action still on its first due date says nothing of slippage
    const onTime = (await rows(page, 'Further actions')).filter((r) => r[0] !== slipped.action);
    for (const r of onTime) expect(r[2]).not.toContain('moved');
    await page.locator('section[aria-labelledby="mitigations-heading"]').screenshot({ path: '/tmp/web-depth-risk-slipped.png' });
    expect(await inspect(page, 'MEMBER-risk-depth')).toEqual([]);
    expect(web.problems).toEqual([]);
  } finally {
    await web.close();
  }
}, 90_000);

/** [issue, priority, owner, raised, ...] of each row of the issue tables. */
const OPEN_FH = [
  ['I02 RED issue', 'RED', 'none', '10 Jan 2019', 'raised directly'],
  ['I03 GREEN issue', 'GREEN', 'none', '10 Feb 2019', 'raised directly'],
];
const RESOLVED_FH = [
  [
    'I01 Two hub buildings are not ready for the October opening',
    'RED',
    'Head of Early Help',
    '3 Sep 2018',
    '19 Nov 2018',
    'Both hubs opened from temporary sites in October and moved in on 19 November.',
    'R05 Two hub buildings are not ready for the October opening',
  ],
];

test('issue log on the page: open issues first, RED before GREEN, then resolved ones with date and note, each from its risk', async () => {
  const web = await openWebPage(browser, base);
  try {
    const { page } = web;
    await openProgramme(web, demo.tokens.MEMBER, 'FH-2018');
    expect(await page.locator('.issues-summary').innerText()).toBe('2 open, 1 resolved.');
    expect(await rows(page, 'Open issues')).toEqual(OPEN_FH);
    expect(await rows(page, 'Resolved issues')).toEqual(RESOLVED_FH);
    // the risk it was raised from links to that risk's page
    await page.locator('table.issues a', { hasText: 'R05' }).click();
    await page.locator('h1', { hasText: 'R05 Two hub buildings' }).waitFor();
    await page.goBack();
    await page.locator('#issues-heading').waitFor();
    await page.locator('section[aria-labelledby="issues-heading"]').screenshot({ path: '/tmp/web-depth-issues.png' });
    await page.setViewportSize(NARROW);
    await page.locator('section[aria-labelledby="issues-heading"]').screenshot({ path: '/tmp/web-depth-issues-360.png' });
    expect(web.problems).toEqual([]);
  } finally {
    await web.close();
  }
}, 90_000);

test('a MEMBER does not see the confidential issue (nor its risk) of ICS-2011; an ADMIN does', async () => {
  const secret = 'Tribunal claims over the deletion of named posts';
  for (const [role, shown] of [
    ['MEMBER', false],
    ['ADMIN', true],
  ] as const) {
    const web = await openWebPage(browser, base);
    try {
      const { page } = web;
      await openProgramme(web, demo.tokens[role], 'ICS-2011');
      const text = await page.locator('main').innerText();
      expect([role, text.includes(secret)]).toEqual([role, shown]);
      if (!shown)
        expect(await page.locator('section[aria-labelledby="issues-heading"] p').innerText()).toBe(
          'No issue is recorded for this programme.',
        );
      else expect((await rows(page, 'Open issues')).map((r) => r[0])).toEqual([`I01 ${secret}`]);
      if (role === 'MEMBER') expect(await inspect(page, 'MEMBER-programme-ICS-2011-issues')).toEqual([]);
      expect(web.problems).toEqual([]);
    } finally {
      await web.close();
    }
  }
}, 90_000);

/** The latest report's line, its commentary, and every report (ours, then the demo's), in the page's or the pack's words. */
async function expectedHealth() {
  const query = `query($id: ID!) { programme(id: $id) { healthHistory { rating commentary asOf recordedBy } } }`;
  const { programme } = ok(await t.gql(query, { id: demo.programmeIds['FH-2018'] }, demo.tokens.ADMIN));
  const history: { rating: string; commentary: string; asOf: string; recordedBy: string }[] = programme.healthHistory;
  expect(history.slice(0, HEALTH.length).map((h) => [h.rating, h.commentary, h.asOf])).toEqual(HEALTH);
  expect(history.length).toBeGreaterThan(HEALTH.length);
  return {
    latest: `Overall health: RED, as of 20 Nov 2026, reported by ${adminEmail}`,
    commentary: HEALTH[0][1],
    history: history.map((h) => [date(h.asOf), h.rating, h.commentary, h.recordedBy]),
  };
}

async function shownHealth(page: Page) {
  return {
    latest: (await page.locator('.health-latest p').first().innerText()).replace(/\s+/g, ' '),
    commentary: await page.locator('.health-commentary').innerText(),
    history: await rows(page, 'Health reports'),
  };
}

test('programme health near the top: RAG in words, commentary, as-of date and who, then every report; a programme without one says so', async () => {
  const web = await openWebPage(browser, base);
  try {
    const { page } = web;
    await openProgramme(web, demo.tokens.MEMBER, 'FH-2018');
    expect(await shownHealth(page)).toEqual(await expectedHealth());
    // near the top: before the heat map and every other section
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings.indexOf('Programme health')).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf('Programme health')).toBeLessThan(headings.indexOf('Risk heat map'));
    await page.locator('section[aria-labelledby="health-heading"]').screenshot({ path: '/tmp/web-depth-health.png' });
    await page.setViewportSize(NARROW);
    await page.locator('section[aria-labelledby="health-heading"]').screenshot({ path: '/tmp/web-depth-health-360.png' });
    await page.goto(`${base}#/programmes/${encodeURIComponent(unreported)}`);
    // the previous programme's page is still there until the hash change renders this one
    await page.locator('h1', { hasText: 'NEW-2026' }).waitFor();
    await page.locator('#issues-heading').waitFor();
    expect(await page.locator('section[aria-labelledby="health-heading"] p').innerText()).toBe(
      'No health report has been made on this programme.',
    );
    expect(web.problems).toEqual([]);
  } finally {
    await web.close();
  }
}, 90_000);

test('the report pack has the same controls, further actions (every progress note printed) and issue log', async () => {
  const token = demo.tokens.MEMBER;
  const res = await download(t, `/reports/programmes/${encodeURIComponent(demo.programmeIds['FH-2018'])}`, token);
  expect(res.status).toBe(200);
  const page = await browser.newPage();
  try {
    await page.setContent(res.body.toString('utf8'));
    expect(await page.locator('#issues h2').innerText()).toBe('Issue log');
    const sections = await page.locator('main section').evaluateAll((ss) => ss.map((e) => e.id));
    expect(sections.indexOf('programme-health')).toBe(sections.indexOf('summary') + 1);
    expect(await shownHealth(page)).toEqual(await expectedHealth());
    expect(await rows(page, 'Open issues')).toEqual(OPEN_FH);
    expect(await rows(page, 'Resolved issues')).toEqual(RESOLVED_FH);
    const r01 = page.locator('[data-risk="R01"]');
    expect(await r01.locator('.escalated').innerText()).toBe('Escalated to the corporate register');
    expect((await rows(page, 'Existing controls of R01')).map((r) => r[2])).toEqual(['Effective', 'Partly effective']);
    // on paper nothing can be opened: every note is printed
    const progress = r01.locator('tr', { hasText: 'Report referral rates' }).locator('td.progress ol li');
    expect(await progress.count()).toBe(2);
    expect(await progress.first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    await page.locator('#above-appetite').screenshot({ path: '/tmp/web-depth-pack-mitigations.png' });
    await page.locator('#issues').screenshot({ path: '/tmp/web-depth-pack-issues.png' });
    await page.locator('#programme-health').screenshot({ path: '/tmp/web-depth-pack-health.png' });
  } finally {
    await page.close();
  }
}, 60_000);

test("the page's one query costs as many statements with more issues, progress notes and controls", async () => {
  const token = demo.tokens.ADMIN;
  const id = demo.programmeIds['FH-2018'];
  const measure = async () => {
    const before = t.statements();
    ok(await t.gql(ProgrammePageDocument.toString(), { id }, token));
    return t.statements() - before;
  };
  await measure(); // the token's first use reads its user
  // last: it adds to FH-2018, whose issue log the tests above assert
  const few = await measure();
  const { programme } = ok(
    await t.gql(`query($id: ID!) { programme(id: $id) { risks(filter: { status: [OPEN] }) { id } } }`, { id }, token),
  );
  for (let i = 0; i < 5; i++) {
    ok(await t.gql(RAISE, { input: { programmeId: id, reference: `B${i}`, title: `Batch ${i}`, priority: 'AMBER' } }, token));
    for (const risk of programme.risks) {
      const added = `mutation($id: ID!, $input: MitigationInput!) { addMitigation(riskId: $id, input: $input) { id } }`;
      const { addMitigation } = ok(
        await t.gql(added, { id: risk.id, input: { action: `Control ${i}`, kind: 'CONTROL' } }, token),
      );
      const note = `mutation($id: ID!) { addMitigationUpdate(mitigationId: $id, note: "Checked") { id } }`;
      ok(await t.gql(note, { id: addMitigation.id }, token));
    }
  }
  // (a cache the writes warmed may spare a statement; none is added per row)
  expect(await measure()).toBeLessThanOrEqual(few);
}, 90_000);
