/// <reference lib="dom" />
// (the callbacks given to page.evaluate run in the browser)
import path from 'node:path';
import { Page } from 'playwright-core';
import { date, money } from '../../web/src/format';
import { ProgrammeChangesDocument, ProgrammeChangesQuery } from '../../web/src/gql/graphql';
import { londonToday, MeetingOption, meetingName, meetingsBefore } from '../../web/src/meetings';
import { ok } from '../support/test-server';
import { demoInBrowser } from '../support/web-demo';
import { inspect, NARROW, openWebPage, SCREENSHOT_DIR, signIn, WIDE } from '../support/web-page';
import { download } from './export-helpers';

// "Since the committee last met" on the programme page and in the report pack, on the demo
// council, whose programmes have a meeting history: by default the changes since the latest
// meeting at which the programme was considered, an earlier one on request; every kind of change
// under its own heading, "No changes." when there are none; a MEMBER never sees the confidential risk.

const env = demoInBrowser();

const SCRUTINY = 'Children’s Services Overview and Scrutiny Committee';

/** The programme's meetings before today, newest first, as the API answers this caller. */
async function meetings(id: string, token: string): Promise<MeetingOption[]> {
  const data = ok(
    await env.t.gql(
      `query($id: ID!) {
        resolutions(filter: { programmeId: $id }, first: 500) { nodes { meeting { id date committee { name } } } }
        programme(id: $id) { actions { meeting { id date committee { name } } } } }`,
      { id },
      token,
    ),
  );
  return meetingsBefore(londonToday(), data.resolutions.nodes, data.programme.actions);
}

async function apiChanges(id: string, meetingId: string, token: string) {
  const data = ok(await env.t.gql<ProgrammeChangesQuery>(ProgrammeChangesDocument.toString(), { id, meetingId }, token));
  return data.changesSince!;
}

type Shown = Record<string, string | string[][]>;

/** Each heading of the section with what follows it: its text when a sentence, else its rows' cells. */
function shown(page: Page, section: string): Promise<Shown> {
  return page.locator(section).evaluate((root) => {
    const text = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();
    const out: Record<string, string | string[][]> = {};
    for (const h3 of root.querySelectorAll('h3')) {
      const next = h3.nextElementSibling!;
      if (next.tagName === 'P') out[text(h3)] = text(next);
      else if (next.tagName === 'OL') out[text(h3)] = [...next.querySelectorAll('li')].map((li) => [...li.children].map(text));
      else out[text(h3)] = [...next.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text));
    }
    return out;
  });
}

/** The first cell of each row of each list, in the API's order; "No changes." for an empty one. */
function expectedHeads(c: Awaited<ReturnType<typeof apiChanges>>): Record<string, string | string[]> {
  const list = (rows: string[], empty = 'No changes.') => (rows.length ? rows : empty);
  return {
    'Risk scores moved': list(c.riskMoves.map((m) => `${m.risk.reference} ${m.risk.title}`)),
    'New risks': list(c.newRisks.map((r) => `${r.reference} ${r.title}`)),
    'Risks closed': list(c.closedRisks.map((r) => `${r.reference} ${r.title}`)),
    'Mitigations completed': list(c.mitigationsCompleted.map((m) => m.action)),
    'Mitigations now overdue': list(c.mitigationsNowOverdue.map((m) => m.action)),
    'Mitigations rescheduled': list(c.mitigationsRescheduled.map((m) => m.mitigation.action)),
    'Milestones moved or reached': list(c.milestonesMoved.map((m) => m.milestone.title)),
    'Savings changed': list(c.savingsChanged.map((s) => s.savingsLine.description)),
    'Savings delivered': list(c.deliveries.map((d) => date(d.recordedOn))),
    'Resolutions since': list(c.resolutions.map((r) => `${date(r.meeting.date)}, ${r.meeting.committee.name}`)),
    'Committee actions outstanding': list(
      c.openActions.map((a) => a.text),
      'No committee action is open.',
    ),
  };
}

const heads = (s: Shown) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'string' ? v : v.map((r) => r[0])]));

async function openProgramme(page: Page, token: string, code: string) {
  await signIn(page, token);
  await page.locator(`tr[data-programme="${code}"] a`).click();
  await page.locator('#changes-heading').waitFor();
  await page.locator('.changes-since').waitFor();
}

const SECTION = 'section[aria-labelledby="changes-heading"]';

test('the programme page shows what changed since the latest meeting, and since an earlier one when picked, in one request each; axe-clean at 1280 and 360 px', async () => {
  const token = env.demo.tokens.MEMBER;
  const id = env.demo.programmeIds['FH-2018'];
  const history = await meetings(id, token);
  expect(history.map((m) => `${m.date} ${m.committee.name}`)).toEqual([
    `2019-05-14 ${SCRUTINY}`,
    '2018-06-28 Shipley Area Committee',
    '2018-04-03 Executive',
  ]);
  const web = await openWebPage(env.browser, env.base);
  try {
    const { page } = web;
    await openProgramme(page, token, 'FH-2018');
    const picker = page.getByLabel('Changes since');
    expect(await picker.inputValue()).toBe(history[0].id);
    expect(await picker.locator('option').allTextContents()).toEqual(
      history.map((m, i) => meetingName(m) + (i ? '' : ' (latest)')),
    );

    // since the scrutiny committee's annual report of 14 May 2019
    let section = await shown(page, SECTION);
    const latest = await apiChanges(id, history[0].id, token);
    expect(heads(section)).toEqual(expectedHeads(latest));
    expect(section['Risk scores moved']).toBe('No changes.');
    const rescheduled = (section['Mitigations rescheduled'] as string[][]).map(([action, risk, , was, now]) => [
      action,
      risk,
      was,
      now,
    ]);
    expect(rescheduled).toEqual([
      ['Reconcile case management data with key worker caseloads monthly', 'R04', '31 Dec 2018', '31 Mar 2019'],
      ['Recruit and train key workers for each locality', 'R03', '31 Mar 2030', '30 Sep 2030'],
    ]);
    expect((section['Mitigations now overdue'] as string[][]).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Report referral rates on the district dashboard each quarter', 'R01', '30 Jun 2019 Overdue'],
    ]);
    // in the API's order; deliveries of one ledger import share their day and moment, so that order is the API's to choose
    const delivered = (section['Savings delivered'] as string[][]).map((r) => r.slice(0, 2));
    expect(delivered).toEqual(latest.deliveries.map((d) => [date(d.recordedOn), money(d.amount)]));
    expect(delivered.map((r) => r.join(' ')).sort()).toEqual([
      '30 Sep 2019 £125,000.00',
      '30 Sep 2019 £300,000.00',
      '31 Oct 2019 -£4,250.00',
    ]);
    await page.locator(SECTION).screenshot({ path: '/tmp/web-changes-latest.png' });
    expect(await inspect(page, 'MEMBER-programme-changes')).toEqual([]);

    // the Shipley Area Committee of 28 June 2018: one request, and the rows change
    const requests: string[] = [];
    page.on('request', (r) => r.url().endsWith('/graphql') && requests.push(r.postData() ?? ''));
    await picker.selectOption(history[1].id);
    await page.getByRole('cell', { name: 'Down 5' }).waitFor();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain('changesSince');
    section = await shown(page, SECTION);
    expect(heads(section)).toEqual(expectedHeads(await apiChanges(id, history[1].id, token)));
    expect(section['Risk scores moved']).toEqual([
      [
        'R02 The first Family Hubs offer is not published by October 2018',
        '8 AMBER',
        '3 GREEN',
        'Down 5',
        '1 Oct 2018: First offer published; service changes took effect on 1 October.',
      ],
    ]);
    expect(section['Risks closed']).toEqual([
      ['R02 The first Family Hubs offer is not published by October 2018', '1 Oct 2018'],
      ['R05 Two hub buildings are not ready for the October opening', '3 Sep 2018'],
    ]);
    expect(await page.locator(`${SECTION} p`, { hasText: 'recorded after the meeting' }).textContent()).toBe(
      'What was recorded after the meeting of 28 Jun 2018, up to today.',
    );
    // the report pack prints the changes since the meeting picked
    const [pack] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Report pack' }).click()]);
    await pack.locator('#changes > p').first().waitFor();
    expect(await pack.locator('#changes > p').first().textContent()).toMatch(
      /^What was recorded after the meeting of 28 Jun 2018, /,
    );
    expect(heads(await shown(pack, '#changes'))).toEqual(heads(section));
    await pack.close();
    await page.locator(SECTION).screenshot({ path: '/tmp/web-changes-earlier.png' });
    await page.setViewportSize(NARROW);
    await page.locator(SECTION).screenshot({ path: '/tmp/web-changes-earlier-360.png' });
    await page.setViewportSize(WIDE);
    expect(await inspect(page, 'MEMBER-programme-changes-earlier')).toEqual([]);
    expect(web.problems).toEqual([]);
  } finally {
    await web.close();
  }
}, 90_000);

test('a MEMBER does not see the confidential risk among the changes that an ADMIN sees', async () => {
  const id = env.demo.programmeIds['ICS-2011'];
  const { risks } = ok(
    await env.t.gql(
      `query($id: ID!) { risks(filter: { programmeId: $id }) { nodes { reference title confidential } } }`,
      { id },
      env.demo.tokens.ADMIN,
    ),
  );
  const secret = risks.nodes.find((r: { confidential: boolean }) => r.confidential);
  expect(secret).toBeDefined();
  const sections: Record<string, { rows: Shown; text: string }> = {};
  for (const role of ['ADMIN', 'MEMBER'] as const) {
    const earliest = (await meetings(id, env.demo.tokens[role])).at(-1)!;
    expect(earliest.date).toBe('2011-09-20');
    const web = await openWebPage(env.browser, env.base);
    try {
      const { page } = web;
      await openProgramme(page, env.demo.tokens[role], 'ICS-2011');
      await page.getByLabel('Changes since').selectOption(earliest.id);
      await page.getByRole('cell', { name: 'Down 12' }).waitFor();
      sections[role] = { rows: await shown(page, SECTION), text: (await page.locator(SECTION).textContent())! };
      if (role === 'MEMBER') await page.locator(SECTION).screenshot({ path: '/tmp/web-changes-member.png' });
      expect(web.problems).toEqual([]);
    } finally {
      await web.close();
    }
  }
  const moved = (role: string) => (sections[role].rows['Risk scores moved'] as string[][]).map((r) => r[0]);
  expect(moved('ADMIN')).toContain(`${secret.reference} ${secret.title}`);
  expect(moved('MEMBER')).not.toContain(`${secret.reference} ${secret.title}`);
  expect(moved('MEMBER').length).toBeGreaterThan(0);
  expect(sections.MEMBER.text).not.toContain(secret.title);
  // nor its mitigations, which name it by reference
  const cells = (role: string) => Object.values(sections[role].rows).flatMap((v) => (typeof v === 'string' ? [] : v.flat()));
  expect(cells('ADMIN')).toContain(secret.reference);
  expect(cells('MEMBER')).not.toContain(secret.reference);
}, 90_000);

test('the report pack has the same section, since the latest meeting or the meetingId asked for', async () => {
  const token = env.demo.tokens.MEMBER;
  const id = env.demo.programmeIds['FH-2018'];
  const history = await meetings(id, token);
  const pack = async (query = '') => {
    const res = await download(env.t, `/reports/programmes/${encodeURIComponent(id)}${query}`, token);
    expect(res.status).toBe(200);
    return res.body.toString('utf8');
  };
  const page = await env.browser.newPage();
  try {
    await page.setContent(await pack());
    expect(await page.locator('#changes h2').textContent()).toBe('Since the committee last met');
    expect(await page.locator('#changes > p').first().textContent()).toMatch(
      new RegExp(`^What was recorded after the meeting of 14 May 2019, ${SCRUTINY}, up to \\d+ \\w+ \\d{4}\\.$`),
    );
    let section = await shown(page, '#changes');
    expect(heads(section)).toEqual(expectedHeads(await apiChanges(id, history[0].id, token)));
    expect(section['Risk scores moved']).toBe('No changes.');
    await page.emulateMedia({ media: 'print' });
    await page.locator('#changes').screenshot({ path: '/tmp/web-changes-pack.png' });
    await page.pdf({ path: path.join(SCREENSHOT_DIR, 'changes-pack.pdf'), format: 'A4', printBackground: true });

    await page.setContent(await pack(`?meetingId=${encodeURIComponent(history[1].id)}`));
    section = await shown(page, '#changes');
    expect(heads(section)).toEqual(expectedHeads(await apiChanges(id, history[1].id, token)));
    expect((section['Risk scores moved'] as string[][]).map((r) => r.slice(0, 4))).toEqual([
      ['R02 The first Family Hubs offer is not published by October 2018', '8 AMBER', '3 GREEN', 'Down 5'],
    ]);
  } finally {
    await page.close();
  }
  // a meeting at which the programme was not considered is not one of its meetings
  const other = (await meetings(env.demo.programmeIds['LW-2020'], token))[0];
  const res = await download(
    env.t,
    `/reports/programmes/${encodeURIComponent(id)}?meetingId=${encodeURIComponent(other.id)}`,
    token,
  );
  expect(res.status).toBe(404);
}, 90_000);
