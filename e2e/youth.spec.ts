import { expect, type Page, test } from '@playwright/test';
import { addDays, monthsBefore, today } from '../src/shared/dates';
import { birthdayAt, youthSupportDeadline } from '../src/shared/youth/rules';
import { csrfToken, expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * Young people in both languages (issue 17): a child caseworker registers a placed 16½-year-old —
 * after a named error for a placement ending before it starts — and reads the young person's own
 * goals first; with the test clock (ADR 0011) at the 17th birthday the § 111 task appears in "Mine
 * opgaver" with its deadline; at 18 the young person gets ungestøtte and the caseworker submits a
 * youth-housing application for them. axe finds nothing on the pages.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      mainNav: 'Hovedmenu',
      nav: 'Unge',
      title: 'Unge 15–29 år',
      profileTitle: (name: string) => `Ung: ${name}`,
      saveProfile: 'Gem profil',
      ownGoals: 'Den unges egne mål og drømme',
      education: 'Uddannelse',
      inEducation: 'I gang med uddannelse',
      saved: 'Gemt.',
      addPlacement: 'Registrér anbringelse',
      type: 'Type',
      familyCare: 'Plejefamilie',
      from: 'Fra',
      to: 'Til',
      endBeforeStart: 'Til kan ikke ligge før Fra',
      tasksNav: 'Mine opgaver',
      task: (name: string, deadline: string) =>
        `${name} er anbragt og fylder snart 18 – afgørelsen om ungestøtte skal træffes senest ${deadline}`,
      addSupport: 'Registrér støtte',
      support: 'Støtte',
      ungestoette: 'Ungestøtte',
      createApplication: 'Opret boligansøgning',
      applicationTitle: 'Indstil til boligsocial anvisning',
      adultArea: 'Voksenområdet',
      specialSocial: 'Særlige sociale problemer',
      justification: 'Begrundelse',
      citizenship: 'Statsborgerskab',
      danish: 'Dansk',
      roomsMin: 'Mindst antal værelser',
      income: 'Husstandens indtægt om måneden',
      fixedCosts: 'Faste udgifter om måneden',
      youthWish: 'Ønsker en ungdomsbolig',
      inEducationGround: 'Er under uddannelse',
      submitApplication: 'Indstil borgeren',
      applicationCreated: 'Indstillingen er sendt til anvisningen.',
      applicationOpen: 'Har en åben boligansøgning på ventelisten',
      areasNav: 'Serviceområder',
      areasTitle: 'Sagsbehandleres serviceområde',
      areaFor: (name: string) => `Serviceområde for ${name}`,
      adult: 'Voksen',
      areaSave: 'Gem',
      areaSaved: (name: string) => `Serviceområdet for ${name} er gemt.`,
      indicatorsNav: 'Ungeindikatorer',
      indicatorsTitle: 'Ungeindikatorer',
      homelessTable: 'Unge i hjemløshed ved årets udgang, efter alder',
      age18to24: '18–24 år',
    },
  },
  {
    code: 'en',
    t: {
      mainNav: 'Main menu',
      nav: 'Young people',
      title: 'Young people aged 15–29',
      profileTitle: (name: string) => `Young person: ${name}`,
      saveProfile: 'Save profile',
      ownGoals: "The young person's own goals and dreams",
      education: 'Education',
      inEducation: 'In education',
      saved: 'Saved.',
      addPlacement: 'Record placement',
      type: 'Type',
      familyCare: 'Foster family',
      from: 'From',
      to: 'To',
      endBeforeStart: 'To cannot be before From',
      tasksNav: 'My tasks',
      task: (name: string, deadline: string) =>
        `${name} is placed and turns 18 soon – the decision on youth support is due by ${deadline}`,
      addSupport: 'Record support',
      support: 'Support',
      ungestoette: 'Youth support (ungestøtte)',
      createApplication: 'Create housing application',
      applicationTitle: 'Recommend for social housing allocation',
      adultArea: 'Adult services',
      specialSocial: 'Special social problems',
      justification: 'Justification',
      citizenship: 'Citizenship',
      danish: 'Danish',
      roomsMin: 'Fewest rooms',
      income: 'Household income a month',
      fixedCosts: 'Fixed costs a month',
      youthWish: 'Wishes a youth unit',
      inEducationGround: 'Is in education',
      submitApplication: 'Recommend the citizen',
      applicationCreated: 'The recommendation has been sent to the allocation officer.',
      applicationOpen: 'Has an open housing application on the waiting list',
      areasNav: 'Service areas',
      areasTitle: "Caseworkers' service areas",
      areaFor: (name: string) => `Service area of ${name}`,
      adult: 'Adults',
      areaSave: 'Save',
      areaSaved: (name: string) => `The service area of ${name} has been saved.`,
      indicatorsNav: 'Youth indicators',
      indicatorsTitle: 'Youth indicators',
      homelessTable: 'Young homeless at the year’s end, by age',
      age18to24: '18–24 years',
    },
  },
] as const;

const danish = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Sets the server's test clock (ADR 0011) for this browser: today is `iso` from now on. */
async function setClock(page: Page, iso: string) {
  const url = new URL(page.url()).origin;
  await page.context().addCookies([{ name: 'hjemvej_test_clock', value: iso, url }]);
}

for (const { code, t } of LANGUAGES) {
  test.describe(`young people (${code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, code);
    });

    test('a placed 16½-year-old gets the § 111 task at 17 and ungestøtte and a housing application at 18', async ({
      page,
    }) => {
      const stamp = `${code}${Date.now().toString(36)}`;
      const given = `Ung${stamp}`;
      const name = `${given} Plejebarn`;
      const birthDate = monthsBefore(today(), 16 * 12 + 6);
      const seventeenth = birthdayAt(birthDate, 17);
      const eighteenth = birthdayAt(birthDate, 18);

      // The child caseworker registers the young person (the by-name list has its own journey).
      await logInAs(page, 'demo.caseworker');
      const created = await page.request.post('/api/citizens', {
        headers: { 'x-csrf-token': await csrfToken(page) },
        data: { givenName: given, familyName: 'Plejebarn', birthDate, initials: 'UP' },
      });
      expect(created.ok(), await created.text()).toBe(true);
      const { id } = (await created.json()) as { id: string };

      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.nav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.title, exact: true })).toBeVisible();
      await page.getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.profileTitle(name) })).toBeVisible();

      // The young person's own goals come first.
      const profile = page.locator('details', { has: page.locator('summary', { hasText: t.saveProfile }) });
      await profile.locator('summary').click();
      await profile.getByLabel(t.ownGoals, { exact: true }).fill('Jeg vil være frisør.');
      await profile.getByLabel(t.education, { exact: true }).selectOption({ label: t.inEducation });
      await profile.getByRole('button', { name: t.saveProfile, exact: true }).click();
      await expect(page.getByText(t.saved)).toBeVisible();
      await expect(page.locator('main h2').first()).toHaveText(t.ownGoals);
      await expect(page.getByText('Jeg vil være frisør.', { exact: true }).first()).toBeVisible();

      // A placement ending before it starts is refused, naming the field; then recorded.
      const placement = page.locator('details', {
        has: page.locator('summary', { hasText: t.addPlacement }),
      });
      await placement.locator('summary').click();
      await placement.getByLabel(t.type, { exact: true }).selectOption({ label: t.familyCare });
      await placement.getByLabel(t.from, { exact: true }).fill(danish(addDays(today(), -400)));
      await placement.getByLabel(t.to, { exact: true }).fill(danish(addDays(today(), -401)));
      await placement.getByRole('button', { name: t.addPlacement, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.endBeforeStart).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await placement.getByLabel(t.to, { exact: true }).fill('');
      await placement.getByRole('button', { name: t.addPlacement, exact: true }).click();
      await expect(page.getByText(t.saved)).toBeVisible();
      await expect(page.getByRole('cell', { name: t.familyCare, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      // On the 17th birthday the decision on youth support is a task, due 6 months before 18.
      await setClock(page, seventeenth);
      await page.goto('/');
      await expect(page.getByText(t.task(name, danish(youthSupportDeadline(birthDate))))).toBeVisible();
      await expectNoAxeViolations(page);

      // At 18: ungestøtte from the 18th birthday, and a housing application.
      await setClock(page, addDays(eighteenth, 1));
      await page.goto(`/unge/${id}`);
      await expect(page.getByRole('heading', { level: 1, name: t.profileTitle(name) })).toBeVisible();
      const support = page.locator('details', { has: page.locator('summary', { hasText: t.addSupport }) });
      await support.locator('summary').click();
      await support.getByLabel(t.support, { exact: true }).selectOption({ label: t.ungestoette });
      await support.getByLabel(t.from, { exact: true }).fill(danish(eighteenth));
      await support.getByRole('button', { name: t.addSupport, exact: true }).click();
      await expect(page.getByText(t.saved)).toBeVisible();
      await expect(page.getByRole('cell', { name: t.ungestoette, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: t.createApplication, exact: true }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: t.applicationTitle, exact: true }),
      ).toBeVisible();

      // The youth-housing application: a youth unit wished, in education (rule 26).
      await page.getByRole('radio', { name: t.adultArea }).check();
      await page.getByRole('checkbox', { name: t.specialSocial }).check();
      await page.getByLabel(t.justification, { exact: true }).fill('Forlader plejefamilien ved 18 år (e2e).');
      await page
        .getByRole('group', { name: /^Person 1/ })
        .getByLabel(t.citizenship, { exact: true })
        .selectOption({ label: t.danish });
      await page.getByLabel(t.roomsMin, { exact: true }).fill('1');
      await page.getByLabel(t.income, { exact: true }).fill('9.500');
      await page.getByLabel(t.fixedCosts, { exact: true }).fill('1.000');
      await page.getByRole('checkbox', { name: t.youthWish }).check();
      await page.getByRole('checkbox', { name: t.inEducationGround }).check();
      await page.getByRole('button', { name: t.submitApplication, exact: true }).click();
      await expect(page.getByText(t.applicationCreated)).toBeVisible();
      await page.goto(`/unge/${id}`);
      await expect(page.getByRole('link', { name: t.applicationOpen, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the administrator keeps the caseworkers’ service areas', async ({ page }) => {
      await logInAs(page, 'demo.admin');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.areasNav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.areasTitle, exact: true })).toBeVisible();
      const vera = 'Vera Voksenrådgiver';
      const row = page.getByRole('row', { name: new RegExp(vera) });
      await row.getByLabel(t.areaFor(vera), { exact: true }).selectOption({ label: t.adult });
      await row.getByRole('button', { name: t.areaSave, exact: true }).click();
      await expect(page.getByText(t.areaSaved(vera))).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the leader sees the youth indicators (issue 17 §8)', async ({ page }) => {
      await logInAs(page, 'demo.leader');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.indicatorsNav, exact: true })
        .click();
      await expect(page).toHaveURL(/\/unge\/indikatorer$/);
      await expect(
        page.getByRole('heading', { level: 1, name: t.indicatorsTitle, exact: true }),
      ).toBeVisible();
      const table = page.getByRole('table', { name: t.homelessTable });
      await expect(table.getByRole('columnheader', { name: t.age18to24 })).toBeVisible();
      await expect(table.getByRole('row')).toHaveCount(6);
      await expectNoAxeViolations(page);
    });
  });
}
