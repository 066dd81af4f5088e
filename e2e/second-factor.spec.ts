import { expect, test } from '@playwright/test';
import {
  csrfToken,
  DEMO_PASSWORD,
  enterTotpCode,
  expectNoAxeViolations,
  logInAs,
  nextTotpCode,
  submitLogin,
  useLanguage,
} from './fixtures';

/**
 * The second factor in the browser (issue 20 §3): a user whose role must use one is taken from her
 * password straight into enrolment — a QR code with the key as text beside it — confirms with a
 * code the test computes from the key it reads on the page (RFC 6238), is shown her recovery codes
 * once, and later logs in with password and code, and with a recovery code. The administrator sees
 * it in the user list and resets it. axe finds nothing on any of the steps.
 */
for (const lang of [
  {
    code: 'da',
    enrolTitle: 'Slå totrinsbekræftelse til',
    appCode: 'Kode fra appen',
    confirm: 'Bekræft og slå til',
    recoveryList: 'Gendannelseskoder',
    continue: 'Jeg har gemt koderne – fortsæt',
    codeTitle: 'Indtast koden fra din app',
    codeField: 'Kode fra appen eller gendannelseskode',
    login: 'Log ind',
    logout: 'Log ud',
    wrongCode: 'Koden er forkert eller allerede brugt.',
    account: 'Totrinsbekræftelse',
    isOn: 'Totrinsbekræftelse er slået til for din bruger.',
    codesLeft: 'Du har 9 ubrugte gendannelseskoder.',
    reset: 'Nulstil totrin',
    resetDialog: (u: string) => `Nulstil totrinsbekræftelse for ${u}?`,
    resetConfirm: 'Nulstil',
    resetDone: (u: string) => `Totrinsbekræftelse for ${u} er nulstillet.`,
  },
  {
    code: 'en',
    enrolTitle: 'Turn on two-step verification',
    appCode: 'Code from the app',
    confirm: 'Confirm and turn on',
    recoveryList: 'Recovery codes',
    continue: 'I have saved the codes – continue',
    codeTitle: 'Enter the code from your app',
    codeField: 'Code from the app or recovery code',
    login: 'Log in',
    logout: 'Log out',
    wrongCode: 'The code is wrong or already used.',
    account: 'Two-step verification',
    isOn: 'Two-step verification is on for your user.',
    codesLeft: 'You have 9 unused recovery codes.',
    reset: 'Reset two-step',
    resetDialog: (u: string) => `Reset two-step verification for ${u}?`,
    resetConfirm: 'Reset',
    resetDone: (u: string) => `Two-step verification for ${u} has been reset.`,
  },
] as const) {
  test(`an auditor sets up the second factor at her first login and logs in with a code and with a recovery code (${lang.code})`, async ({
    page,
  }) => {
    // An auditor of her own: the role must use a second factor (the default), she has none yet.
    const username = `totp.${lang.code}.${Date.now().toString(36)}`;
    await logInAs(page, 'demo.admin');
    const created = await page.request.post('/api/admin/users', {
      headers: { 'x-csrf-token': await csrfToken(page) },
      data: { username, displayName: 'Tove Totrin', role: 'auditor', password: DEMO_PASSWORD },
    });
    expect(created.ok(), await created.text()).toBe(true);
    await page.context().clearCookies();
    await useLanguage(page, lang.code);

    // The password leads straight into enrolment.
    await submitLogin(page, username);
    await expect(page.getByRole('heading', { level: 1, name: lang.enrolTitle })).toBeVisible();
    await expect(page.locator('img[src^="data:image/svg+xml"]')).toBeVisible();
    const secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoAxeViolations(page);

    // A wrong code is refused and named; the right one turns it on.
    await page.getByLabel(lang.appCode, { exact: true }).fill('000000');
    await page.getByRole('button', { name: lang.confirm }).click();
    await expect(page.getByText(lang.wrongCode).first()).toBeVisible();
    await page.getByLabel(lang.appCode, { exact: true }).fill(await nextTotpCode(username, secret));
    await page.getByRole('button', { name: lang.confirm }).click();
    const codes = page.getByRole('list', { name: lang.recoveryList }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const recoveryCode = await codes.first().innerText();
    expect(recoveryCode).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: lang.continue }).click();
    await expect(page).not.toHaveURL(/\/login$/);
    await page.getByRole('button', { name: lang.logout }).click();

    // Password, then the code from the app.
    await submitLogin(page, username);
    await expect(page.getByRole('heading', { level: 1, name: lang.codeTitle })).toBeVisible();
    await expectNoAxeViolations(page);
    await enterTotpCode(page, username, secret);
    await expect(page).not.toHaveURL(/\/login$/);
    await page.getByRole('button', { name: lang.logout }).click();

    // Password, then a recovery code in place of the code; it works once.
    await submitLogin(page, username);
    await page.getByLabel(lang.codeField).fill(recoveryCode);
    await page.getByRole('button', { name: lang.login, exact: true }).click();
    await expect(page).not.toHaveURL(/\/login$/);
    await page.getByRole('link', { name: lang.account }).click();
    await expect(page.getByText(lang.isOn)).toBeVisible();
    await expect(page.getByText(lang.codesLeft)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: lang.logout }).click();
    await submitLogin(page, username);
    await page.getByLabel(lang.codeField).fill(recoveryCode);
    await page.getByRole('button', { name: lang.login, exact: true }).click();
    await expect(page.getByText(lang.wrongCode).first()).toBeVisible();

    // The administrator sees it in the user list and resets it (a lost phone), after confirming.
    await page.context().clearCookies();
    await logInAs(page, 'demo.admin');
    await page.goto('/admin/brugere');
    const row = page.getByRole('row', { name: new RegExp(username.replace(/\./g, '\\.')) });
    await row.getByRole('button', { name: lang.reset }).click();
    const dialog = page.getByRole('dialog', { name: lang.resetDialog(username) });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: lang.resetConfirm, exact: true }).click();
    await expect(page.getByText(lang.resetDone(username))).toBeVisible();
    await expect(row.getByRole('button', { name: lang.reset })).toHaveCount(0);
  });
}
