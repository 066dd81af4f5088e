import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * The dashboards and the monthly flow in both languages (issue 18 §2, §4): the leader opens the
 * overview from the main menu and finds every section — the outcome indicators, costs and supply,
 * the allocation and the prevention teams' flow — each chart with its data table of twelve months;
 * the monthly flow of 24 months with its tables. The economy role sees costs and supply only; the
 * allocation officer sees the team's own flow with its figures as they are. axe finds nothing.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      mainNav: 'Hovedmenu',
      nav: 'Overblik',
      title: 'Overblik',
      sections: ['Resultater', 'Økonomi og boligudbud', 'Anvisningens flow', 'Forebyggelsens flow'],
      indicators: 'Resultatindikatorer for de seneste 12 måneder',
      vacancies: 'Ledige boliger',
      flowNav: 'Månedligt flow',
      flowTitle: 'Månedligt flow',
      computedAt: 'Tallene er beregnet kl.',
      refresh: 'Beregn tallene nu',
    },
  },
  {
    code: 'en',
    t: {
      mainNav: 'Main menu',
      nav: 'Overview',
      title: 'Overview',
      sections: ['Outcomes', 'Economy and housing supply', 'Allocation flow', 'Prevention flow'],
      indicators: 'Outcome indicators of the last 12 months',
      vacancies: 'Vacancies',
      flowNav: 'Monthly flow',
      flowTitle: 'Monthly flow',
      computedAt: 'The figures were computed at',
      refresh: 'Compute the figures now',
    },
  },
] as const;

type Texts = (typeof LANGUAGES)[number]['t'];

async function openDashboard(page: Page, t: Texts) {
  await page
    .getByRole('navigation', { name: t.mainNav })
    .getByRole('link', { name: t.nav, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: t.title, exact: true })).toBeVisible();
}

const sectionHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 2, name, exact: true });

for (const lang of LANGUAGES) {
  const { t } = lang;
  test.describe(`the dashboards and the monthly flow (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('the leader finds every section, each chart with its table of twelve months, and the flow of 24 months', async ({
      page,
    }) => {
      await logInAs(page, 'demo.leader');
      await openDashboard(page, t);
      for (const name of t.sections) await expect(sectionHeading(page, name)).toBeVisible();
      await expect(
        page.getByRole('table', { name: t.indicators, exact: true }).locator('tbody tr'),
      ).not.toHaveCount(0);
      for (const id of [
        'dashboard-active',
        'dashboard-costs',
        'dashboard-allocation-flow',
        'dashboard-prevention-flow',
      ]) {
        await expect(page.locator(`#${id}-table tbody tr`)).toHaveCount(12);
        await expect(
          page
            .locator('figure')
            .filter({ has: page.locator(`#${id}-table`) })
            .getByRole('img'),
        ).toBeVisible();
      }
      // The active people each month: figures, not only suppressed marks.
      await expect(page.locator('#dashboard-active-table tbody td').first()).toHaveText(/^\d/);
      // The figures say when they were computed, and can be computed again now (ADR 0016).
      const computed = page.getByText(t.computedAt);
      await expect(computed).toContainText(/\d{2}[.:]\d{2}/);
      await page.getByRole('button', { name: t.refresh, exact: true }).click();
      await expect(page.getByRole('button', { name: t.refresh, exact: true })).toBeEnabled();
      await expect(page.locator('#dashboard-active-table tbody tr')).toHaveCount(12);
      await expectNoAxeViolations(page);

      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.flowNav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.flowTitle, exact: true })).toBeVisible();
      await expect(page.locator('#insight-flow-overall-active-table tbody tr')).toHaveCount(24);
      await expectNoAxeViolations(page);
    });

    test('the economy role sees costs and supply, and the allocation officer the team’s own flow as it is', async ({
      page,
    }) => {
      await logInAs(page, 'demo.economy');
      await openDashboard(page, t);
      await expect(sectionHeading(page, t.sections[1])).toBeVisible();
      for (const name of [t.sections[0], t.sections[2], t.sections[3]])
        await expect(sectionHeading(page, name)).toHaveCount(0);
      await expect(page.locator('#dashboard-costs-table tbody tr')).toHaveCount(12);
      await expectNoAxeViolations(page);

      await logInAs(page, 'demo.allocation');
      await openDashboard(page, t);
      await expect(sectionHeading(page, t.sections[2])).toBeVisible();
      await expect(sectionHeading(page, t.sections[0])).toHaveCount(0);
      // The team works each vacancy by name: its monthly counts are not suppressed.
      const cells = page.locator('#dashboard-allocation-flow-table tbody td');
      await expect(cells).toHaveText(Array.from({ length: 12 * 4 }, () => /^[\d.]+$/));
      await expectNoAxeViolations(page);
    });
  });
}
