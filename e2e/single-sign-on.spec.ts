import { randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import {
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../src/server/test/oidc-provider';
import { expectNoAxeViolations, logIn, useLanguage } from './fixtures';

/**
 * Single sign-on (issue 20 §2) in the browser: the spec starts a real OpenID provider
 * (`oidc-provider`, its own login and consent pages — exempt from axe, they are not Hjemvej's),
 * the administrator sets it up for the demo municipality on the settings page, a member of staff
 * logs in with the login page's button and lands in Hjemvej with the role her group maps to, then
 * logs out at the provider too; one whose groups map to nothing gets the refusal page.
 */
const CODE = '169';
let provider: TestProvider;
let origin: string;

test.beforeAll(async () => {
  origin = String(test.info().project.use.baseURL);
  provider = await startTestProvider({
    redirectUris: [`${origin}/api/sso/${CODE}/callback`],
    postLogoutRedirectUris: [`${origin}/login`],
  });
});
test.afterAll(async () => {
  await provider?.close();
});

const TEXTS = {
  da: {
    menu: 'Hovedmenu',
    sso: 'Single sign-on',
    issuer: 'Udsteder (issuer)',
    clientId: 'Klient-id',
    clientSecret: 'Klienthemmelighed',
    roleClaim: 'Claim med grupper eller roller',
    addMapping: 'Tilføj gruppe',
    mappingValue: 'Gruppe eller rolle 1',
    mappingRole: 'Rolle i Hjemvej for gruppe 1',
    enabled: 'Single sign-on er slået til',
    save: 'Gem single sign-on',
    saved: 'Single sign-on er gemt og slået til.',
    problems: 'Der er problemer med formularen',
    logout: 'Log ud',
    loginTitle: 'Log ind',
    button: 'Log ind med Høje-Taastrup Kommune (demo) (single sign-on)',
    caseworker: 'myndighedssagsbehandler',
    refused: 'Du har ingen rolle i Hjemvej',
  },
  en: {
    menu: 'Main menu',
    sso: 'Single sign-on',
    issuer: 'Issuer',
    clientId: 'Client id',
    clientSecret: 'Client secret',
    roleClaim: 'Claim with groups or roles',
    addMapping: 'Add group',
    mappingValue: 'Group or role 1',
    mappingRole: 'Hjemvej role for group 1',
    enabled: 'Single sign-on is on',
    save: 'Save single sign-on',
    saved: 'Single sign-on is saved and on.',
    problems: 'There is a problem with the form',
    logout: 'Log out',
    loginTitle: 'Log in',
    button: 'Log in with Høje-Taastrup Kommune (demo) (single sign-on)',
    caseworker: 'municipal caseworker',
    refused: 'You have no role in Hjemvej',
  },
} as const;

/** At the provider's own pages (not Hjemvej's): its login form, then its consent. */
async function logInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

for (const lang of ['da', 'en'] as const) {
  const t = TEXTS[lang];
  test(`an administrator sets up single sign-on; staff log in through the provider with the mapped role and log out there too (${lang})`, async ({
    page,
  }) => {
    await useLanguage(page, lang);
    await logIn(page, 'demo.admin');
    await page.getByRole('navigation', { name: t.menu }).getByRole('link', { name: t.sso }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.sso })).toBeVisible();
    await expectNoAxeViolations(page);

    // An empty form names its problems in the language of the page.
    await page.getByLabel(t.issuer).fill('');
    await page.getByRole('button', { name: t.save }).click();
    await expect(page.getByRole('heading', { name: t.problems })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel(t.issuer).fill(provider.issuer);
    await page.getByLabel(t.clientId).fill(TEST_CLIENT_ID);
    await page.getByLabel(t.clientSecret).fill(TEST_CLIENT_SECRET);
    await page.getByLabel(t.roleClaim).fill('groups');
    if ((await page.getByLabel(t.mappingValue).count()) === 0)
      await page.getByRole('button', { name: t.addMapping }).click();
    await page.getByLabel(t.mappingValue).fill('hjemvej-sagsbehandlere');
    await page.getByLabel(t.mappingRole).selectOption('caseworker');
    await page.getByLabel(t.enabled).check();
    await page.getByRole('button', { name: t.save }).click();
    await expect(page.getByText(t.saved)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: t.logout }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.loginTitle })).toBeVisible();

    // A member of staff in the mapped group: provisioned as caseworker on her first login.
    const login = `sofie-${lang}-${randomBytes(3).toString('hex')}`;
    provider.accounts.set(login, {
      name: `Sofie Holm ${lang}`,
      preferred_username: `${login}@kommune.dk`,
      groups: ['alle-ansatte', 'hjemvej-sagsbehandlere'],
    });
    const button = page.getByRole('link', { name: t.button });
    await expect(button).toBeVisible();
    await expectNoAxeViolations(page);
    await button.click();
    await logInAtProvider(page, login);
    await expect(page.getByText(`Sofie Holm ${lang}, ${t.caseworker}`)).toBeVisible();
    await expectNoAxeViolations(page);

    // Logout ends the session here and at the provider, which sends the browser back to /login.
    await page.getByRole('button', { name: t.logout }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(`${origin}/login`);
    await expect(page.getByRole('heading', { level: 1, name: t.loginTitle })).toBeVisible();
    const session = await page.request.get('/api/session');
    expect(session.status()).toBe(401);

    // One whose groups map to no role is refused, with a page that says why.
    const outsider = `kantine-${lang}-${randomBytes(3).toString('hex')}`;
    provider.accounts.set(outsider, { name: 'Kim Kantine', groups: ['kantine'] });
    await page.getByRole('link', { name: t.button }).click();
    await logInAtProvider(page, outsider);
    await expect(page.getByRole('heading', { name: t.refused })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
