import { expect, type Page, test } from '@playwright/test';
import { logIn, useLanguage } from './fixtures';

/**
 * First start shows the whole product (issue 14 §4): every demo role logs in and visits every page
 * its menus show (the main menu and each module's side menu); where the demo should have data, the
 * page shows it — no empty state, no error, tables with rows. Forms (new, import, settings, users)
 * are only opened. "Mine opgaver" is expected to hold tasks for the roles with duties.
 */

const ROLES = [
  'admin',
  'caseworker',
  'allocation',
  'support',
  'prevention',
  'leader',
  'economy',
  'partner_housing',
  'partner_shelter',
  'auditor',
] as const;

/** Roles whose "Mine opgaver" the demo fills (the others have no duties of their own). */
const WITH_TASKS = new Set<string>([
  'admin',
  'caseworker',
  'allocation',
  'support',
  'prevention',
  'partner_shelter',
]);

/** Pages that are forms or settings: opened, not checked for data. */
const FORM_PAGE = /\/(ny|import)$|\/indstillinger$|^\/admin\//;

/** The empty states of the pages the menus lead to (the catalogues' texts). */
const EMPTY = {
  da: /Der er ingen (ansøgninger|boligorganisationer|åbne sager|afsluttede sager|ledige boliger|boliger med|underretninger i perioden|projekter|puljer|rammeaftaler|optælling)|Du har ingen opgaver|Ingen boliger|Ingen optælling|I har ikke (meldt|sendt)|Der er ikke gemt nogen tal|Ingen borgere passer|Ingen på ventelisten (passer|er i målgruppen)|Ingen afdelinger har/,
  en: /There are no (applications|housing organisations|open cases|closed cases|vacant units|units with|notices in the period|projects|pools|framework agreements)|There is no census|You have no tasks|No units|No census|You have not (reported|sent)|No figures have been saved|No citizens match|Nobody on the waiting list|No departments have/,
} as const;

/**
 * Waits until the page has drawn its main content and no spinner is left in it. Checked every 50 ms
 * in the page: a web assertion backs off to a check every 500 ms, which added about half a second to
 * each of the some 300 pages the journeys visit. The limit is a cap against a hang.
 */
async function settled(page: Page) {
  await page.waitForFunction(
    () => document.querySelector('main') !== null && document.querySelector('main .loading') === null,
    undefined,
    { polling: 50, timeout: 20_000 },
  );
}

/**
 * The menu links of the page as it is now: the main menu and the module's side menu. A list's
 * further pages (its pagination) are not menu pages: its first page shows whether it has data.
 */
async function menuLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('nav[aria-label]:not(.pagination-bar) a[href^="/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((h) => h && !h.startsWith('/api/'));
}

async function visitAll(page: Page, role: string, lang: 'da' | 'en') {
  await page.goto('/');
  await settled(page);
  const queue = await menuLinks(page);
  const seen = new Set<string>();
  const problems: string[] = [];
  while (queue.length > 0) {
    const href = queue.shift() as string;
    if (seen.has(href)) continue;
    seen.add(href);
    await page.goto(href);
    await settled(page);
    for (const link of await menuLinks(page)) if (!seen.has(link)) queue.push(link);
    const main = page.locator('main');
    if ((await main.locator('.alert-error').count()) > 0) problems.push(`${href}: error alert`);
    if (FORM_PAGE.test(href)) continue;
    if (href === '/' && !WITH_TASKS.has(role)) continue;
    const text = await main.innerText();
    const empty = EMPTY[lang].exec(text);
    if (empty) problems.push(`${href}: "${empty[0]}"`);
    if (href === '/') {
      const tasks = await main.getByRole('listitem').count();
      if (tasks === 0) problems.push('/: no tasks');
    }
    const tables = main.locator('table');
    if ((await tables.count()) > 0 && (await main.locator('table tbody tr').count()) === 0)
      problems.push(`${href}: tables without rows`);
  }
  return { seen: [...seen], problems };
}

for (const role of ROLES) {
  test(`demo.${role} finds data on every page of the menu (da)`, async ({ page }) => {
    await logIn(page, `demo.${role}`);
    const { seen, problems } = await visitAll(page, role, 'da');
    expect(seen.length).toBeGreaterThan(0);
    expect(problems, `pages visited: ${seen.join(', ')}`).toEqual([]);
  });
}

test('in English, the officer and the prevention worker find data on every page (en)', async ({ page }) => {
  await useLanguage(page, 'en');
  for (const role of ['allocation', 'prevention'] as const) {
    await page.context().clearCookies();
    await logIn(page, `demo.${role}`);
    const { seen, problems } = await visitAll(page, role, 'en');
    expect(problems, `pages visited by ${role}: ${seen.join(', ')}`).toEqual([]);
  }
});
