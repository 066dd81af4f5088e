import { expect, test } from '@playwright/test';
import { csrfToken, DEMO_PASSWORD, logIn, logInAs, submitLogin } from './fixtures';

test('a user logs in, sees the Danish shell, switches to English (remembered), and logs out', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');

  await logIn(page, 'demo.admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine opgaver' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header).toContainText('Anne Admin');
  await expect(header).toContainText('Høje-Taastrup Kommune (demo)');
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('link', { name: 'Brugere' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Revision / Auditlog' })).toHaveCount(0);
  await expect(page.getByRole('contentinfo')).toContainText(
    'Høje-Taastrup Kommune, Social og Sundhed (demo)',
  );

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'My tasks' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  expect(DEMO_PASSWORD).toBeTruthy();
});

test('each role sees only the menu items it can use', async ({ page }) => {
  await logIn(page, 'demo.auditor');
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('link', { name: 'Revision / Auditlog' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Brugere' })).toHaveCount(0);
  await page.goto('/admin/brugere');
  await expect(page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til siden' })).toBeVisible();
});

test('a wrong password shows one message that does not say which part was wrong', async ({ page }) => {
  await submitLogin(page, 'demo.caseworker', 'forkert-adgangskode');
  await expect(page.getByText('Brugernavn eller adgangskode er forkert.')).toBeVisible();
  await submitLogin(page, 'findes.ikke', 'forkert-adgangskode');
  await expect(page.getByText('Brugernavn eller adgangskode er forkert.')).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('a locked-out user is told so, with the minutes to wait', async ({ page }) => {
  // A user of its own: a demo user locked out for 15 minutes would fail the journeys after this one.
  const username = `laast.${Date.now().toString(36)}`;
  await logInAs(page, 'demo.admin');
  const created = await page.request.post('/api/admin/users', {
    headers: { 'x-csrf-token': await csrfToken(page) },
    data: { username, displayName: 'Låst Bruger', role: 'economy', password: DEMO_PASSWORD },
  });
  expect(created.ok(), await created.text()).toBe(true);
  await page.context().clearCookies();
  for (let i = 0; i < 4; i++) {
    await submitLogin(page, username, `forkert-${i}`);
    await expect(page.getByText('Brugernavn eller adgangskode er forkert.')).toBeVisible();
  }
  await submitLogin(page, username, 'forkert-4');
  await expect(page.getByText(/midlertidigt låst .* Prøv igen om 15 minutter/)).toBeVisible();
  await submitLogin(page, username);
  await expect(page.getByText(/midlertidigt låst/)).toBeVisible();
});
