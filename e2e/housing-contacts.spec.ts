import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './fixtures';

test('an allocation officer links the housing organisation’s partner user as its contact', async ({
  page,
}) => {
  await logIn(page, 'demo.allocation');
  await page.goto('/boliger');
  const org = page.getByRole('region', { name: 'Vestegnens Boligforening (demo)' });
  await expect(org.getByText('Kontaktpersoner hos boligorganisationen: ingen endnu')).toBeVisible();
  await org.getByText('Vælg kontaktpersoner').click();
  await org.getByLabel('Bo Boligorganisation (demo.partner_housing)').check();
  await expectNoAxeViolations(page);
  await org.getByRole('button', { name: 'Gem kontaktpersoner' }).click();
  await expect(org.getByText('Kontaktpersonerne er gemt.')).toBeVisible();
  await expect(
    org.getByText('Kontaktpersoner hos boligorganisationen: Bo Boligorganisation (demo.partner_housing)'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an allocation officer corrects an organisation’s contact details', async ({ page }) => {
  await logIn(page, 'demo.allocation');
  await page.goto('/boliger');
  const org = page.getByRole('region', { name: 'Hedehusene Boligselskab (demo)' });
  await org.getByText('Ret boligorganisationens oplysninger').click();
  await org.getByLabel('Kontaktpersonens e-mail').fill('ikke-en-adresse');
  await org.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(org.getByRole('alert').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await org.getByLabel('Kontaktpersonens e-mail').fill('udlejning@hedehusene.example');
  await org.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(org.getByText('Oplysningerne om Hedehusene Boligselskab (demo) er gemt.')).toBeVisible();
  await expect(org.getByText('udlejning@hedehusene.example', { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
