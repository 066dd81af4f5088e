import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  csrfToken,
  download,
  escapeRegExp,
  expectNoAxeViolations,
  logInAs,
  rowOf,
  useLanguage,
} from './fixtures';

/**
 * The week-6 count in both languages (issue 18 §1): the leader, who reads figures only, finds the
 * demo's counts and the 2022 report — 67 homeless, 20 of them aged 18–29, beside 2019 (84, 22) and
 * the national totals (rule 9), in the charts' data tables. The caseworker opens a count of their
 * own (a count year the demo does not use, one per language), registers a person of the by-name
 * list (prefilled, rule 6's "once" left to the list) and a person not on it by initials and birth
 * date — refused first with every field named — corrects the registration, is refused the same
 * person twice (rule 6), downloads the answers for VIVE and closes the count after a confirmation.
 * axe finds nothing on the pages.
 */
const LANGUAGES = [
  {
    code: 'da',
    // Count years of the demo's own are 2019, 2022 and this period's; each language opens its own.
    year: 2013,
    t: {
      mainNav: 'Hovedmenu',
      nav: 'Hjemløsetælling',
      listTitle: 'Hjemløsetælling (uge 6)',
      report: (year: number) => `Rapport ${year}`,
      registration: (year: number) => `Registrering ${year}`,
      registrations: (year: number) => `Registreringer ${year}`,
      reportTitle: (year: number) => `Hjemløsetælling ${year}: rapport`,
      total: 'Hjemløse i alt',
      countYear: 'Tællingsår',
      yearRequired: 'Tællingsår skal udfyldes',
      week: (year: number) => `Uge 6 i ${year}:`,
      openSubmit: 'Åbn tællingen',
      opened: (year: number) => `Tællingen for ${year} er åbnet.`,
      open: 'Åben',
      closedStatus: 'Afsluttet',
      countTitle: (year: number) => `Hjemløsetælling ${year}`,
      register: 'Registrér',
      edit: 'Ret',
      registerHeading: (name: string) => `Registrér ${name}`,
      editHeading: (name: string) => `Ret registreringen af ${name}`,
      cause: 'Økonomiske problemer',
      units: 'Enheder, der mødte personen',
      submit: 'Registrér personen',
      save: 'Gem rettelsen',
      registered: (name: string) => `${name} er registreret i tællingen.`,
      updated: (name: string) => `Registreringen af ${name} er rettet.`,
      newSummary: 'Registrér en person, der ikke er på listen',
      required: ['Initialer skal udfyldes', 'Fødselsdato skal udfyldes', 'Køn skal udfyldes'],
      initials: 'Initialer',
      birthDate: 'Fødselsdato',
      sex: 'Køn',
      female: 'Kvinde',
      situation: 'Hjemløshedssituation',
      street: 'Gadesovende',
      nightShelter: 'Natvarmestue / værested med nødovernatning',
      nightShelterShort: 'Natvarmestue',
      duration: 'Varighed af hjemløsheden',
      underThreeMonths: 'Under 3 måneder',
      questions: [
        'Skrevet op til bolig eller botilbud',
        'Har en kommunal handleplan',
        'Modtager støtte eller behandling',
      ],
      dontKnow: 'Ved ikke',
      income: 'Indkomstgrundlag',
      citizenship: 'Statsborgerskab',
      eu: 'EU/EØS',
      counted: 'Personen er allerede registreret i denne tælling.',
      export: (year: number) => `Hent svarene til VIVE for ${year} (CSV)`,
      closeSubmit: 'Afslut tællingen',
      closeConfirm: 'Ja, afslut tællingen',
      closed: (year: number) => `Tællingen for ${year} er afsluttet.`,
    },
  },
  {
    code: 'en',
    year: 2011,
    t: {
      mainNav: 'Main menu',
      nav: 'Homelessness count',
      listTitle: 'Homelessness count (week 6)',
      report: (year: number) => `Report ${year}`,
      registration: (year: number) => `Registration ${year}`,
      registrations: (year: number) => `Registrations ${year}`,
      reportTitle: (year: number) => `Homelessness count ${year}: report`,
      total: 'Homeless in total',
      countYear: 'Count year',
      yearRequired: 'Count year is required',
      week: (year: number) => `Week 6 of ${year}:`,
      openSubmit: 'Open the count',
      opened: (year: number) => `The count for ${year} is open.`,
      open: 'Open',
      closedStatus: 'Closed',
      countTitle: (year: number) => `Homelessness count ${year}`,
      register: 'Register',
      edit: 'Edit',
      registerHeading: (name: string) => `Register ${name}`,
      editHeading: (name: string) => `Edit the registration of ${name}`,
      cause: 'Financial problems',
      units: 'Units that met the person',
      submit: 'Register the person',
      save: 'Save the correction',
      registered: (name: string) => `${name} is registered in the count.`,
      updated: (name: string) => `The registration of ${name} has been corrected.`,
      newSummary: 'Register a person who is not on the list',
      required: ['Initials is required', 'Date of birth is required', 'Sex is required'],
      initials: 'Initials',
      birthDate: 'Date of birth',
      sex: 'Sex',
      female: 'Female',
      situation: 'Homelessness situation',
      street: 'Sleeping rough',
      nightShelter: 'Night shelter / drop-in centre with emergency beds',
      nightShelterShort: 'Night shelter',
      duration: 'Duration of homelessness',
      underThreeMonths: 'Under 3 months',
      questions: [
        'On the list for housing or residential care',
        'Has a municipal action plan',
        'Receives support or treatment',
      ],
      dontKnow: "Don't know",
      income: 'Source of income',
      citizenship: 'Citizenship',
      eu: 'EU/EEA',
      counted: 'The person is already registered in this count.',
      export: (year: number) => `Download the answers for VIVE for ${year} (CSV)`,
      closeSubmit: 'Close the count',
      closeConfirm: 'Yes, close the count',
      closed: (year: number) => `The count for ${year} is closed.`,
    },
  },
] as const;

type Texts = (typeof LANGUAGES)[number]['t'];

/** Answers the questions of the person form that a person not on the list starts without. */
async function answerForm(form: Locator, t: Texts) {
  await form.getByRole('group', { name: t.sex, exact: true }).getByLabel(t.female, { exact: true }).check();
  await form.getByLabel(t.situation, { exact: true }).selectOption({ label: t.street });
  await form
    .getByRole('group', { name: t.duration, exact: true })
    .getByLabel(t.underThreeMonths, { exact: true })
    .check();
  for (const question of t.questions)
    await form
      .getByRole('group', { name: question, exact: true })
      .getByLabel(t.dontKnow, { exact: true })
      .check();
  await form.getByLabel(t.income, { exact: true }).selectOption({ label: t.dontKnow });
  await form
    .getByRole('group', { name: t.citizenship, exact: true })
    .getByLabel(t.eu, { exact: true })
    .check();
}

/** The form for a person not on the list, opened. */
async function newPersonForm(page: Page, t: Texts): Promise<Locator> {
  const details = page.locator('details', {
    has: page.locator('summary', { hasText: new RegExp(`^${escapeRegExp(t.newSummary)}$`) }),
  });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

for (const lang of LANGUAGES) {
  const { t, year } = lang;
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-4)}`;

  test.describe(`the week-6 count (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('the leader reads the 2022 report from the list: 67 homeless, 20 aged 18–29, beside 2019 and the country (rules 7–9)', async ({
      page,
    }) => {
      await logInAs(page, 'demo.leader');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.nav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.listTitle, exact: true })).toBeVisible();
      const list = page.getByRole('table');
      await expect(rowOf(list, '2022')).toBeVisible();
      await expect(rowOf(list, '2019')).toBeVisible();
      // Figures only: no way to the people registered.
      await expect(page.getByRole('link', { name: t.registrations(2022), exact: true })).toHaveCount(0);
      await expectNoAxeViolations(page);

      await rowOf(list, '2022')
        .getByRole('link', { name: t.report(2022), exact: true })
        .click();
      await expect(
        page.getByRole('heading', { level: 1, name: t.reportTitle(2022), exact: true }),
      ).toBeVisible();
      await expect(
        page.getByRole('row', { name: new RegExp(`^${escapeRegExp(t.total)} 67$`) }),
      ).toBeVisible();
      // The chart of the municipality's counts draws its figures as a table beside it.
      const years = page.locator('#count-years-table');
      await expect(rowOf(years, '2022').getByRole('cell')).toHaveText(['67', '20']);
      await expect(rowOf(years, '2019').getByRole('cell')).toHaveText(['84', '22']);
      await expect(rowOf(page.locator('#count-national-table'), '2022').getByRole('cell')).toHaveText([
        '5.789',
      ]);
      await expectNoAxeViolations(page);
    });

    test('the caseworker opens a count, registers from the list and beside it, corrects, exports and closes it (rule 6)', async ({
      page,
    }) => {
      await logInAs(page, 'demo.caseworker');
      // A person of the by-name list homeless in the count week: on the street from two weeks before.
      const given = `Tælle${stamp}`;
      const name = `${given} Hansen`;
      const citizen = await page.request.post('/api/citizens', {
        headers: { 'x-csrf-token': await csrfToken(page) },
        data: {
          givenName: given,
          familyName: 'Hansen',
          birthDate: '1990-03-15',
          initials: 'TH',
          firstEpisode: { situation: 'street', fromDate: `${year}-01-20` },
        },
      });
      expect(citizen.ok(), await citizen.text()).toBe(true);

      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.nav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.listTitle, exact: true })).toBeVisible();

      // Opening a count: the year is required; the week follows from it (rule 5).
      await page.getByRole('button', { name: t.openSubmit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.yearRequired).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel(t.countYear, { exact: true }).selectOption(String(year));
      await expect(page.locator('#count-open-week')).toContainText(t.week(year));
      await page.getByRole('button', { name: t.openSubmit, exact: true }).click();
      await expect(page.getByText(t.opened(year))).toBeVisible();
      const list = page.getByRole('table');
      await expect(rowOf(list, String(year)).getByRole('cell').nth(1)).toHaveText(t.open);
      await expectNoAxeViolations(page);
      await rowOf(list, String(year))
        .getByRole('link', { name: t.registration(year), exact: true })
        .click();
      await expect(
        page.getByRole('heading', { level: 1, name: t.countTitle(year), exact: true }),
      ).toBeVisible();

      // The person of the by-name list, prefilled: a cause and the unit added, then registered.
      const candidate = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
      await candidate.getByRole('button', { name: `${t.register} ${name}`, exact: true }).click();
      await expect(
        page.getByRole('heading', { level: 2, name: t.registerHeading(name), exact: true }),
      ).toBeFocused();
      await expectNoAxeViolations(page);
      const opened = page.locator('section', {
        has: page.getByRole('heading', { level: 2, name: t.registerHeading(name), exact: true }),
      });
      await opened.getByLabel(t.cause, { exact: true }).check();
      await opened.getByLabel(t.units, { exact: true }).fill('Gadeplan');
      await opened.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByText(t.registered(name))).toBeVisible();
      const registered = page
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: `${t.edit} ${name}`, exact: true }) });
      await expect(registered).toContainText('Gadeplan');

      // A person not on the list: refused with every missing field named, then registered.
      const initials = `Z${lang.code.toUpperCase()}`;
      let form = await newPersonForm(page, t);
      await form.getByRole('button', { name: t.submit, exact: true }).click();
      const summary = page.getByRole('alert').filter({ hasText: t.required[0] });
      for (const message of t.required)
        await expect(summary.getByText(message, { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await form.getByLabel(t.initials, { exact: true }).fill(initials);
      await form.getByLabel(t.birthDate, { exact: true }).fill('01.02.1985');
      await answerForm(form, t);
      await form.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByText(t.registered(initials))).toBeVisible();
      const other = page
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: `${t.edit} ${initials}`, exact: true }) });
      await expect(other).toContainText(t.street);

      // Corrected: another situation.
      await other.getByRole('button', { name: `${t.edit} ${initials}`, exact: true }).click();
      const editing = page.locator('section', {
        has: page.getByRole('heading', { level: 2, name: t.editHeading(initials), exact: true }),
      });
      await editing.getByLabel(t.situation, { exact: true }).selectOption({ label: t.nightShelter });
      await editing.getByRole('button', { name: t.save, exact: true }).click();
      await expect(page.getByText(t.updated(initials))).toBeVisible();
      await expect(other).toContainText(t.nightShelterShort);
      await expectNoAxeViolations(page);

      // Rule 6: the same initials (written otherwise) and birth date are the same person.
      form = await newPersonForm(page, t);
      await form.getByLabel(t.initials, { exact: true }).fill(`${initials.split('').join('.')}.`);
      await form.getByLabel(t.birthDate, { exact: true }).fill('01.02.1985');
      await answerForm(form, t);
      await form.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.counted)).toBeVisible();

      // The answers for VIVE, one line per person.
      const file = await download(page, page.getByRole('link', { name: t.export(year), exact: true }));
      expect(file.name).toBe(`hjemloesetaelling-${year}.csv`);
      const lines = file.bytes.toString('utf8').trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines.some((line) => line.includes(`;${initials};01.02.1985;female;2;`))).toBe(true);

      // Closing asks first; then nothing more can be registered.
      await page.getByRole('button', { name: t.closeSubmit, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: t.closeConfirm, exact: true }).click();
      await expect(page.getByText(t.closed(year))).toBeVisible();
      await expect(page.getByRole('cell', { name: t.closedStatus, exact: true })).toBeVisible();
      await expect(page.locator('summary', { hasText: t.newSummary })).toHaveCount(0);
      await expect(page.getByRole('button', { name: `${t.edit} ${initials}`, exact: true })).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  });
}
