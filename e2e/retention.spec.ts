import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * Retention and deletion in both languages (issue 20 §6, GDPR art. 5(1)(e) and art. 30): the
 * administrator sets the retention period (a bad value named in the form), makes a dry run that
 * lists the demo's three citizens quiet since 2016–2017, confirms the deletion in a dialog naming
 * the number, and sees both runs logged; the register of processing shows every module's activity.
 * The demo's quiet citizens can be deleted once per server: run one language per server (ADR 0013).
 */
const LANGUAGES = [
  {
    code: 'da' as const,
    nav: 'Sletning',
    title: 'Sletning af personoplysninger',
    years: 'År efter seneste aktivitet',
    save: 'Gem slettefrist',
    tooMany: 'År efter seneste aktivitet skal være et helt antal år fra 1 til 30',
    saved: 'Slettefristen er gemt.',
    dryRun: 'Lav prøvekørsel',
    found: /Prøvekørslen fandt 3 borgere/,
    list: 'Borgere, der vil blive slettet',
    deleteButton: 'Slet 3 borgere',
    dialog: 'Slet 3 borgere?',
    confirm: 'Ja, slet 3 borgere',
    done: '3 borgere er slettet. Kørslen er logget.',
    runs: 'Prøvekørsler og sletninger, nyeste først',
    deletion: 'Sletning',
    registerNav: 'Fortegnelse (art. 30)',
    registerTitle: 'Fortegnelse over behandlingsaktiviteter',
    registry: 'Borgerregister',
    basis: /GDPR art\. 9, stk\. 2, litra b/,
  },
  {
    code: 'en' as const,
    nav: 'Deletion',
    title: 'Deletion of personal data',
    years: 'Years after last activity',
    save: 'Save retention period',
    tooMany: 'Years after last activity must be a whole number of years from 1 to 30',
    saved: 'The retention period is saved.',
    dryRun: 'Make a dry run',
    found: /The dry run found 3 citizens/,
    list: 'Citizens who would be deleted',
    deleteButton: 'Delete 3 citizens',
    dialog: 'Delete 3 citizens?',
    confirm: 'Yes, delete 3 citizens',
    done: '3 citizens have been deleted. The run is logged.',
    runs: 'Dry runs and deletions, newest first',
    deletion: 'Deletion',
    registerNav: 'Register (art. 30)',
    registerTitle: 'Register of processing activities',
    registry: 'By-name registry',
    basis: /GDPR art\. 9\(2\)\(b\)/,
  },
];

for (const t of LANGUAGES) {
  test.describe(`retention and deletion (${t.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, t.code);
    });

    test('the administrator sets the period, reviews a dry run, confirms the deletion and sees it logged; the art. 30 register shows', async ({
      page,
    }) => {
      await logInAs(page, 'demo.admin');
      const menu = page.getByRole('navigation', { name: t.code === 'da' ? 'Hovedmenu' : 'Main menu' });
      await menu.getByRole('link', { name: t.nav, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();

      const years = page.getByLabel(t.years);
      await expect(years).toHaveValue('5');
      await years.fill('31');
      await page.getByRole('button', { name: t.save }).click();
      await expect(page.getByRole('link', { name: t.tooMany })).toBeVisible();
      await years.fill('6');
      await page.getByRole('button', { name: t.save }).click();
      await expect(page.getByText(t.saved)).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: t.dryRun }).click();
      await expect(page.getByText(t.found)).toBeVisible();
      const list = page.getByRole('table', { name: t.list });
      for (const name of ['Egon Mikkelsen', 'Birthe Dalgaard', 'Kurt Lauridsen']) {
        await expect(list.getByRole('cell', { name, exact: true })).toBeVisible();
      }
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: t.deleteButton }).click();
      const dialog = page.getByRole('dialog', { name: t.dialog });
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: t.confirm }).click();
      await expect(page.getByText(t.done)).toBeVisible();
      const runs = page.getByRole('table', { name: t.runs });
      await expect(runs.getByRole('row')).toHaveCount(3);
      await expect(runs.getByRole('row').nth(1)).toContainText(t.deletion);
      await expect(runs.getByRole('row').nth(1)).toContainText('demo.admin');
      await expectNoAxeViolations(page);

      await menu.getByRole('link', { name: t.registerNav }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.registerTitle })).toBeVisible();
      const registry = page.getByRole('region', { name: t.registry });
      await expect(registry).toContainText(t.basis);
      await expectNoAxeViolations(page);
    });
  });
}
