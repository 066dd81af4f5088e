import { expect, test } from '@playwright/test';
import { quarterOf, quarterPeriod } from '../src/shared/shelters/statistics';
import { download, expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * Stay lengths and the quarterly report to Danmarks Statistik in both languages (issue 16 §9–10):
 * the economy user reads how long the demo shelters' stays last, as a table and as charts with their
 * data tables; the shelter's staff check the last ended quarter's stays, see those that lack the
 * CPR number DST links on, and download the file. axe finds nothing on either page.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      mainNav: 'Hovedmenu',
      lengthsNav: 'Opholdslængder',
      lengthsTitle: 'Opholdslængder på herberger',
      perShelter: 'Ophold pr. herberg (nætter)',
      distribution: 'Afsluttede ophold det seneste år efter længde',
      band: '8–30 nætter',
      trend: 'Median for afsluttede ophold pr. kvartal (nætter)',
      reportNav: 'Indberetning til DST',
      reportTitle: 'Indberetning af ophold til Danmarks Statistik',
      quarter: 'Kvartal',
      missingCpr: /ophold mangler CPR-nummer\./,
      incomplete: 'Ophold der mangler oplysninger',
      download: (q: string) => `Hent filen for ${q}`,
    },
  },
  {
    code: 'en',
    t: {
      mainNav: 'Main menu',
      lengthsNav: 'Stay lengths',
      lengthsTitle: 'Stay lengths at shelters',
      perShelter: 'Stays per shelter (nights)',
      distribution: 'Stays completed in the last year by length',
      band: '8–30 nights',
      trend: 'Median of completed stays per quarter (nights)',
      reportNav: 'Report to Statistics Denmark',
      reportTitle: 'Reporting stays to Statistics Denmark',
      quarter: 'Quarter',
      missingCpr: /lacks? a CPR number\./,
      incomplete: 'Stays that lack information',
      download: (q: string) => `Download the file for ${q}`,
    },
  },
] as const;

/** The last quarter that has ended (the report's default). */
function lastEndedQuarter(): string {
  const start = quarterPeriod(quarterOf(new Date().toISOString().slice(0, 10))).from;
  const dayBefore = new Date(`${start}T12:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  return quarterOf(dayBefore.toISOString().slice(0, 10));
}

for (const lang of LANGUAGES) {
  const { t } = lang;

  test.describe(`shelter statistics (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('the economy user reads the stay lengths per shelter and over time, each chart with its table', async ({
      page,
    }) => {
      await logInAs(page, 'demo.economy');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.lengthsNav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.lengthsTitle })).toBeVisible();
      const perShelter = page.getByRole('table', { name: t.perShelter });
      await expect(perShelter.getByRole('rowheader', { name: 'Herberget Vestervang' })).toBeVisible();
      await expect(page.getByRole('img', { name: new RegExp(t.distribution) })).toBeVisible();
      const distribution = page.getByRole('table', { name: t.distribution });
      await expect(distribution.getByRole('rowheader', { name: t.band })).toBeVisible();
      await expect(page.getByRole('table', { name: t.trend }).getByRole('row')).toHaveCount(9);
      await expectNoAxeViolations(page);
    });

    test("the shelter's staff check the last quarter's stays and download the report file", async ({
      page,
    }) => {
      const quarter = lastEndedQuarter();
      await logInAs(page, 'demo.partner_shelter');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.reportNav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.reportTitle })).toBeVisible();
      await expect(page.getByLabel(t.quarter)).toHaveValue(quarter);
      // The demo holds no CPR numbers: every stay lacks the one DST links on.
      await expect(page.getByText(t.missingCpr)).toBeVisible();
      await expect(page.getByRole('table', { name: t.incomplete }).getByRole('row').nth(1)).toBeVisible();
      await expectNoAxeViolations(page);
      const file = await download(page, page.getByRole('link', { name: t.download(quarter) }));
      expect(file.name).toBe(`herbergsophold-${quarter}.csv`);
      const lines = file.bytes.toString('utf8').trim().split('\r\n');
      expect(lines[0]?.split(';').slice(0, 4)).toEqual(['kvartal', 'opholdstype', 'boform', 'cpr']);
      expect(lines.length).toBeGreaterThan(1);
      expect(lines[1]?.split(';').slice(0, 3)).toEqual([quarter, '110', 'Herberget Vestervang']);
    });
  });
}
