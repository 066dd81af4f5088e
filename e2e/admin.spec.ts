import { expect, test } from '@playwright/test';
import { logIn, useLanguage } from './fixtures';

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

// Issue 14 §3: giving a user the housing-organisation role asks which organisation it acts for.
for (const lang of [
  {
    code: 'da',
    users: 'Brugere',
    username: 'Brugernavn',
    name: 'Navn',
    role: 'Rolle',
    password: 'Midlertidig adgangskode',
    create: 'Opret bruger',
    organisation: 'Boligorganisation',
    required: 'Vælg den boligorganisation, brugeren handler for',
    created: (u: string) => `Brugeren ${u} er oprettet.`,
    organisationFor: (u: string) => `Boligorganisation for ${u}`,
  },
  {
    code: 'en',
    users: 'Users',
    username: 'Username',
    name: 'Name',
    role: 'Role',
    password: 'Temporary password',
    create: 'Create user',
    organisation: 'Housing organisation',
    required: 'Choose the housing organisation the user acts for',
    created: (u: string) => `The user ${u} is created.`,
    organisationFor: (u: string) => `Housing organisation for ${u}`,
  },
] as const) {
  test(`an administrator gives the housing-organisation role and must choose its organisation (${lang.code})`, async ({
    page,
  }) => {
    await useLanguage(page, lang.code);
    await logIn(page, 'demo.admin');
    await page.goto('/admin/brugere');
    await expect(page.getByRole('heading', { level: 1, name: lang.users })).toBeVisible();
    const username = `partner.${lang.code}`;
    await page.getByLabel(lang.username).fill(username);
    await page.getByLabel(lang.name, { exact: true }).fill('Pia Partner');
    await expect(page.getByLabel(lang.organisation, { exact: true })).toHaveCount(0);
    await page.getByLabel(lang.role, { exact: true }).selectOption('partner_housing');
    const organisation = page.getByLabel(lang.organisation, { exact: true });
    await expect(organisation).toBeVisible();
    await page.getByLabel(lang.password).fill('en-midlertidig-kode');
    await page.getByRole('button', { name: lang.create }).click();
    // The error summary and the field name the missing organisation.
    await expect(page.getByRole('link', { name: lang.required })).toBeVisible();
    await expect(organisation).toHaveAttribute('aria-invalid', 'true');

    await organisation.selectOption({ index: 1 });
    const chosen = await organisation.inputValue();
    await page.getByRole('button', { name: lang.create }).click();
    await expect(page.getByText(lang.created(username))).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(username.replace('.', '\\.')) });
    await expect(row.getByLabel(lang.organisationFor(username))).toHaveValue(chosen);
  });
}
