import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';

// Helpers for the tests that drive the web page (GET /) in a real browser.

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Where page screenshots go; look at them after a run. */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'programme-register-screenshots');

export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 360, height: 740 };

export interface WebPage {
  page: Page;
  /** Console errors (CSP refusals among them), uncaught exceptions and requests to any other origin. */
  problems: string[];
  close(): Promise<void>;
}

/** A page in a browser context of its own: a new browser session, with empty sessionStorage. */
export async function openWebPage(browser: Browser, base: string): Promise<WebPage> {
  const context = await browser.newContext({ viewport: WIDE });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && problems.push(`request to ${r.url()}`));
  await page.goto(base);
  return { page, problems, close: () => context.close() };
}

export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** axe-core, run inside the page (evaluated, as the page's CSP allows no injected script tag). */
export async function seriousAccessibilityIssues(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] = await page.evaluate(
    async () => (await (window as any).axe.run(document)).violations,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How far the document scrolls sideways (0 when it fits its viewport). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * At 1280 px and at 360 px: a full-page screenshot, the sideways scroll and axe-core's serious
 * or critical issues. Returns what is wrong, empty when nothing is; leaves the page wide.
 */
export async function inspect(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const wrong: string[] = [];
  for (const viewport of [WIDE, NARROW]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${viewport.width}.png`), fullPage: true });
    const scroll = await sidewaysScroll(page);
    if (scroll > 0) wrong.push(`${name} at ${viewport.width} px scrolls ${scroll} px sideways`);
    for (const issue of await seriousAccessibilityIssues(page)) wrong.push(`${name} at ${viewport.width} px: ${issue}`);
  }
  await page.setViewportSize(WIDE);
  return wrong;
}
