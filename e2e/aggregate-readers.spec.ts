import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn, useLanguage } from './fixtures';

// Issue 14 §3: the leader and economy roles find the waiting-list figures and the empty rent
// (design.md §1: indicators and costs, aggregates only) from the main menu — and no names.
const LANGUAGES = [
  {
    code: 'da',
    menu: 'Hovedmenu',
    allocation: 'Anvisning',
    waitingList: 'Venteliste',
    counts: 'Tal for hele ventelisten',
    snapshots: 'Tal til budgetopfølgning',
    applicants: 'Ansøgere',
    housing: 'Boliger',
    report: 'Dialogmøde-rapport',
    organisation: 'Boligorganisation',
    show: 'Vis rapport',
    emptyRent: 'Tomgangsleje',
  },
  {
    code: 'en',
    menu: 'Main menu',
    allocation: 'Allocation',
    waitingList: 'Waiting list',
    counts: 'Figures for the whole waiting list',
    snapshots: 'Figures for budget follow-up',
    applicants: 'Applicants',
    housing: 'Housing',
    report: 'Dialogue meeting report',
    organisation: 'Housing organisation',
    show: 'Show report',
    emptyRent: 'Empty rent',
  },
] as const;

for (const lang of LANGUAGES) {
  for (const user of ['demo.leader', 'demo.economy']) {
    test(`${user} sees the waiting-list figures and the empty rent, without names (${lang.code})`, async ({
      page,
    }) => {
      await useLanguage(page, lang.code);
      await logIn(page, user);
      const menu = page.getByRole('navigation', { name: lang.menu });
      await menu.getByRole('link', { name: lang.allocation, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: lang.waitingList })).toBeVisible();
      await expect(page.getByRole('heading', { name: lang.counts })).toBeVisible();
      await expect(page.getByRole('heading', { name: lang.snapshots })).toBeVisible();
      // The list of applicants (names) is not there.
      await expect(page.getByRole('heading', { name: lang.applicants, exact: true })).toHaveCount(0);
      await expectNoAxeViolations(page);

      await menu.getByRole('link', { name: lang.housing, exact: true }).click();
      await page.getByRole('link', { name: lang.report }).click();
      await page.getByLabel(lang.organisation, { exact: true }).selectOption({ index: 1 });
      await page.getByRole('button', { name: lang.show }).click();
      await expect(page.getByRole('columnheader', { name: lang.emptyRent, exact: true })).toBeVisible();
    });
  }
}
