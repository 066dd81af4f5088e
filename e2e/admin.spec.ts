import { expect, test } from '@playwright/test';
import { logIn } from './fixtures';

test('an administrator creates a user, re-roles and disables them (after confirming), and the auditor sees it', async ({
  page,
}) => {
  await logIn(page, 'demo.admin');
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Brugere' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brugere' })).toBeVisible();

  // Bad input: the error summary names the fields.
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(page.getByRole('heading', { name: 'Der er problemer med formularen' })).toBeVisible();

  await page.getByLabel('Brugernavn').fill('ny.kollega');
  await page.getByLabel('Navn', { exact: true }).fill('Ny Kollega');
  await page.getByLabel('Rolle', { exact: true }).selectOption('caseworker');
  await page.getByLabel('Midlertidig adgangskode').fill('en-midlertidig-kode');
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(page.getByText('Brugeren ny.kollega er oprettet.')).toBeVisible();
  const row = page.getByRole('row', { name: /ny\.kollega/ });
  await expect(row).toContainText('Ny Kollega');

  await row.getByLabel('Rolle for ny.kollega').selectOption('support');
  await row.getByRole('button', { name: 'Gem rolle' }).click();
  await expect(page.getByText(/Rollen for ny\.kollega er gemt/)).toBeVisible();

  await row.getByRole('button', { name: 'Deaktiver' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deaktiver ny.kollega?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuller' }).click();
  await expect(row).toContainText('Aktiv');
  await row.getByRole('button', { name: 'Deaktiver' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, deaktiver brugeren' }).click();
  await expect(
    page.getByText('Brugeren ny.kollega er deaktiveret og kan ikke længere logge ind.'),
  ).toBeVisible();
  await expect(row).toContainText('Deaktiveret');

  await page.getByRole('button', { name: 'Log ud' }).click();
  await logIn(page, 'demo.auditor');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Revision / Auditlog' })
    .click();
  await page.getByLabel('Handling').fill('user.disable');
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(page.getByText('1 hændelse fundet.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'demo.admin' })).toBeVisible();
  await page.getByRole('button', { name: 'Kontrollér kæden' }).click();
  await expect(page.getByText('Kæden er intakt')).toBeVisible();
});
