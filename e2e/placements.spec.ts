import { expect, test } from '@playwright/test';
import { csrfToken, danishDate, expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * Alternative housing in both languages (issue 16 §6): the administrator adds a skæv bolig to the
 * register; the caseworker records a § 107 decision for a citizen, after a named error, sees the
 * stay in the list, ends it with a confirmation and finds it among the ended stays; then lets the
 * new skæv bolig to the citizen and ends the tenancy after a confirmation. axe finds nothing on
 * either page.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      mainNav: 'Hovedmenu',
      unitsNav: 'Skæve boliger',
      unitsTitle: 'Skæve boliger',
      vacant: 'Ledig',
      createUnit: 'Opret en skæv bolig',
      unitName: 'Bolig',
      address: 'Adresse',
      rent: 'Husleje pr. måned (kr.)',
      createUnitSubmit: 'Opret bolig',
      addressMissing: 'Adresse skal udfyldes',
      unitCreated: (name: string) => `${name} er oprettet.`,
      nav: 'Botilbud',
      title: 'Botilbud (§ 107 og § 108)',
      newSummary: 'Registrér en afgørelse om botilbud',
      search: 'Find borgeren',
      searchSubmit: 'Søg',
      kind: 'Botilbud efter',
      kindMissing: 'Botilbud efter skal udfyldes',
      s107: '§ 107 – midlertidigt botilbud',
      provider: 'Botilbud (leverandør)',
      decidedOn: 'Afgørelse truffet den',
      moveIn: 'Planlagt indflytning',
      startedOn: 'Flyttet ind den',
      cost: 'Pris pr. måned (kr.)',
      submit: 'Registrér afgørelse',
      created: 'Afgørelsen er registreret.',
      endSummary: (name: string) => `Afslut opholdet for ${name}`,
      situationAfter: 'Borgeren flytter til',
      street: 'Gadesovende',
      endSubmit: 'Afslut opholdet',
      endHeading: (name: string) => `Afslut opholdet for ${name}?`,
      endConfirm: 'Ja, afslut opholdet',
      ended: (name: string) => `Opholdet for ${name} er afsluttet.`,
      endedFilter: 'Afsluttede',
      letSummary: (unit: string) => `Udlej ${unit}`,
      letSubmit: 'Registrér indflytning',
      let: (unit: string) => `${unit} er udlejet.`,
      tenancyEndSummary: (name: string, unit: string) => `Afslut lejemålet for ${name} i ${unit}`,
      tenancyEndSubmit: 'Afslut lejemålet',
      tenancyEndHeading: (name: string, unit: string) => `Afslut lejemålet for ${name} i ${unit}?`,
      tenancyEndConfirm: 'Ja, afslut lejemålet',
      tenancyEnded: (name: string, unit: string) => `Lejemålet for ${name} i ${unit} er afsluttet.`,
    },
  },
  {
    code: 'en',
    t: {
      mainNav: 'Main menu',
      unitsNav: 'Skæve boliger',
      unitsTitle: 'Skæve boliger (alternative housing)',
      vacant: 'Vacant',
      createUnit: 'Add a skæv bolig',
      unitName: 'Unit',
      address: 'Address',
      rent: 'Rent per month (DKK)',
      createUnitSubmit: 'Add unit',
      addressMissing: 'Address is required',
      unitCreated: (name: string) => `${name} has been added.`,
      nav: 'Residential care',
      title: 'Residential care (§ 107 and § 108)',
      newSummary: 'Record a residential care decision',
      search: 'Find the citizen',
      searchSubmit: 'Search',
      kind: 'Residential care under',
      kindMissing: 'Residential care under is required',
      s107: '§ 107 – temporary residential care',
      provider: 'Provider (botilbud)',
      decidedOn: 'Decision made on',
      moveIn: 'Planned move-in',
      startedOn: 'Moved in on',
      cost: 'Cost per month (DKK)',
      submit: 'Record decision',
      created: 'The decision has been recorded.',
      endSummary: (name: string) => `End the stay of ${name}`,
      situationAfter: 'The citizen moves to',
      street: 'Sleeping rough',
      endSubmit: 'End the stay',
      endHeading: (name: string) => `End the stay of ${name}?`,
      endConfirm: 'Yes, end the stay',
      ended: (name: string) => `The stay of ${name} has ended.`,
      endedFilter: 'Ended',
      letSummary: (unit: string) => `Let ${unit}`,
      letSubmit: 'Record move-in',
      let: (unit: string) => `${unit} has been let.`,
      tenancyEndSummary: (name: string, unit: string) => `End the tenancy of ${name} in ${unit}`,
      tenancyEndSubmit: 'End the tenancy',
      tenancyEndHeading: (name: string, unit: string) => `End the tenancy of ${name} in ${unit}?`,
      tenancyEndConfirm: 'Yes, end the tenancy',
      tenancyEnded: (name: string, unit: string) => `The tenancy of ${name} in ${unit} has ended.`,
    },
  },
] as const;

for (const lang of LANGUAGES) {
  const { t } = lang;
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-4)}`;

  test.describe(`alternative housing (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('a § 107 stay is decided, begun and ended, and a new skæv bolig is let and given up', async ({
      page,
    }) => {
      const unit = `Thorsholm ${stamp}`;
      const given = `Botilbud${stamp}`;
      const name = `${given} Hansen`;

      // The administrator adds a unit to the register, after a named error.
      await logInAs(page, 'demo.admin');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.unitsNav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.unitsTitle, exact: true })).toBeVisible();
      await expect(page.getByRole('cell', { name: 'Thorsholm 1', exact: true })).toBeVisible();
      const create = page.locator('details', { has: page.locator('summary', { hasText: t.createUnit }) });
      await create.locator('summary').click();
      await create.getByLabel(t.unitName, { exact: true }).fill(unit);
      await create.getByLabel(t.rent, { exact: true }).fill('3.275');
      await create.getByRole('button', { name: t.createUnitSubmit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.addressMissing).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await create.getByLabel(t.address, { exact: true }).fill('Thorsholmvej 99');
      await create.getByRole('button', { name: t.createUnitSubmit, exact: true }).click();
      await expect(page.getByText(t.unitCreated(unit))).toBeVisible();
      // Vacant units come first.
      await expect(page.getByRole('row').nth(1).getByText(t.vacant)).toBeVisible();

      // The caseworker's citizen (registered through the API; the by-name list has its own journey).
      await logInAs(page, 'demo.caseworker');
      const created = await page.request.post('/api/citizens', {
        headers: { 'x-csrf-token': await csrfToken(page) },
        data: { givenName: given, familyName: 'Hansen', birthDate: '1975-03-03', initials: 'BH' },
      });
      expect(created.ok(), await created.text()).toBe(true);

      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.nav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.title, exact: true })).toBeVisible();
      const form = page.locator('details', { has: page.locator('summary', { hasText: t.newSummary }) });
      await form.locator('summary').click();
      await form.getByLabel(t.search, { exact: true }).fill(given);
      await form.getByRole('button', { name: t.searchSubmit, exact: true }).click();
      await form.getByRole('radio', { name: new RegExp(name) }).check();
      await form.getByLabel(t.provider, { exact: true }).fill('Bostedet Lindehuset');
      await form.getByLabel(t.decidedOn, { exact: true }).fill(danishDate(-10));
      await form.getByLabel(t.moveIn, { exact: true }).fill(danishDate(-5));
      await form.getByLabel(t.startedOn, { exact: true }).fill(danishDate(-5));
      await form.getByLabel(t.cost, { exact: true }).fill('45.000');
      await form.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.kindMissing).first()).toBeVisible();
      await form.getByLabel(t.kind, { exact: true }).selectOption({ label: t.s107 });
      await form.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByText(t.created)).toBeVisible();
      await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      const end = page.locator('details', { has: page.locator('summary', { hasText: t.endSummary(name) }) });
      await end.locator('summary').click();
      await end.getByLabel(t.situationAfter, { exact: true }).selectOption({ label: t.street });
      await end.getByRole('button', { name: t.endSubmit, exact: true }).click();
      await page
        .getByRole('dialog', { name: t.endHeading(name) })
        .getByRole('button', { name: t.endConfirm })
        .click();
      await expect(page.getByText(t.ended(name))).toBeVisible();
      await page.getByRole('link', { name: t.endedFilter, exact: true }).click();
      await expect(page.getByRole('link', { name, exact: true })).toBeVisible();

      // The new skæv bolig is let to the citizen, and the tenancy ends after a confirmation.
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.unitsNav, exact: true })
        .click();
      const letForm = page.locator('details', {
        has: page.locator('summary', { hasText: t.letSummary(unit) }),
      });
      await letForm.locator('summary').click();
      await letForm.getByLabel(t.search, { exact: true }).fill(given);
      await letForm.getByRole('button', { name: t.searchSubmit, exact: true }).click();
      await letForm.getByRole('radio', { name: new RegExp(name) }).check();
      await letForm.getByRole('button', { name: t.letSubmit, exact: true }).click();
      await expect(page.getByText(t.let(unit))).toBeVisible();
      await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      const endTenancy = page.locator('details', {
        has: page.locator('summary', { hasText: t.tenancyEndSummary(name, unit) }),
      });
      await endTenancy.locator('summary').click();
      await endTenancy.getByLabel(t.situationAfter, { exact: true }).selectOption({ label: t.street });
      await endTenancy.getByRole('button', { name: t.tenancyEndSubmit, exact: true }).click();
      await page
        .getByRole('dialog', { name: t.tenancyEndHeading(name, unit) })
        .getByRole('button', { name: t.tenancyEndConfirm })
        .click();
      await expect(page.getByText(t.tenancyEnded(name, unit))).toBeVisible();
    });
  });
}
