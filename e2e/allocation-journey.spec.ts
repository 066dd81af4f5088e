import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  csrfToken,
  danishDate,
  download,
  escapeRegExp,
  expectNoAxeViolations,
  logIn,
  showListEntry,
  useLanguage,
} from './fixtures';

/**
 * Issue 5's journey across roles, in both languages: the caseworker recommends a homeless citizen
 * for social housing allocation; the allocation officer approves with a priority; the housing
 * organisation reports a vacant unit in its own department; the officer opens it, reads the ranked
 * candidates with their reasons, offers the unit, records the acceptance, the signed lease and the
 * move-in today; the citizen's page then shows the citizen housed in their own home, and the
 * dialogue-meeting report counts the unit as received and used. axe finds nothing on any page.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      mainNav: 'Hovedmenu',
      sideNav: 'Anvisning',
      allocation: 'Anvisning',
      vacancies: 'Ledige boliger',
      // The caseworker's recommendation (the applications' own form).
      recommend: 'Indstil til boligsocial anvisning',
      area: 'Voksenområdet',
      specialSocial: 'Særlige sociale problemer',
      justification: 'Begrundelse',
      citizenship: 'Statsborgerskab',
      danish: 'Dansk',
      roomsMin: 'Mindst antal værelser',
      income: 'Husstandens indtægt om måneden',
      fixedCosts: 'Faste udgifter om måneden',
      submitApplication: 'Indstil borgeren',
      applicationTitle: (name: string) => `Ansøgning: ${name}`,
      approve: 'Godkend på ventelisten',
      approveSubmit: 'Godkend på ventelisten',
      acute: 'Akut',
      priorityReason: 'Begrundelse for prioriteten',
      approved: 'Ansøgningen er godkendt, og ansøgeren står nu på ventelisten.',
      // The housing organisation's report.
      partnerTitle: 'Ledige boliger',
      reportHeading: 'Meld en ledig bolig',
      department: 'Afdeling',
      address: 'Boligens adresse',
      rooms: 'Antal værelser',
      areaM2: 'Areal i m²',
      rent: 'Husleje om måneden',
      utilities: 'Aconto forbrug om måneden',
      deposit: 'Depositum',
      availableOn: 'Ledig fra',
      reportSubmit: 'Meld boligen ledig',
      reported: (address: string) => `Boligen ${address} er meldt ledig til kommunen.`,
      // The officer's vacancy page.
      candidates: 'Egnede ansøgere',
      eligibleList: 'Egnede ansøgere i rækkefølge',
      showMoreEligible: /^Vis \d+ (egnet ansøger mere|flere egnede ansøgere)$/,
      explanation: (name: string) => `Begrundelse regel for regel for ${name}`,
      met: 'Opfyldt:',
      // The most the household can pay depends on the municipality's disposable amount, a setting.
      rentFits: /Husleje med aconto 5\.850 kr\. kan betales \(højst [\d.]+ kr\. om måneden\)/,
      onList: 'Godkendt på ventelisten',
      offer: 'Tilbyd boligen',
      offered: (name: string) => `Boligen er tilbudt til ${name} med svarfrist`,
      offerSection: 'Tilbud',
      offeredTo: 'Tilbudt til',
      letter: 'Hent tilbudsbrevet (PDF)',
      noReply: 'Registrér intet svar',
      deadlineNotPassed: 'Svarfristen er ikke overskredet endnu.',
      accepted: 'Ansøgeren har sagt ja',
      acceptSubmit: 'Registrér ja tak',
      acceptedDone: (name: string) => `${name} har sagt ja tak til boligen.`,
      tenancy: 'Lejemål',
      leaseSubmit: 'Registrér lejekontrakten',
      leaseDone: (date: string) => `Lejekontrakten er registreret som underskrevet ${date}.`,
      movedInOn: 'Flyttet ind den',
      moveInSubmit: 'Registrér indflytningen',
      housed: (name: string, date: string) => `${name} flyttede ind ${date} og står nu som i egen bolig.`,
      statusLabel: 'Status',
      statusLet: 'Udlejet',
      // The citizen's page and the dialogue report.
      citizenStatus: 'Status',
      housedStatus: 'Boligplaceret',
      whereabouts: 'Opholdssted nu',
      ownHome: 'Egen bolig',
      housingNav: 'Boliger',
      report: 'Dialogmøde-rapport',
      organisation: 'Boligorganisation',
      showReport: 'Vis rapport',
    },
  },
  {
    code: 'en',
    t: {
      mainNav: 'Main menu',
      sideNav: 'Allocation',
      allocation: 'Allocation',
      vacancies: 'Vacant units',
      recommend: 'Recommend for social housing allocation',
      area: 'Adult services',
      specialSocial: 'Special social problems',
      justification: 'Justification',
      citizenship: 'Citizenship',
      danish: 'Danish',
      roomsMin: 'Fewest rooms',
      income: 'Household income a month',
      fixedCosts: 'Fixed costs a month',
      submitApplication: 'Recommend the citizen',
      applicationTitle: (name: string) => `Application: ${name}`,
      approve: 'Approve onto the waiting list',
      approveSubmit: 'Approve on the waiting list',
      acute: 'Acute',
      priorityReason: 'Reason for the priority',
      approved: 'The application is approved, and the applicant is now on the waiting list.',
      partnerTitle: 'Vacant units',
      reportHeading: 'Report a vacant unit',
      department: 'Department',
      address: 'Unit address',
      rooms: 'Number of rooms',
      areaM2: 'Area in m²',
      rent: 'Rent a month',
      utilities: 'Utilities a month (aconto)',
      deposit: 'Deposit',
      availableOn: 'Available from',
      reportSubmit: 'Report the unit vacant',
      reported: (address: string) => `The unit ${address} is reported vacant to the municipality.`,
      candidates: 'Eligible applicants',
      eligibleList: 'Eligible applicants in order',
      showMoreEligible: /^Show \d+ more eligible applicants?$/,
      explanation: (name: string) => `Reasons rule by rule for ${name}`,
      met: 'Met:',
      rentFits: /Rent with utilities 5\.850 kr\. is affordable \(at most [\d.]+ kr\. a month\)/,
      onList: 'Approved on the waiting list',
      offer: 'Offer the unit',
      offered: (name: string) => `The unit is offered to ${name} with reply deadline`,
      offerSection: 'Offer',
      offeredTo: 'Offered to',
      letter: 'Download the offer letter (PDF)',
      noReply: 'Record no reply',
      deadlineNotPassed: 'The reply deadline has not passed yet.',
      accepted: 'The applicant said yes',
      acceptSubmit: 'Record the acceptance',
      acceptedDone: (name: string) => `${name} accepted the unit.`,
      tenancy: 'Tenancy',
      leaseSubmit: 'Record the lease',
      leaseDone: (date: string) => `The lease is recorded as signed on ${date}.`,
      movedInOn: 'Moved in on',
      moveInSubmit: 'Record the move-in',
      housed: (name: string, date: string) => `${name} moved in on ${date} and is now in their own home.`,
      statusLabel: 'Status',
      statusLet: 'Let',
      citizenStatus: 'Status',
      housedStatus: 'Housed',
      whereabouts: 'Whereabouts now',
      ownHome: 'Own home',
      housingNav: 'Housing',
      report: 'Dialogue meeting report',
      organisation: 'Housing organisation',
      showReport: 'Show report',
    },
  },
] as const;

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
/** One row of a label/value list (Facts), by its label. */
const fact = (scope: Locator | Page, label: string) =>
  scope.getByRole('row', { name: new RegExp(`^${escapeRegExp(label)} `) }).getByRole('cell');

/** Opens a form behind its summary (DKFDS details) and returns the details element. */
async function openForm(page: Page, text: string): Promise<Locator> {
  const details = page.locator('details', { has: page.locator('summary', { hasText: text }) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

/** Signs in as another user: the session cookie goes first, or the login page would send us on. */
async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await logIn(page, username);
}

interface Figures {
  received: number;
  used: number;
}

/** This year's dialogue-report figures of one department (read by the officer through the API). */
async function reportFigures(page: Page, organisationId: string, departmentId: string): Promise<Figures> {
  const today = danishDate().split('.').reverse().join('-');
  const response = await page.request.get(
    `/api/housing/organisations/${organisationId}/report?from=${today.slice(0, 4)}-01-01&to=${today}`,
  );
  expect(response.ok()).toBe(true);
  const report = (await response.json()) as { departments: (Figures & { departmentId: string })[] };
  const row = report.departments.find((d) => d.departmentId === departmentId);
  return { received: row?.received ?? 0, used: row?.used ?? 0 };
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  // Unique per run and language, so a rerun on the same database meets nothing of its own.
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-5)}`;
  const given = 'Hanne';
  const family = `Hjemvej${stamp}`;
  const name = `${given} ${family}`;
  const address = `Anvisningsvej ${stamp} 12, 2. th.`;

  test.describe(`allocation journey (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('caseworker recommends, officer approves, housing organisation reports a unit, officer offers it to the ranked candidate, who accepts, signs and moves in: the citizen is housed and the dialogue report counts the unit', async ({
      page,
    }) => {
      const sideNav = page.getByRole('navigation', { name: t.sideNav });
      const mainNav = page.getByRole('navigation', { name: t.mainNav });

      // The housing organisation's own department, and the dialogue report's figures before.
      await logIn(page, 'demo.partner_housing');
      const partnerDepartments = (await (await page.request.get('/api/partner/departments')).json()) as {
        items: { id: string; organisationName: string; number: string; name: string }[];
      };
      const department = partnerDepartments.items[0];
      if (!department) throw new Error('demo.partner_housing is linked to no housing organisation');
      await switchUser(page, 'demo.allocation');
      const organisations = (await (await page.request.get('/api/housing/organisations')).json()) as {
        items: { id: string; name: string }[];
      };
      const organisation = organisations.items.find((o) => o.name === department.organisationName);
      if (!organisation) throw new Error('The partner’s organisation is missing');
      const before = await reportFigures(page, organisation.id, department.id);

      // 1. The caseworker registers a homeless citizen (through the API) and recommends them.
      await switchUser(page, 'demo.caseworker');
      const created = await page.request.post('/api/citizens', {
        headers: { 'x-csrf-token': await csrfToken(page) },
        data: {
          birthDate: '1979-08-23',
          initials: 'HH',
          givenName: given,
          familyName: family,
          firstEpisode: { situation: 'street', fromDate: `${danishDate().slice(-4)}-01-02` },
        },
      });
      expect(created.ok()).toBe(true);
      const citizenId = ((await created.json()) as { id: string }).id;
      await page.goto(`/borgere/${citizenId}`);
      await page.getByRole('link', { name: t.recommend }).click();
      await expect(h1(page, t.recommend)).toBeVisible();
      await page.getByRole('radio', { name: t.area }).check();
      await page.getByRole('checkbox', { name: t.specialSocial }).check();
      await page
        .getByLabel(t.justification, { exact: true })
        .fill('Har sovet på gaden siden januar og kan ikke selv finde en bolig (e2e).');
      const applicant = page.getByRole('group', { name: /^Person 1/ });
      await applicant.getByLabel(t.citizenship, { exact: true }).selectOption({ label: t.danish });
      await page.getByLabel(t.roomsMin, { exact: true }).fill('1');
      await page.getByLabel(t.income, { exact: true }).fill('15.000');
      await page.getByLabel(t.fixedCosts, { exact: true }).fill('2.000');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: t.submitApplication }).click();
      await expect(h1(page, t.applicationTitle(name))).toBeVisible();
      const applicationUrl = page.url();
      await expectNoAxeViolations(page);

      // 2. The allocation officer approves it with a priority and its reason.
      await switchUser(page, 'demo.allocation');
      await page.goto(applicationUrl);
      await expect(h1(page, t.applicationTitle(name))).toBeVisible();
      const approve = await openForm(page, t.approve);
      await approve.getByRole('radio', { name: t.acute, exact: true }).check();
      await approve
        .getByLabel(t.priorityReason, { exact: true })
        .fill('Gadesovende i vintermånederne (e2e).');
      await approve.locator('form').getByRole('button', { name: t.approveSubmit }).click();
      await expect(page.getByText(t.approved)).toBeVisible();
      await expectNoAxeViolations(page);

      // 3. The housing organisation reports a vacant unit in its own department.
      await switchUser(page, 'demo.partner_housing');
      await mainNav.getByRole('link', { name: t.vacancies }).click();
      await expect(h1(page, t.partnerTitle)).toBeVisible();
      const report = region(page, t.reportHeading);
      await report.getByLabel(t.department, { exact: true }).selectOption(department.id);
      await report.getByLabel(t.address, { exact: true }).fill(address);
      await report.getByLabel(t.rooms, { exact: true }).fill('2');
      await report.getByLabel(t.areaM2, { exact: true }).fill('58');
      await report.getByLabel(t.rent, { exact: true }).fill('5.200');
      await report.getByLabel(t.utilities, { exact: true }).fill('650');
      await report.getByLabel(t.deposit, { exact: true }).fill('15.600');
      await report.getByLabel(t.availableOn, { exact: true }).fill(danishDate());
      await report.getByRole('button', { name: t.reportSubmit }).click();
      await expect(report.getByText(t.reported(address))).toBeVisible();
      await expectNoAxeViolations(page);

      // 4. The officer opens the unit and reads the ranked candidates with their reasons.
      await switchUser(page, 'demo.allocation');
      await mainNav.getByRole('link', { name: t.allocation }).click();
      await sideNav.getByRole('link', { name: t.vacancies }).click();
      await expect(h1(page, t.vacancies)).toBeVisible();
      await page.getByRole('link', { name: address }).click();
      await expect(h1(page, address)).toBeVisible();
      // Found wherever the demo data and other journeys rank them: the list shows more until it does.
      const candidates = region(page, t.candidates);
      const mine = await showListEntry(
        candidates.getByRole('list', { name: t.eligibleList }),
        candidates.getByRole('button', { name: t.showMoreEligible }),
        name,
      );
      await expect(mine).toHaveCount(1);
      await mine.locator('summary', { hasText: t.explanation(name) }).click();
      await expect(mine.getByText(`${t.met} ${t.onList}`)).toBeVisible();
      await expect(mine.getByText(new RegExp(`${t.met} ${t.rentFits.source}`))).toBeVisible();
      await expectNoAxeViolations(page);

      // 5. The officer offers the unit; the letter downloads; "no reply" waits for the deadline.
      await mine.getByRole('button', { name: new RegExp(`^${escapeRegExp(t.offer)}`) }).click();
      await expect(page.getByText(t.offered(name))).toBeVisible();
      const offer = region(page, t.offerSection);
      await expect(fact(offer, t.offeredTo)).toHaveText(name);
      await expect(
        candidates.getByRole('button', { name: new RegExp(`^${escapeRegExp(t.offer)}`) }),
      ).toHaveCount(0);
      const letter = await download(page, offer.getByRole('link', { name: t.letter }));
      expect(letter.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await offer.getByRole('button', { name: t.noReply }).click();
      await expect(offer.getByRole('alert')).toContainText(t.deadlineNotPassed);
      await expectNoAxeViolations(page);

      // 6. The acceptance, the signed lease and the move-in today are recorded.
      const accept = await openForm(page, t.accepted);
      await accept.getByRole('button', { name: t.acceptSubmit }).click();
      await expect(page.getByText(t.acceptedDone(name))).toBeVisible();
      await expect(fact(page, t.statusLabel).first()).toHaveText(t.statusLet);
      const tenancy = region(page, t.tenancy);
      await expectNoAxeViolations(page);
      await tenancy.getByRole('button', { name: t.leaseSubmit }).click();
      await expect(tenancy.getByText(t.leaseDone(danishDate()))).toBeVisible();
      await expect(tenancy.getByLabel(t.movedInOn, { exact: true })).toHaveValue(danishDate());
      await expectNoAxeViolations(page);
      await tenancy.getByRole('button', { name: t.moveInSubmit }).click();
      await expect(tenancy.getByText(t.housed(name, danishDate()))).toBeVisible();
      // A let unit shows its tenancy, not candidates, and one success message (issue 14 §3).
      await expect(page.getByRole('region', { name: t.candidates })).toHaveCount(0);
      await expect(page.locator('.alert-success')).toHaveCount(1);
      await expectNoAxeViolations(page);

      // 7. The citizen's page shows the citizen housed, in their own home.
      await tenancy.getByRole('link', { name }).click();
      await expect(h1(page, name)).toBeVisible();
      const status = region(page, t.citizenStatus);
      await expect(fact(status, t.citizenStatus).first()).toHaveText(t.housedStatus);
      await expect(fact(status, t.whereabouts)).toHaveText(t.ownHome);
      await expectNoAxeViolations(page);

      // 8. The dialogue-meeting report counts the unit as received and used.
      await mainNav.getByRole('link', { name: t.housingNav }).click();
      await page
        .getByRole('navigation', { name: t.housingNav })
        .getByRole('link', { name: t.report })
        .click();
      await expect(h1(page, t.report)).toBeVisible();
      await page.getByLabel(t.organisation, { exact: true }).selectOption({ label: organisation.name });
      await page.getByRole('button', { name: t.showReport }).click();
      const row = page.getByRole('row', {
        name: new RegExp(`${escapeRegExp(department.number)} ${escapeRegExp(department.name)}`),
      });
      const cells = row.getByRole('cell');
      // Columns: area status, expected, received, used, returned unused.
      await expect(cells.nth(2)).toHaveText(String(before.received + 1));
      await expect(cells.nth(3)).toHaveText(String(before.used + 1));
      await expectNoAxeViolations(page);
    });
  });
}
