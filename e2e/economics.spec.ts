import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * The economics page in both languages (issue 16 §8): the economy user sees the demo municipality's
 * costs and refunds per month as a chart with its data table, the costs per citizen group, and the
 * reform's dilemma — the stay days beyond the refund limit in kroner and what the same money buys as
 * Housing First — each chart with its table, and the settings the figures rest on. axe finds nothing.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      mainNav: 'Hovedmenu',
      nav: 'Økonomi',
      title: 'Økonomi: herberg, bostøtte og refusion',
      costs: 'Udgifter og refusion pr. måned',
      netTable: 'Nettoudgift pr. måned',
      total: 'I alt',
      groups: 'Udgifter pr. borgergruppe',
      youth: 'Unge (under 30 år)',
      dilemma: 'Opholdsdøgn inden for og ud over refusionsgrænsen',
      beyond: /døgn ud over refusionsgrænsen for/,
      housingFirst: 'Hvad udgiften til døgnene ud over grænsen kunne købe af bolig og bostøtte',
      limits: 'Grænse for refunderede opholdsdøgn pr. løbende år',
    },
  },
  {
    code: 'en',
    t: {
      mainNav: 'Main menu',
      nav: 'Economics',
      title: 'Economics: shelters, support and refunds',
      costs: 'Costs and refunds per month',
      netTable: 'Net cost per month',
      total: 'Total',
      groups: 'Costs per citizen group',
      youth: 'Youth (under 30)',
      dilemma: 'Stay days within and beyond the refund limit',
      beyond: /days beyond the refund limit for/,
      housingFirst: 'What the cost of the days beyond the limit could buy as housing and support',
      limits: 'Limit on refunded stay days per running year',
    },
  },
] as const;

for (const lang of LANGUAGES) {
  const { t } = lang;
  test.describe(`economics (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('the economy user sees costs, refunds and the dilemma chart with its data table', async ({
      page,
    }) => {
      await logInAs(page, 'demo.economy');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.nav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
      await expect(page.getByRole('img', { name: new RegExp(t.costs) })).toBeVisible();
      await expect(page.getByRole('table', { name: t.costs }).getByRole('row')).toHaveCount(13);
      // The period's net cost is built from enough citizens to be shown, in kroner.
      const total = page
        .getByRole('table', { name: t.netTable })
        .getByRole('row', { name: new RegExp(`^${t.total}`) });
      await expect(total.getByRole('cell').last()).toContainText('kr.');
      await expect(
        page.getByRole('table', { name: t.groups }).getByRole('rowheader', { name: t.youth }),
      ).toBeVisible();
      await expect(page.getByText(t.beyond)).toBeVisible();
      await expect(page.getByRole('img', { name: new RegExp(t.dilemma) })).toBeVisible();
      await expect(page.getByRole('table', { name: t.dilemma }).getByRole('row')).toHaveCount(13);
      await expect(
        page.getByRole('table', { name: t.housingFirst }).getByRole('rowheader', { name: 'CTI' }),
      ).toBeVisible();
      await expect(page.getByRole('table', { name: t.limits }).getByRole('row')).toHaveCount(4);
      await expectNoAxeViolations(page);
    });
  });
}
