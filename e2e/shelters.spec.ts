import { expect, test } from '@playwright/test';
import {
  csrfToken,
  danishDate,
  download,
  escapeRegExp,
  expectNoAxeViolations,
  logInAs,
  useLanguage,
} from './fixtures';

/**
 * A § 110 shelter's day in both languages (issue 16 §2–3): the demo shelter user opens "Herberg",
 * sees the residents and the notification overdue for one of them, registers an admission of a
 * person without CPR number (birth date and initials) and, after a named error for a missing
 * handlekommune, finds the notification as a task in "Mine opgaver", records it, and the task is
 * gone. axe finds nothing on the page.
 *
 * The handlekommune's side (issue 16 §3–5): the shelter downloads the notification letter for a
 * resident of a municipality outside Hjemvej, admits and notifies a citizen of the demo
 * municipality; its caseworker finds the notification as a task, acknowledges it in the inbox,
 * records the action plan, and the municipal discharge is refused with what is missing until a
 * § 107 placement has begun, then recorded after a confirmation.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      mainNav: 'Hovedmenu',
      nav: 'Herberg',
      title: 'Herberget Vestervang',
      overdue: 'Underretning overskredet',
      admitSummary: 'Registrér en indskrivning',
      birthDate: 'Fødselsdato',
      initials: 'Initialer',
      givenName: 'Fornavn',
      admittedOn: 'Indskrevet den',
      handlekommune: 'Handlekommune (kommunekode)',
      submit: 'Registrér indskrivning',
      missing: 'Handlekommune (kommunekode) skal udfyldes',
      admitted: 'Indskrivningen er registreret.',
      tasksTitle: 'Mine opgaver',
      task: (name: string) => `Underret handlekommune 169 om indskrivningen af ${name}`,
      notifySummary: (name: string) => `Registrér underretning af handlekommunen for ${name}`,
      notifySubmit: 'Registrér underretning',
      adminNav: 'Herberger',
      adminTitle: 'Herberger',
      createSummary: 'Opret et herberg',
      name: 'Navn',
      kind: 'Drift',
      municipal: 'Kommunalt',
      places: 'Pladser',
      dailyRate: 'Døgntakst (kr.)',
      createSubmit: 'Opret herberg',
      nameMissing: 'Navn skal udfyldes',
      created: (name: string) => `${name} er oprettet.`,
      cwNav: 'Herberg',
      cwTitle: 'Borgere på herberg',
      missingPlan: (name: string) => `${name} på Herberget Vestervang mangler en handleplan (§ 141/§ 142)`,
      planSummary: (name: string) => `Registrér handleplan for ${name}`,
      planSubmit: 'Registrér handleplan',
      planDone: (name: string) => `Handleplanen for ${name} er registreret.`,
      letterLink: 'Underretningsbrev til kommune 101 om Jonas Brandt (PDF)',
      inboxHint:
        'Kommune 169 bruger Hjemvej: underretningen lander i kommunens indbakke, når du registrerer den.',
      notifiedInbox: (name: string) =>
        `Underretningen for ${name} er registreret og sendt til kommune 169s indbakke.`,
      notificationTask: (name: string) =>
        `Underretning fra Herberget Vestervang (Høje-Taastrup Kommune (demo)): ${name} er indskrevet`,
      inboxTitle: 'Underretninger fra herberger',
      ackSummary: (name: string) => `Kvittér for underretningen om ${name}`,
      ackOnly: 'Kvittér',
      ackDone: (name: string) => `Der er kvitteret for underretningen om ${name}.`,
      dischargeSummary: (name: string) => `Kommunal udskrivning af ${name}`,
      missingHousing: 'Der er hverken anvist en bolig eller truffet afgørelse om botilbud efter § 107/108.',
      dischargedTo: 'Flytter til',
      toCare: 'Botilbud (§ 107/108)',
      dischargeSubmit: 'Registrér kommunal udskrivning',
      confirmHeading: (name: string) => `Registrér kommunal udskrivning af ${name}?`,
      confirm: 'Ja, registrér udskrivningen',
      refused: 'Udskrivningen er ikke registreret. Det mangler:',
      allMet: 'Alle betingelser er opfyldt i dag.',
      dischargeDone: (name: string) => `${name} er udskrevet af kommunen.`,
    },
  },
  {
    code: 'en',
    t: {
      mainNav: 'Main menu',
      nav: 'Shelter',
      title: 'Herberget Vestervang',
      overdue: 'Notification overdue',
      admitSummary: 'Register an admission',
      birthDate: 'Birth date',
      initials: 'Initials',
      givenName: 'Given name',
      admittedOn: 'Admitted on',
      handlekommune: 'Responsible municipality (code)',
      submit: 'Register admission',
      missing: 'Responsible municipality (code) is required',
      admitted: 'The admission is registered.',
      tasksTitle: 'My tasks',
      task: (name: string) => `Notify municipality 169 of the admission of ${name}`,
      notifySummary: (name: string) => `Record the notification of the responsible municipality for ${name}`,
      notifySubmit: 'Record notification',
      adminNav: 'Shelters',
      adminTitle: 'Shelters',
      createSummary: 'Create a shelter',
      name: 'Name',
      kind: 'Operator',
      municipal: 'Municipal',
      places: 'Places',
      dailyRate: 'Daily rate (DKK)',
      createSubmit: 'Create shelter',
      nameMissing: 'Name is required',
      created: (name: string) => `${name} has been created.`,
      cwNav: 'Shelter',
      cwTitle: 'Citizens in shelters',
      missingPlan: (name: string) => `${name} at Herberget Vestervang has no action plan (§ 141/§ 142)`,
      planSummary: (name: string) => `Record the action plan for ${name}`,
      planSubmit: 'Record action plan',
      planDone: (name: string) => `The action plan for ${name} is recorded.`,
      letterLink: 'Notification letter to municipality 101 about Jonas Brandt (PDF)',
      inboxHint: 'Municipality 169 uses Hjemvej: the notification lands in its inbox when you record it.',
      notifiedInbox: (name: string) =>
        `The notification for ${name} is recorded and sent to the inbox of municipality 169.`,
      notificationTask: (name: string) =>
        `Notification from Herberget Vestervang (Høje-Taastrup Kommune (demo)): ${name} has been admitted`,
      inboxTitle: 'Notifications from shelters',
      ackSummary: (name: string) => `Acknowledge the notification about ${name}`,
      ackOnly: 'Acknowledge',
      ackDone: (name: string) => `The notification about ${name} is acknowledged.`,
      dischargeSummary: (name: string) => `Municipal discharge of ${name}`,
      missingHousing: 'Neither has housing been allocated nor residential care under § 107/108 been decided.',
      dischargedTo: 'Moves to',
      toCare: 'Residential care (§ 107/108)',
      dischargeSubmit: 'Record municipal discharge',
      confirmHeading: (name: string) => `Record the municipal discharge of ${name}?`,
      confirm: 'Yes, record the discharge',
      refused: 'The discharge was not recorded. Missing:',
      allMet: 'Every condition is met today.',
      dischargeDone: (name: string) => `${name} has been discharged by the municipality.`,
    },
  },
] as const;

for (const lang of LANGUAGES) {
  const { t } = lang;
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-4)}`;

  test.describe(`a shelter's residents (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('the shelter registers an admission, and the notification of the handlekommune is a task until recorded', async ({
      page,
    }) => {
      const given = `Ophold${stamp}`;
      await logInAs(page, 'demo.partner_shelter');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.nav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
      await expect(page.getByText(t.overdue).first()).toBeVisible();

      await page.locator('summary').filter({ hasText: t.admitSummary }).click();
      await page.getByLabel(t.birthDate, { exact: true }).fill('02.04.1971');
      await page.getByLabel(t.initials, { exact: true }).fill('KP');
      await page.getByLabel(t.givenName, { exact: true }).fill(given);
      await page.getByLabel(t.admittedOn, { exact: true }).fill(danishDate(0));
      await page.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.missing).first()).toBeVisible();
      await page.getByLabel(t.handlekommune, { exact: true }).fill('169');
      await page.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByText(t.admitted)).toBeVisible();
      await expectNoAxeViolations(page);

      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: t.tasksTitle, exact: true })).toBeVisible();
      await expect(
        page.getByRole('link', { name: new RegExp(`^${escapeRegExp(t.task(given))}`) }),
      ).toBeVisible();

      await page.goto('/herberg');
      await page
        .locator('summary')
        .filter({ hasText: t.notifySummary(given) })
        .click();
      await page
        .locator('details', { has: page.locator('summary', { hasText: t.notifySummary(given) }) })
        .getByRole('button', { name: t.notifySubmit })
        .click();
      await expect(page.getByText(t.notifiedInbox(given))).toBeVisible();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: t.tasksTitle, exact: true })).toBeVisible();
      await expect(
        page.getByRole('link', { name: new RegExp(`^${escapeRegExp(t.task(given))}`) }),
      ).toHaveCount(0);
    });

    test('the administrator creates a shelter with its daily rate, after a named error', async ({ page }) => {
      const name = `Natherberget ${stamp}`;
      await logInAs(page, 'demo.admin');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.adminNav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.adminTitle, exact: true })).toBeVisible();
      await expect(page.getByRole('cell', { name: 'Herberget Vestervang' })).toBeVisible();
      const create = page.locator('details', { has: page.locator('summary', { hasText: t.createSummary }) });
      await create.locator('summary').click();
      await create.getByLabel(t.kind, { exact: true }).selectOption({ label: t.municipal });
      await create.getByLabel(t.places, { exact: true }).fill('12');
      await create.getByLabel(t.dailyRate, { exact: true }).fill('1.390');
      await create.getByRole('button', { name: t.createSubmit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.nameMissing).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await create.getByLabel(t.name, { exact: true }).fill(name);
      await create.getByRole('button', { name: t.createSubmit, exact: true }).click();
      await expect(page.getByText(t.created(name))).toBeVisible();
      await expect(page.getByRole('cell', { name })).toBeVisible();
    });

    test("the handlekommune's caseworker finds a resident without an action plan in the tasks and records it", async ({
      page,
    }) => {
      const given = `Plan${stamp}`;
      // The shelter admits and notifies (as the first journey does through the page).
      await logInAs(page, 'demo.partner_shelter');
      const headers = { 'x-csrf-token': await csrfToken(page) };
      const today = danishDate(0).split('.').reverse().join('-');
      const admitted = await page.request.post('/api/shelters/stays', {
        headers,
        data: {
          birthDate: '1968-08-08',
          initials: 'HP',
          givenName: given,
          admittedOn: today,
          admissionDecidedOn: today,
          handlekommune: '169',
        },
      });
      expect(admitted.ok(), await admitted.text()).toBe(true);
      const { id } = (await admitted.json()) as { id: string };
      const notified = await page.request.post(`/api/shelters/stays/${id}/notify`, {
        headers,
        data: { notifiedOn: today },
      });
      expect(notified.ok(), await notified.text()).toBe(true);

      await logInAs(page, 'demo.caseworker');
      await expect(page.getByRole('heading', { level: 1, name: t.tasksTitle, exact: true })).toBeVisible();
      await expect(
        page.getByRole('link', { name: new RegExp(`^${escapeRegExp(t.missingPlan(given))}`) }),
      ).toBeVisible();
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.cwNav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.cwTitle })).toBeVisible();
      const form = page.locator('details', {
        has: page.locator('summary', { hasText: t.planSummary(given) }),
      });
      await form.locator('summary').click();
      await expectNoAxeViolations(page);
      await form.getByRole('button', { name: t.planSubmit }).click();
      await expect(page.getByText(t.planDone(given))).toBeVisible();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: t.tasksTitle, exact: true })).toBeVisible();
      await expect(
        page.getByRole('link', { name: new RegExp(`^${escapeRegExp(t.missingPlan(given))}`) }),
      ).toHaveCount(0);
    });

    test('the handlekommune acknowledges the notification in its inbox, and the municipal discharge is refused until its conditions hold', async ({
      page,
    }) => {
      const given = `Udskriv${stamp}`;
      await logInAs(page, 'demo.partner_shelter');
      await page.goto('/herberg');
      await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
      // København (101) is not in the demo deployment: the shelter sends the letter itself.
      const letter = await download(page, page.getByRole('link', { name: t.letterLink }));
      expect(letter.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

      await page.locator('summary').filter({ hasText: t.admitSummary }).click();
      await page.getByLabel(t.birthDate, { exact: true }).fill('03.03.1977');
      await page.getByLabel(t.initials, { exact: true }).fill('UH');
      await page.getByLabel(t.givenName, { exact: true }).fill(given);
      await page.getByLabel(t.handlekommune, { exact: true }).fill('169');
      await page.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByText(t.admitted)).toBeVisible();
      const notify = page.locator('details', {
        has: page.locator('summary', { hasText: t.notifySummary(given) }),
      });
      await notify.locator('summary').click();
      await expect(notify.getByText(t.inboxHint)).toBeVisible();
      await notify.getByRole('button', { name: t.notifySubmit }).click();
      await expect(page.getByText(t.notifiedInbox(given))).toBeVisible();

      // The handlekommune's caseworker: the notification is a task, acknowledged in the inbox.
      await logInAs(page, 'demo.caseworker');
      await expect(page.getByRole('heading', { level: 1, name: t.tasksTitle, exact: true })).toBeVisible();
      await page
        .getByRole('link', { name: new RegExp(`^${escapeRegExp(t.notificationTask(given))}`) })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.inboxTitle })).toBeVisible();
      const ack = page.locator('details', { has: page.locator('summary', { hasText: t.ackSummary(given) }) });
      await ack.locator('summary').click();
      await expectNoAxeViolations(page);
      await ack.getByRole('button', { name: t.ackOnly, exact: true }).click();
      await expect(page.getByText(t.ackDone(given))).toBeVisible();

      // The action plan, then the municipal discharge: refused with what is missing.
      await page.goto('/herberg/borgere');
      await expect(page.getByRole('heading', { level: 1, name: t.cwTitle })).toBeVisible();
      const plan = page.locator('details', {
        has: page.locator('summary', { hasText: t.planSummary(given) }),
      });
      await plan.locator('summary').click();
      await plan.getByRole('button', { name: t.planSubmit }).click();
      await expect(page.getByText(t.planDone(given))).toBeVisible();
      const discharge = page.locator('details', {
        has: page.locator('summary', { hasText: t.dischargeSummary(given) }),
      });
      await discharge.locator('summary').click();
      await expect(discharge.getByText(t.missingHousing)).toBeVisible();
      await discharge.getByLabel(t.dischargedTo, { exact: true }).selectOption({ label: t.toCare });
      await discharge.getByRole('button', { name: t.dischargeSubmit }).click();
      const dialog = page.getByRole('dialog', { name: t.confirmHeading(given) });
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: t.confirm }).click();
      const refusal = discharge.getByRole('alert').filter({ hasText: t.refused });
      await expect(refusal).toBeVisible();
      await expect(refusal.getByText(t.missingHousing)).toBeVisible();
      await expectNoAxeViolations(page);

      // A § 107 placement begins today (the placements module's API): now every condition holds.
      const headers = { 'x-csrf-token': await csrfToken(page) };
      const residents = await page.request.get('/api/shelters/residents');
      const resident = ((await residents.json()) as { name: string; citizenId: string }[]).find(
        (r) => r.name === given,
      );
      expect(resident).toBeDefined();
      const today = danishDate(0).split('.').reverse().join('-');
      const placed = await page.request.post('/api/placements', {
        headers,
        data: {
          citizenId: resident?.citizenId,
          kind: 's107',
          provider: 'Botilbuddet Lunden',
          decidedOn: today,
          plannedMoveInOn: today,
          startedOn: today,
          monthlyCost: 38_000,
        },
      });
      expect(placed.ok(), await placed.text()).toBe(true);
      await page.reload();
      await discharge.locator('summary').click();
      await expect(discharge.getByText(t.allMet)).toBeVisible();
      await discharge.getByLabel(t.dischargedTo, { exact: true }).selectOption({ label: t.toCare });
      await discharge.getByRole('button', { name: t.dischargeSubmit }).click();
      await page
        .getByRole('dialog', { name: t.confirmHeading(given) })
        .getByRole('button', { name: t.confirm })
        .click();
      await expect(page.getByText(t.dischargeDone(given))).toBeVisible();
      await expect(discharge).toHaveCount(0);
    });
  });
}
