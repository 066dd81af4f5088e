import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  csrfToken,
  DEMO_PASSWORD,
  danishDate,
  escapeRegExp,
  expectNoAxeViolations,
  logInAs,
  showListEntry,
  useLanguage,
} from './fixtures';

/**
 * Vacant units in both languages (issue 5): the allocation officer registers a unit (a negative rent
 * is refused with a message naming the field, and nothing is saved), reads the ranked candidates
 * with their reasons rule by rule and an excluded applicant with the rule they fail, records a
 * declined and a withdrawn offer, meets a colleague's offer as a conflict that loses nothing, imports
 * units from a file, and returns a unit unused with a reason; the housing organisation reports a unit for its own department only;
 * the census shows the day; a long candidate list shows 25 with the count and reads on 25 at a time.
 * Every page passes axe.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      summaryHeading: 'Der er problemer med formularen',
      vacanciesTitle: 'Ledige boliger',
      sideNav: 'Anvisning',
      create: 'Registrér en ledig bolig',
      department: 'Afdeling',
      address: 'Boligens adresse',
      rooms: 'Antal værelser',
      area: 'Areal i m²',
      rent: 'Husleje om måneden',
      utilities: 'Aconto forbrug om måneden',
      deposit: 'Depositum',
      availableOn: 'Ledig fra',
      submit: 'Registrér boligen',
      rentError: 'Husleje om måneden skal være et beløb i kroner, 0 eller derover, fx 5.200',
      created: (address: string) => `Boligen ${address} er registreret. Se de egnede ansøgere nedenfor.`,
      candidates: 'Egnede ansøgere',
      eligibleList: 'Egnede ansøgere i rækkefølge',
      showMoreEligible: /^Vis \d+ (egnet ansøger mere|flere egnede ansøgere)$/,
      excludedList: 'Ikke egnede ansøgere',
      showMoreExcluded: /^Vis \d+ (ikke egnet ansøger mere|flere ikke egnede ansøgere)$/,
      explanation: (name: string) => `Begrundelse regel for regel for ${name}`,
      met: 'Opfyldt:',
      notMet: 'Ikke opfyldt:',
      // The most the household can pay depends on the municipality's disposable amount, a setting.
      rentFits: /Husleje med aconto 5\.850 kr\. kan betales \(højst [\d.]+ kr\. om måneden\)/,
      roomsFit: '2 værelser passer til behovet (mindst 1)',
      tooFew: '2 værelser er for få – behovet er mindst 4',
      whyNot: 'Hvorfor ikke:',
      offer: 'Tilbyd boligen',
      offered: (name: string) => `Boligen er tilbudt til ${name} med svarfrist`,
      declinedSummary: 'Ansøgeren har sagt nej',
      declineReason: 'Årsag til afslaget',
      wrongSize: 'Forkert størrelse',
      declineSubmit: 'Registrér afslaget',
      declined: (name: string) => `Afslaget fra ${name} er registreret (Forkert størrelse).`,
      withdraw: 'Træk tilbuddet tilbage',
      conflict: 'En anden medarbejder har netop handlet på denne bolig. Intet er gået tabt',
      offerSection: 'Tilbud',
      withdrawDialog: 'Træk tilbuddet tilbage?',
      withdrawConfirm: 'Ja, træk tilbuddet tilbage',
      withdrawn: (name: string) => `Tilbuddet til ${name} er trukket tilbage.`,
      importLink: 'Importér ledige boliger fra en fil',
      importTitle: 'Importér ledige boliger',
      columns: 'Filens kolonner',
      file: 'Fil (CSV eller XLSX)',
      check: 'Kontrollér filen',
      checkHeading: 'Kontrol af filen',
      badType: 'Ikke en af de mulige værdier. Se listen over kolonner ovenfor',
      allowedTypes: 'Tilladt: familiebolig, ungdomsbolig, ældrebolig, skæv bolig',
      importValid: 'Importér kun den 1 gyldige række',
      imported: '1 bolig importeret',
      returnSummary: 'Lever boligen tilbage til boligorganisationen ubrugt',
      reason: 'Årsag',
      reasonRequired: 'Årsag skal udfyldes',
      unsuitable: 'Boligen var ikke egnet',
      returnSubmit: 'Lever boligen tilbage',
      returnDialog: 'Lever boligen tilbage?',
      returnConfirm: 'Ja, lever boligen tilbage',
      returned: 'Boligen er leveret tilbage til boligorganisationen. Årsag: Boligen var ikke egnet.',
      statusLabel: 'Status',
      statusReturned: 'Leveret tilbage',
      backToList: 'Tilbage til ledige boliger',
      show: 'Vis',
      mainNav: 'Hovedmenu',
      partnerNav: 'Ledige boliger',
      partnerTitle: 'Ledige boliger',
      reportHeading: 'Meld en ledig bolig',
      reportSubmit: 'Meld boligen ledig',
      reported: (address: string) => `Boligen ${address} er meldt ledig til kommunen.`,
      addressRequired: 'Boligens adresse skal udfyldes',
      ownUnits: 'Jeres meldte boliger',
      ownDepartments: 'Jeres afdelinger',
      stageOpen: 'Kommunen finder en lejer',
      notLinked: 'Kommunen har ikke knyttet dig til en boligorganisation endnu',
      censusTitle: 'Optælling af egnede ansøgere',
      censusNav: 'Optælling',
      censusDate: 'Dato',
      censusShow: 'Vis optællingen',
      censusHeading: (date: string) => `Optællingen ${date}`,
      censusEmpty: (date: string) => `Der er ingen optælling for ${date}.`,
    },
  },
  {
    code: 'en',
    t: {
      summaryHeading: 'There is a problem with the form',
      vacanciesTitle: 'Vacant units',
      sideNav: 'Allocation',
      create: 'Register a vacant unit',
      department: 'Department',
      address: 'Unit address',
      rooms: 'Number of rooms',
      area: 'Area in m²',
      rent: 'Rent a month',
      utilities: 'Utilities a month (aconto)',
      deposit: 'Deposit',
      availableOn: 'Available from',
      submit: 'Register the unit',
      rentError: 'Rent a month must be an amount in kroner, 0 or more, e.g. 5.200',
      created: (address: string) => `The unit ${address} is registered. See the eligible applicants below.`,
      candidates: 'Eligible applicants',
      eligibleList: 'Eligible applicants in order',
      showMoreEligible: /^Show \d+ more eligible applicants?$/,
      excludedList: 'Applicants not eligible',
      showMoreExcluded: /^Show \d+ more applicants? not eligible$/,
      explanation: (name: string) => `Reasons rule by rule for ${name}`,
      met: 'Met:',
      notMet: 'Not met:',
      rentFits: /Rent with utilities 5\.850 kr\. is affordable \(at most [\d.]+ kr\. a month\)/,
      roomsFit: '2 rooms fit the need (at least 1)',
      tooFew: '2 rooms are too few – the need is at least 4',
      whyNot: 'Why not:',
      offer: 'Offer the unit',
      offered: (name: string) => `The unit is offered to ${name} with reply deadline`,
      declinedSummary: 'The applicant said no',
      declineReason: 'Reason for declining',
      wrongSize: 'Wrong size',
      declineSubmit: 'Record the refusal',
      declined: (name: string) => `The refusal by ${name} is recorded (Wrong size).`,
      withdraw: 'Withdraw the offer',
      conflict: 'Another officer has just acted on this unit. Nothing was lost',
      offerSection: 'Offer',
      withdrawDialog: 'Withdraw the offer?',
      withdrawConfirm: 'Yes, withdraw the offer',
      withdrawn: (name: string) => `The offer to ${name} is withdrawn.`,
      importLink: 'Import vacant units from a file',
      importTitle: 'Import vacant units',
      columns: "The file's columns",
      file: 'File (CSV or XLSX)',
      check: 'Check the file',
      checkHeading: 'File check',
      badType: 'Not one of the possible values. See the list of columns above',
      allowedTypes: 'Allowed: familiebolig, ungdomsbolig, ældrebolig, skæv bolig',
      importValid: 'Import only the 1 valid row',
      imported: '1 unit imported',
      returnSummary: 'Return the unit to the housing organisation unused',
      reason: 'Reason',
      reasonRequired: 'Reason is required',
      unsuitable: 'The unit was unsuitable',
      returnSubmit: 'Return the unit',
      returnDialog: 'Return the unit?',
      returnConfirm: 'Yes, return the unit',
      returned: 'The unit is returned to the housing organisation. Reason: The unit was unsuitable.',
      statusLabel: 'Status',
      statusReturned: 'Returned',
      backToList: 'Back to vacant units',
      show: 'Show',
      mainNav: 'Main menu',
      partnerNav: 'Vacant units',
      partnerTitle: 'Vacant units',
      reportHeading: 'Report a vacant unit',
      reportSubmit: 'Report the unit vacant',
      reported: (address: string) => `The unit ${address} is reported vacant to the municipality.`,
      addressRequired: 'Unit address is required',
      ownUnits: 'Your reported units',
      ownDepartments: 'Your departments',
      stageOpen: 'The municipality is finding a tenant',
      notLinked: 'The municipality has not linked you to a housing organisation yet',
      censusTitle: 'Census of eligible applicants',
      censusNav: 'Census',
      censusDate: 'Date',
      censusShow: 'Show the census',
      censusHeading: (date: string) => `The census of ${date}`,
      censusEmpty: (date: string) => `There is no census for ${date}.`,
    },
  },
] as const;

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const isoToday = () => danishDate().split('.').reverse().join('-');

/** A JSON request as the logged-in user (with the session's CSRF token). */
async function call(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) {
  const token = await csrfToken(page);
  const response = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': token },
    ...(data === undefined ? {} : { data }),
  });
  return response;
}

async function json<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const response = await call(page, method, path, data);
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

interface Department {
  id: string;
  organisationName: string;
  number: string;
  name: string;
}

/** Taastrup Almene Boliger (demo), afd. 2 Stationsbyen, and a department of another organisation. */
async function demoDepartments(page: Page): Promise<{ own: Department; other: Department }> {
  const { items } = await json<{ items: Department[] }>(page, 'GET', '/api/housing/departments');
  const own = items.find((d) => d.organisationName === 'Taastrup Almene Boliger (demo)' && d.number === '2');
  const other = items.find((d) => d.organisationName === 'Hedehusene Boligselskab (demo)');
  if (!own || !other) throw new Error('The demo departments are missing');
  return { own, other };
}

/**
 * A citizen of the caseworker's with an application approved on the waiting list (set up through the
 * API; the applications' own journeys test those forms). `roomsMin` decides whether a 2-room unit fits.
 * Approved as acute, so the applicant usually stands on a candidate list's first page; the journeys
 * still show more of the list until they find them (`showListEntry`), wherever the demo data and
 * the other journeys put them.
 */
async function waitingApplicant(page: Page, given: string, family: string, roomsMin: number) {
  await logInAs(page, 'demo.caseworker');
  const citizen = await json<{ id: string }>(page, 'POST', '/api/citizens', {
    birthDate: '1984-05-06',
    initials: 'EE',
    givenName: given,
    familyName: family,
    firstEpisode: { situation: 'street', fromDate: `${isoToday().slice(0, 4)}-01-01` },
  });
  const application = await json<{ id: string }>(page, 'POST', '/api/allocation/applications', {
    citizenId: citizen.id,
    area: 'adult',
    targetGrounds: ['special_social'],
    justification: 'Kan ikke selv skaffe en bolig (e2e).',
    roomsMin,
    roomsMax: null,
    monthlyIncome: 15000,
    fixedCosts: 2000,
    accessibleNeed: false,
    wishedDepartmentIds: [],
    excludedDepartmentIds: [],
    youthWish: false,
    inEducation: false,
    educationPlanned: false,
    youthSpecialNeed: false,
    members: [
      {
        role: 'applicant',
        name: `${given} ${family}`,
        birthDate: '1984-05-06',
        citizenship: 'danish',
        student: false,
        prisonReleasedOn: null,
        youthInstitutionReleasedOn: null,
        leaseTerminatedMisconductOn: null,
        partnerSince: null,
        benefits: [],
      },
    ],
  });
  await logInAs(page, 'demo.allocation');
  await json(page, 'POST', `/api/allocation/applications/${application.id}/assessment`, {
    action: 'approve',
    priority: 'acute',
    reason: 'Hjemløs, på gaden (e2e).',
  });
  return { name: `${given} ${family}`, applicationId: application.id };
}

/** Fills the vacancy form (a department chosen by id; the numbers as typed). */
async function fillVacancy(
  form: Locator,
  t: (typeof LANGUAGES)[number]['t'],
  values: { departmentId: string; address: string; rent: string },
) {
  await form.getByLabel(t.department, { exact: true }).selectOption(values.departmentId);
  await form.getByLabel(t.address, { exact: true }).fill(values.address);
  await form.getByLabel(t.rooms, { exact: true }).fill('2');
  await form.getByLabel(t.area, { exact: true }).fill('61,5');
  await form.getByLabel(t.rent, { exact: true }).fill(values.rent);
  await form.getByLabel(t.utilities, { exact: true }).fill('650');
  await form.getByLabel(t.deposit, { exact: true }).fill('15.600');
  await form.getByLabel(t.availableOn, { exact: true }).fill(danishDate());
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  // Unique per run and language, so a rerun on the same database meets nothing of its own.
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-5)}`;

  test.describe(`vacancies (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('the officer registers a unit (a negative rent is refused, nothing saved), reads the ranked candidates with their reasons and an excluded one with why not; an offer is declined, one withdrawn, one meets a colleague’s offer; the unit is returned unused', async ({
      page,
    }) => {
      const fits = (await waitingApplicant(page, 'Vera', `Egnet${stamp}`, 1)).name;
      const tooBig = (await waitingApplicant(page, 'Vagn', `Forstor${stamp}`, 4)).name;
      const other = await waitingApplicant(page, 'Vilma', `Kollega${stamp}`, 1);
      const { own } = await demoDepartments(page);
      const address = `Ledighedsvej ${stamp} 3, 1. tv.`;

      await page.goto('/anvisning/boliger');
      await expect(h1(page, t.vacanciesTitle)).toBeVisible();
      await expect(
        page.getByRole('navigation', { name: t.sideNav }).getByRole('link', { name: t.vacanciesTitle }),
      ).toHaveAttribute('aria-current', 'page');
      await expectNoAxeViolations(page);

      // A negative rent is refused with a message naming the field; nothing is saved.
      await page.getByRole('link', { name: t.create }).click();
      await expect(h1(page, t.create)).toBeVisible();
      await expectNoAxeViolations(page);
      const form = page.locator('form').filter({ has: page.getByLabel(t.address, { exact: true }) });
      await fillVacancy(form, t, { departmentId: own.id, address, rent: '-100' });
      await form.getByRole('button', { name: t.submit }).click();
      const errors = page.getByRole('alert').filter({ hasText: t.summaryHeading });
      await expect(errors).toBeFocused();
      await expect(errors.getByRole('link', { name: t.rentError })).toBeVisible();
      await expect(form.getByLabel(t.rent, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      const none = await json<{ items: { address: string }[] }>(page, 'GET', '/api/allocation/vacancies');
      expect(none.items.filter((v) => v.address === address)).toEqual([]);

      // Corrected, it is saved and the unit's page opens with its candidates.
      await form.getByLabel(t.rent, { exact: true }).fill('5.200');
      await form.getByRole('button', { name: t.submit }).click();
      await expect(h1(page, address)).toBeVisible();
      await expect(page.getByText(t.created(address))).toBeVisible();

      const candidates = region(page, t.candidates);
      const eligibleList = candidates.getByRole('list', { name: t.eligibleList });
      const eligible = eligibleList.locator(':scope > li');
      const fitting = await showListEntry(
        eligibleList,
        candidates.getByRole('button', { name: t.showMoreEligible }),
        fits,
      );
      await expect(fitting).toHaveCount(1);
      await expect(fitting.getByRole('button', { name: new RegExp(`^${t.offer}`) })).toBeVisible();
      await fitting.locator('summary', { hasText: t.explanation(fits) }).click();
      await expect(fitting.getByText(new RegExp(`${t.met} ${t.rentFits.source}`))).toBeVisible();
      await expect(fitting.getByText(`${t.met} ${t.roomsFit}`)).toBeVisible();

      const notFitting = await showListEntry(
        candidates.getByRole('list', { name: t.excludedList }),
        candidates.getByRole('button', { name: t.showMoreExcluded }),
        tooBig,
      );
      await expect(notFitting).toHaveCount(1);
      await expect(notFitting.getByText(t.whyNot)).toBeVisible();
      await expect(notFitting.getByText(`${t.notMet} ${t.tooFew}`).first()).toBeVisible();
      await expect(eligible.filter({ hasText: tooBig })).toHaveCount(0);
      await expectNoAxeViolations(page);

      // An offer declined for a reason that is no refusal; a new one withdrawn after confirming.
      const offerButton = fitting.getByRole('button', { name: new RegExp(`^${t.offer}`) });
      await offerButton.click();
      await expect(page.getByText(t.offered(fits))).toBeVisible();
      await expect(offerButton).toHaveCount(0);
      const decline = page.locator('details', {
        has: page.locator('summary', { hasText: t.declinedSummary }),
      });
      await decline.locator('summary').click();
      await decline.getByLabel(t.declineReason, { exact: true }).selectOption({ label: t.wrongSize });
      await expectNoAxeViolations(page);
      await decline.getByRole('button', { name: t.declineSubmit }).click();
      await expect(page.getByText(t.declined(fits))).toBeVisible();
      await offerButton.click();
      await expect(page.getByText(t.offered(fits))).toBeVisible();
      await page.getByRole('button', { name: t.withdraw, exact: true }).click();
      const withdrawDialog = page.getByRole('dialog', { name: t.withdrawDialog });
      await expect(withdrawDialog).toBeVisible();
      await expectNoAxeViolations(page);
      await withdrawDialog.getByRole('button', { name: t.withdrawConfirm }).click();
      await expect(page.getByText(t.withdrawn(fits))).toBeVisible();
      await expect(offerButton).toBeVisible();

      // Meanwhile a colleague offers the unit to someone else: this offer meets a conflict, explained,
      // and the page shows the colleague's offer (nothing lost). The colleague then withdraws it.
      const vacancyId = page.url().split('/').pop() ?? '';
      await json(page, 'POST', `/api/allocation/vacancies/${vacancyId}/offers`, {
        applicationId: other.applicationId,
      });
      await offerButton.click();
      await expect(page.getByRole('alert').filter({ hasText: t.conflict })).toBeVisible();
      await expect(region(page, t.offerSection).getByRole('link', { name: other.name })).toBeVisible();
      await expect(offerButton).toHaveCount(0);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: t.withdraw, exact: true }).click();
      await withdrawDialog.getByRole('button', { name: t.withdrawConfirm }).click();
      await expect(page.getByText(t.withdrawn(other.name))).toBeVisible();

      // Returned unused with a reason: first without one (refused), then with it, after confirming.
      const returnForm = page.locator('details', {
        has: page.locator('summary', { hasText: t.returnSummary }),
      });
      await returnForm.locator('summary').click();
      await returnForm.getByRole('button', { name: t.returnSubmit }).click();
      await expect(errors.getByRole('link', { name: t.reasonRequired })).toBeVisible();
      await expectNoAxeViolations(page);
      await returnForm.getByLabel(t.reason, { exact: true }).selectOption({ label: t.unsuitable });
      await returnForm.getByRole('button', { name: t.returnSubmit }).click();
      const dialog = page.getByRole('dialog', { name: t.returnDialog });
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: t.returnConfirm }).click();
      await expect(page.getByText(t.returned)).toBeVisible();
      await expect(
        page.getByRole('row', { name: new RegExp(`^${t.statusLabel} `) }).getByRole('cell'),
      ).toHaveText(t.statusReturned);
      // A returned unit is offered to no one.
      await expect(candidates.getByRole('button', { name: new RegExp(`^${t.offer}`) })).toHaveCount(0);
      await expectNoAxeViolations(page);

      // The list shows it under its status.
      await page.getByRole('link', { name: t.backToList }).click();
      await page.getByLabel(t.statusLabel, { exact: true }).selectOption({ label: t.statusReturned });
      await page.getByRole('button', { name: t.show, exact: true }).click();
      await expect(page.getByRole('row', { name: new RegExp(escapeRegExp(address)) })).toContainText(
        t.statusReturned,
      );
      await expectNoAxeViolations(page);
    });

    test('vacant units are imported from a file: a bad row is named by line and column, then only the valid rows go in', async ({
      page,
    }) => {
      await logInAs(page, 'demo.allocation');
      await page.goto('/anvisning/boliger');
      await page.getByRole('link', { name: t.importLink }).click();
      await expect(h1(page, t.importTitle)).toBeVisible();
      await expect(region(page, t.columns).getByRole('table')).toContainText('ledig_fra');
      await expectNoAxeViolations(page);
      const good = `Importvej ${stamp} 1`;
      const bad = `Importvej ${stamp} 2`;
      const csv = [
        'afdeling;organisation;adresse;type;vaerelser;m2;husleje;aconto;depositum;tilgaengelig;ledig_fra;oprindelse',
        `2;Taastrup Almene Boliger (demo);${good};familiebolig;3;74;6100;700;18300;nej;${danishDate()};kvote`,
        `2;Taastrup Almene Boliger (demo);${bad};slot;3;74;6100;700;18300;nej;${danishDate()};kvote`,
      ].join('\n');
      await page.getByLabel(t.file).setInputFiles({
        name: 'ledige.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByRole('button', { name: t.check }).click();
      const report = region(page, t.checkHeading);
      await expect(report.getByRole('heading', { name: t.checkHeading })).toBeFocused();
      const problem = report.getByRole('row').filter({ hasText: t.badType });
      await expect(problem.getByRole('cell')).toHaveText([
        '3',
        'type',
        'slot',
        `${t.badType} ${t.allowedTypes}`,
      ]);
      await expectNoAxeViolations(page);
      await report.getByRole('button', { name: t.importValid }).click();
      await expect(page.getByRole('heading', { name: t.imported })).toBeVisible();
      await expectNoAxeViolations(page);
      const open = await json<{ items: { address: string }[] }>(
        page,
        'GET',
        '/api/allocation/vacancies?status=open',
      );
      expect(open.items.filter((v) => v.address === good)).toHaveLength(1);
      expect(open.items.filter((v) => v.address === bad)).toEqual([]);
    });

    test('the housing organisation reports a unit for its own department only; a user linked to none is told why', async ({
      page,
    }) => {
      // The demo links the partner user to one housing organisation; another's department is not theirs.
      await logInAs(page, 'demo.partner_housing');
      const mine = await json<{ items: Department[] }>(page, 'GET', '/api/partner/departments');
      const own = mine.items[0];
      if (!own) throw new Error('demo.partner_housing is linked to no organisation');
      await logInAs(page, 'demo.allocation');
      const all = await json<{ items: Department[] }>(page, 'GET', '/api/housing/departments');
      const theirs = new Set(mine.items.map((d) => d.id));
      const other = all.items.find((d) => !theirs.has(d.id));
      if (!other) throw new Error('The demo has only one organisation');

      await logInAs(page, 'demo.partner_housing');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.partnerNav })
        .click();
      await expect(h1(page, t.partnerTitle)).toBeVisible();
      await expect(region(page, t.ownDepartments)).toContainText(own.name);
      await expectNoAxeViolations(page);

      // Only their own departments can be chosen; the server refuses another organisation's too.
      const report = region(page, t.reportHeading);
      const select = report.getByLabel(t.department, { exact: true });
      await expect(select.locator(`option[value="${own.id}"]`)).toHaveCount(1);
      await expect(select.locator(`option[value="${other.id}"]`)).toHaveCount(0);
      const refused = await call(page, 'POST', '/api/partner/vacancies', {
        departmentId: other.id,
        address: `Fremmedvej ${stamp}`,
        unitType: 'family',
        rooms: 2,
        areaM2: 60,
        rent: 5000,
        utilities: 500,
        deposit: 15000,
        accessible: false,
        availableOn: isoToday(),
        origin: 'agreement_quota',
        deadlineOn: null,
      });
      expect(refused.status()).toBe(400);
      expect(await refused.json()).toMatchObject({
        fields: [{ path: 'departmentId', code: 'unknown_department' }],
      });

      // Empty first (refused, named), then reported.
      await report.getByRole('button', { name: t.reportSubmit }).click();
      const errors = page.getByRole('alert').filter({ hasText: t.summaryHeading });
      await expect(errors.getByRole('link', { name: t.addressRequired })).toBeVisible();
      await expectNoAxeViolations(page);
      const address = `Partnervej ${stamp} 7, st.`;
      await fillVacancy(report, t, { departmentId: own.id, address, rent: '4.950' });
      await report.getByRole('button', { name: t.reportSubmit }).click();
      await expect(report.getByText(t.reported(address))).toBeVisible();
      await expect(report.getByLabel(t.address, { exact: true })).toHaveValue('');
      const row = region(page, t.ownUnits).getByRole('row', {
        name: new RegExp(`^${escapeRegExp(address)}`),
      });
      await expect(row).toContainText(t.stageOpen);
      await expectNoAxeViolations(page);

      // A partner user whose organisation no longer lists them (a user is created with one, and the
      // municipality then takes them off the organisation's contacts) is told so.
      await logInAs(page, 'demo.admin');
      const orgs = await json<{ items: { id: string; name: string }[] }>(
        page,
        'GET',
        '/api/admin/housing-organisations',
      );
      const organisation = orgs.items.find((o) => o.name === own.organisationName);
      if (!organisation) throw new Error(`No organisation named ${own.organisationName}`);
      const username = `e2e.partner.${stamp.toLowerCase()}`;
      const created = await json<{ id: string }>(page, 'POST', '/api/admin/users', {
        username,
        displayName: `Partner ${stamp}`,
        role: 'partner_housing',
        password: DEMO_PASSWORD,
        organisationId: organisation.id,
      });
      await logInAs(page, 'demo.allocation');
      const contactsPath = `/api/housing/organisations/${organisation.id}/contacts`;
      const contacts = await json<{ items: { userId: string }[] }>(page, 'GET', contactsPath);
      await json(page, 'PUT', contactsPath, {
        userIds: contacts.items.map((c) => c.userId).filter((id) => id !== created.id),
      });
      await logInAs(page, username);
      await page.goto('/partner/boliger');
      await expect(page.getByRole('heading', { name: t.notLinked })).toBeVisible();
      await expect(page.getByRole('button', { name: t.reportSubmit })).toHaveCount(0);
      await expectNoAxeViolations(page);
    });

    test('the census shows each vacant unit’s eligible applicants that day; a day without one says so', async ({
      page,
    }) => {
      // An open unit of this test's own (none of another test's), so today's census lists it.
      await logInAs(page, 'demo.allocation');
      const { own } = await demoDepartments(page);
      const address = `Tællingsvej ${stamp}`;
      await json(page, 'POST', '/api/allocation/vacancies', {
        departmentId: own.id,
        address,
        unitType: 'family',
        rooms: 2,
        areaM2: 60,
        rent: 5000,
        utilities: 600,
        deposit: 15000,
        accessible: false,
        availableOn: isoToday(),
        origin: 'agreement_quota',
        deadlineOn: null,
      });
      await page.goto('/anvisning/boliger');
      await page
        .getByRole('navigation', { name: t.sideNav })
        .getByRole('link', { name: t.censusNav })
        .click();
      await expect(h1(page, t.censusTitle)).toBeVisible();
      await expect(page.getByLabel(t.censusDate, { exact: true })).toHaveValue(danishDate());
      const today = region(page, t.censusHeading(danishDate()));
      await expect(today.getByRole('heading', { level: 3 }).first()).toBeVisible();
      await expect(today.getByRole('heading', { name: new RegExp(escapeRegExp(address)) })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByLabel(t.censusDate, { exact: true }).fill('01.01.2020');
      await page.getByRole('button', { name: t.censusShow }).click();
      const past = region(page, t.censusHeading('01.01.2020'));
      await expect(past.getByText(t.censusEmpty('01.01.2020'))).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('a long list shows the first 25 eligible with the count, and the officer reads on 25 at a time', async ({
      page,
    }) => {
      // 26 more applicants who fit any 2-room family unit, set up through the API.
      await logInAs(page, 'demo.caseworker');
      const applications: string[] = [];
      for (let i = 0; i < 26; i++) {
        const citizen = await json<{ id: string }>(page, 'POST', '/api/citizens', {
          birthDate: '1980-02-03',
          initials: 'LL',
          givenName: 'Liste',
          familyName: `${stamp} ${i}`,
        });
        const { id } = await json<{ id: string }>(page, 'POST', '/api/allocation/applications', {
          citizenId: citizen.id,
          area: 'adult',
          targetGrounds: ['special_social'],
          justification: 'Kan ikke selv skaffe en bolig (e2e).',
          roomsMin: 1,
          roomsMax: null,
          monthlyIncome: 15000,
          fixedCosts: 2000,
          accessibleNeed: false,
          wishedDepartmentIds: [],
          excludedDepartmentIds: [],
          youthWish: false,
          inEducation: false,
          educationPlanned: false,
          youthSpecialNeed: false,
          members: [
            {
              role: 'applicant',
              name: `Liste ${stamp} ${i}`,
              birthDate: '1980-02-03',
              citizenship: 'danish',
              student: false,
              prisonReleasedOn: null,
              youthInstitutionReleasedOn: null,
              leaseTerminatedMisconductOn: null,
              partnerSince: null,
              benefits: [],
            },
          ],
        });
        applications.push(id);
      }
      await logInAs(page, 'demo.allocation');
      for (const id of applications)
        await json(page, 'POST', `/api/allocation/applications/${id}/assessment`, {
          action: 'approve',
          priority: 'normal',
          reason: 'Hjemløs (e2e).',
        });
      const { own } = await demoDepartments(page);
      const unit = await json<{ id: string }>(page, 'POST', '/api/allocation/vacancies', {
        departmentId: own.id,
        address: `Listevej ${stamp}`,
        unitType: 'family',
        rooms: 2,
        areaM2: 60,
        rent: 5000,
        utilities: 600,
        deposit: 15000,
        accessible: false,
        availableOn: isoToday(),
        origin: 'agreement_quota',
        deadlineOn: null,
      });
      const { eligibleCount } = await json<{ eligibleCount: number }>(
        page,
        'GET',
        `/api/allocation/vacancies/${unit.id}/candidates`,
      );
      expect(eligibleCount).toBeGreaterThan(25);

      await page.goto(`/anvisning/boliger/${unit.id}`);
      const candidates = region(page, t.candidates);
      const eligible = candidates.getByRole('list', { name: t.eligibleList }).locator(':scope > li');
      await expect(eligible).toHaveCount(25);
      await expect(
        candidates.getByRole('heading', { level: 3, name: new RegExp(`\\(${eligibleCount}\\)$`) }).first(),
      ).toBeVisible();
      await expectNoAxeViolations(page);
      await candidates.getByRole('button', { name: t.showMoreEligible }).click();
      await expect(eligible).toHaveCount(Math.min(50, eligibleCount));
      // Every candidate shown keeps the rule-by-rule explanation.
      await expect(eligible.last().locator('summary')).toBeVisible();
      await expect(candidates.getByRole('button', { name: t.showMoreEligible })).toHaveCount(
        eligibleCount > 50 ? 1 : 0,
      );
      await expectNoAxeViolations(page);
    });
  });
}
