import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn, useLanguage } from './fixtures';

const LANGUAGES = [
  { code: 'da', h1: { tasks: 'Mine opgaver', users: 'Brugere', audit: 'Revision / Auditlog' } },
  { code: 'en', h1: { tasks: 'My tasks', users: 'Users', audit: 'Audit log' } },
] as const;

for (const lang of LANGUAGES) {
  test.describe(`axe finds no WCAG 2.1 AA violations (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('login page, with and without an error', async ({ page }) => {
      await page.goto('/login');
      await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
      await expectNoAxeViolations(page);
      await page
        .getByRole('button', { name: lang.code === 'da' ? 'Log ind' : 'Log in', exact: true })
        .click();
      await expect(page.getByRole('alert').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('accessibility statement and not-found pages, logged out', async ({ page }) => {
      await page.goto('/tilgaengelighed');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto('/findes-ikke');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('tasks and user administration, as administrator', async ({ page }) => {
      await logIn(page, 'demo.admin');
      await expect(page.getByRole('heading', { level: 1, name: lang.h1.tasks })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto('/admin/brugere');
      await expect(page.getByRole('heading', { level: 1, name: lang.h1.users })).toBeVisible();
      await expect(page.getByRole('row', { name: /demo\.caseworker/ })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: lang.code === 'da' ? 'Opret bruger' : 'Create user' }).click();
      await expect(page.getByRole('alert').first()).toBeVisible();
      await expectNoAxeViolations(page);
      await page
        .getByRole('row', { name: /demo\.leader/ })
        .getByRole('button', { name: lang.code === 'da' ? 'Deaktiver' : 'Disable' })
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('settings: the inactivity policy, with a bad value and saved', async ({ page }) => {
      const da = lang.code === 'da';
      await logIn(page, 'demo.admin');
      await page
        .getByRole('navigation', { name: da ? 'Hovedmenu' : 'Main menu' })
        .getByRole('link', { name: da ? 'Indstillinger' : 'Settings' })
        .click();
      await expect(
        page.getByRole('heading', { level: 1, name: da ? 'Indstillinger' : 'Settings' }),
      ).toBeVisible();
      const field = page.getByLabel(da ? 'Dage uden kontakt' : 'Days without contact');
      await expect(field).toHaveValue('90');
      await expectNoAxeViolations(page);
      await field.fill('nul');
      await page.getByRole('button', { name: da ? 'Gem indstillinger' : 'Save settings' }).click();
      await expect(page.getByRole('alert').first()).toContainText(
        da ? 'helt antal dage' : 'whole number of days',
      );
      await expectNoAxeViolations(page);
      await field.fill('90');
      await page.getByRole('button', { name: da ? 'Gem indstillinger' : 'Save settings' }).click();
      await expect(
        page.getByText(da ? 'Indstillingerne er gemt.' : 'The settings are saved.', { exact: false }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('audit log with results and chain check, as auditor', async ({ page }) => {
      await logIn(page, 'demo.auditor');
      await page.goto('/revision');
      await expect(page.getByRole('heading', { level: 1, name: lang.h1.audit })).toBeVisible();
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoAxeViolations(page);
      // The demo's audit log runs to several pages: the shared pagination moves between them.
      const pages = page.getByRole('navigation', {
        name: lang.code === 'da' ? 'Sider i auditloggen' : 'Pages of the audit log',
      });
      await pages.getByRole('link', { name: lang.code === 'da' ? 'Næste side' : 'Next page' }).click();
      await expect(pages).toContainText(lang.code === 'da' ? 'Side 2 af' : 'Page 2 of');
      await expect(
        pages.getByRole('link', { name: lang.code === 'da' ? 'Forrige side' : 'Previous page' }),
      ).toBeVisible();
      await page
        .getByRole('button', { name: lang.code === 'da' ? 'Kontrollér kæden' : 'Verify the chain' })
        .click();
      await expect(
        page.getByRole('status').filter({ hasText: lang.code === 'da' ? 'intakt' : 'intact' }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}

test('the axe check fails on a page with a field without a label and text without contrast', async ({
  page,
}) => {
  await page.goto('/login');
  await expectNoAxeViolations(page);
  await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    main.insertAdjacentHTML(
      'beforeend',
      '<input type="text"><p style="color:#eee;background:#fff">Næsten usynlig tekst</p>',
    );
  });
  await expect(expectNoAxeViolations(page)).rejects.toThrow(/"label"/);
  await expect(expectNoAxeViolations(page)).rejects.toThrow(/color-contrast/);
});
