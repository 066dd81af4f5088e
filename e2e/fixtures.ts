import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, type Locator, type Page } from '@playwright/test';
import { base32Decode, hotp, TOTP_STEP_SECONDS, timeStep } from '../src/server/modules/access/totp';

export const DEMO_PASSWORD = 'Hjemvej-demo-2026';

/** The demo's TOTP secret (DEMO_TOTP_SECRET's default): admin and auditor log in with it. */
export const DEMO_TOTP_SECRET = 'HJEMVEJ2DEMO3TOTP4SECRET5KEY6AB7';

/** The demo users whose role must use a second factor, enrolled by the seed (issue 20 §3). */
const SECOND_FACTOR_USERS = new Set(['demo.admin', 'demo.auditor']);

/** The last time step used per user in this worker: the server never accepts a step twice. */
const usedSteps = new Map<string, number>();

/**
 * A TOTP code (RFC 6238) for the user that the server has not seen yet: of the current step or the
 * next (the server accepts one step either side), else — a third login within one step — of the
 * step after, once its predecessor has begun. Each worker has a server of its own (serve.ts).
 */
export async function nextTotpCode(username: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const now = timeStep(Date.now());
  const step = Math.max(now, (usedSteps.get(username) ?? Number.NEGATIVE_INFINITY) + 1);
  const wait = (step - 1) * TOTP_STEP_SECONDS * 1000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
  usedSteps.set(username, step);
  return hotp(base32Decode(secret), step);
}

/** Answers the login's second step with the user's current code, in whichever language the page shows. */
export async function enterTotpCode(page: Page, username: string, secret = DEMO_TOTP_SECRET) {
  const da = (await page.locator('html').getAttribute('lang')) !== 'en';
  const field = page.getByLabel(
    da ? 'Kode fra appen eller gendannelseskode' : 'Code from the app or recovery code',
  );
  await field.fill(await nextTotpCode(username, secret));
  await page.getByRole('button', { name: da ? 'Log ind' : 'Log in', exact: true }).click();
}

/**
 * Logs in through the form — with the TOTP code too for the demo's administrator and auditor —
 * and waits until the app has left the login page.
 */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await submitLogin(page, username, password);
  if (SECOND_FACTOR_USERS.has(username)) await enterTotpCode(page, username);
  await expect(page).not.toHaveURL(/\/login$/);
}

/** Fills and sends the login form, in whichever language the page shows, without waiting. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  const da = (await page.locator('html').getAttribute('lang')) !== 'en';
  await page.getByLabel(da ? 'Brugernavn' : 'Username').fill(username);
  await page.getByLabel(da ? 'Adgangskode' : 'Password').fill(password);
  await page.getByRole('button', { name: da ? 'Log ind' : 'Log in', exact: true }).click();
}

/** axe-core's browser bundle, read once per worker. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules: the level design.md asks for. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: { target: unknown[] }[];
}

/**
 * Fails with the list of WCAG 2.1 A/AA violations axe finds on the page as it is now.
 *
 * axe-core runs in the page itself, injected once per document (the app has no frames), and
 * reports violations only: the same rules and the same verdicts as `@axe-core/playwright`'s
 * `AxeBuilder`, which opens a second page for every analysis and took about 0.85 s a check here
 * against 0.15 s (318 checks a run).
 */
export async function expectNoAxeViolations(page: Page) {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const results = (await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, WCAG_21_AA);
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** Makes the app start in the given language (as a user who chose it earlier). */
export async function useLanguage(page: Page, code: 'da' | 'en') {
  await page.addInitScript((lang) => window.localStorage.setItem('hjemvej.lang', lang), code);
}

/** A date `offsetDays` from today in Danish time, as the forms take it (dd.mm.åååå). */
export function danishDate(offsetDays = 0): string {
  return new Intl.DateTimeFormat('da-DK', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

/** The logged-in session's CSRF token, for calling the API directly from a test. */
export async function csrfToken(page: Page): Promise<string> {
  const response = await page.request.get('/api/session');
  const body = (await response.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error('No session: log in first');
  return body.csrfToken;
}

/** Clicks a download link and returns the file the browser saved: its suggested name and its bytes. */
export async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/**
 * The entry naming `text` in a list the page shows 25 at a time with a "show more" button (`more`):
 * shows more until the entry is there. Journeys share their server's database with the demo data
 * and with the other journeys, so what they look for may be anywhere in a long list; they find it
 * as an officer would, never by where it happens to stand.
 */
export async function showListEntry(list: Locator, more: Locator, text: string): Promise<Locator> {
  const items = list.locator(':scope > li');
  const entry = items.filter({ hasText: text });
  for (;;) {
    await expect(entry.or(more).first(), `"${text}" in the list`).toBeVisible();
    if ((await entry.count()) > 0) return entry;
    const shown = await items.count();
    await more.click();
    await expect(items).not.toHaveCount(shown);
  }
}

/**
 * Shows the page of a paged table that holds `row`: follows the pagination's "next" link until the
 * row is there (see {@link showListEntry}). `pagination` is the pagination's navigation landmark.
 */
export async function showTableRow(row: Locator, pagination: Locator, next: string): Promise<Locator> {
  const nextLink = pagination.getByRole('link', { name: next, exact: true });
  for (;;) {
    await expect(row.or(nextLink).first(), 'the row on one of the pages').toBeVisible();
    if ((await row.count()) > 0) return row;
    const status = await pagination.locator('span').first().innerText();
    await nextLink.click();
    await expect(pagination.locator('span').first()).not.toHaveText(status);
  }
}

/** Text to match literally inside a RegExp (a name or an address with dots, parentheses …). */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Logs in as another user: the session cookie goes first, as after a logout. */
export async function logInAs(page: Page, username: string) {
  await page.context().clearCookies();
  await logIn(page, username);
}

/** The row of a table whose row header is exactly `header` (a year, a name), its cells after it. */
export function rowOf(table: Locator, header: string): Locator {
  return table
    .locator('tbody tr')
    .filter({ has: table.page().getByRole('rowheader', { name: header, exact: true }) });
}
