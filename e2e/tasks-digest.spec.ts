import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn, useLanguage } from './fixtures';

/**
 * "Mine opgaver": a user opts in to the daily e-mail of new tasks (issue 14 §2), with a bad address
 * first, and opts out again. Each language with a demo user no other journey uses.
 */
const RUNS = [
  {
    code: 'da',
    user: 'demo.support',
    heading: 'Nye opgaver på e-mail',
    enabled: 'Send mig en daglig e-mail om nye opgaver',
    email: 'E-mailadresse',
    save: 'Gem',
    required: 'E-mailadresse skal udfyldes',
    invalid: 'E-mailadresse skal være en e-mailadresse',
    savedOn: 'Du får nu en daglig e-mail, når der er nye opgaver.',
    savedOff: 'Du får ikke længere e-mail om nye opgaver.',
  },
  {
    code: 'en',
    user: 'demo.partner_shelter',
    heading: 'New tasks by e-mail',
    enabled: 'Send me a daily e-mail about new tasks',
    email: 'E-mail address',
    save: 'Save',
    required: 'E-mail address is required',
    invalid: 'E-mail address must be an email address',
    savedOn: 'You will now get a daily e-mail when there are new tasks.',
    savedOff: 'You will no longer get e-mail about new tasks.',
  },
] as const;

for (const run of RUNS) {
  test(`a user opts in to and out of the daily e-mail of new tasks (${run.code})`, async ({ page }) => {
    await useLanguage(page, run.code);
    await logIn(page, run.user);
    const section = page.getByRole('region', { name: run.heading });
    await expect(section).toBeVisible();
    const enabled = section.getByRole('checkbox', { name: run.enabled });
    const email = section.getByRole('textbox', { name: run.email });
    const save = section.getByRole('button', { name: run.save, exact: true });

    await enabled.check();
    await email.fill('');
    await save.click();
    await expect(page.getByRole('alert').first()).toContainText(run.required);
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await email.fill('ikke en adresse');
    await save.click();
    await expect(page.getByRole('alert').first()).toContainText(run.invalid);

    const address = `${run.user}.${Date.now()}@kommune.example`;
    await email.fill(address);
    await save.click();
    await expect(section.getByText(run.savedOn)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.reload();
    await expect(enabled).toBeChecked();
    await expect(email).toHaveValue(address);

    await enabled.uncheck();
    await email.fill('');
    await save.click();
    await expect(section.getByText(run.savedOff)).toBeVisible();
    await page.reload();
    await expect(enabled).not.toBeChecked();
    await expect(email).toHaveValue('');
  });
}
