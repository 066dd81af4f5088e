import { expect, type Page, test } from '@playwright/test';
import { csrfToken, danishDate, escapeRegExp, expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * Handoffs in "Mine opgaver" in both languages (issue 14 §1): the housing organisation reports a
 * vacant unit → the allocation officer finds it in "Mine opgaver" and on the unit's page → an offer
 * is made → the caseworker who wrote the application finds the notice and marks it read → the offer
 * is accepted → the officer finds the task to record the lease. The journey makes its own citizen,
 * application and unit with names unique to the run, so neither the demo data nor other journeys
 * matter. axe finds nothing on "Mine opgaver".
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      tasksTitle: 'Mine opgaver',
      mainNav: 'Hovedmenu',
      partnerNav: 'Ledige boliger',
      reportHeading: 'Meld en ledig bolig',
      department: 'Afdeling',
      address: 'Boligens adresse',
      rooms: 'Antal værelser',
      area: 'Areal i m²',
      rent: 'Husleje om måneden',
      utilities: 'Aconto forbrug om måneden',
      deposit: 'Depositum',
      availableOn: 'Ledig fra',
      reportSubmit: 'Meld boligen ledig',
      reported: (address: string) => `Boligen ${address} er meldt ledig til kommunen.`,
      vacancyTask: (address: string) => `Ny ledig bolig: ${address} – anvis en lejer senest`,
      onPage: 'Din opgave her',
      offerNotice: (name: string, address: string) => `${name} har fået tilbudt ${address} – svarfrist`,
      markRead: 'Markér som læst',
      leaseTask: (name: string, address: string) => `Registrér lejekontrakten for ${name} i ${address}`,
    },
  },
  {
    code: 'en',
    t: {
      tasksTitle: 'My tasks',
      mainNav: 'Main menu',
      partnerNav: 'Vacant units',
      reportHeading: 'Report a vacant unit',
      department: 'Department',
      address: 'Unit address',
      rooms: 'Number of rooms',
      area: 'Area in m²',
      rent: 'Rent a month',
      utilities: 'Utilities a month (aconto)',
      deposit: 'Deposit',
      availableOn: 'Available from',
      reportSubmit: 'Report the unit vacant',
      reported: (address: string) => `The unit ${address} is reported vacant to the municipality.`,
      vacancyTask: (address: string) => `New vacancy: ${address} – name a tenant by`,
      onPage: 'Your task here',
      offerNotice: (name: string, address: string) => `${name} has been offered ${address} – reply by`,
      markRead: 'Mark as read',
      leaseTask: (name: string, address: string) => `Record the lease of ${name} at ${address}`,
    },
  },
] as const;

const isoToday = () => danishDate().split('.').reverse().join('-');

/** A JSON request as the logged-in user (with the session's CSRF token); fails unless it succeeds. */
async function json<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': await csrfToken(page) },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The caseworker's own citizen and application, approved as acute by the officer (set up through the API). */
async function approvedApplication(page: Page, given: string, family: string) {
  await logInAs(page, 'demo.caseworker');
  const citizen = await json<{ id: string }>(page, 'POST', '/api/citizens', {
    birthDate: '1983-04-05',
    initials: 'HO',
    givenName: given,
    familyName: family,
  });
  const application = await json<{ id: string }>(page, 'POST', '/api/allocation/applications', {
    citizenId: citizen.id,
    area: 'adult',
    targetGrounds: ['special_social'],
    justification: 'Bor på herberg og kan ikke selv finde en bolig (e2e).',
    roomsMin: 1,
    roomsMax: null,
    monthlyIncome: 16000,
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
        birthDate: '1983-04-05',
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
    reason: 'Udskrives uden bolig (e2e).',
  });
  return application.id;
}

/** "Mine opgaver" from the main menu's first entry (the start page). */
async function openTasks(page: Page, title: string) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  // Unique per run and language, so a rerun on the same database meets nothing of its own.
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-5)}`;

  test.describe(`handoffs (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('a unit reported by the housing organisation reaches the officer, the offer reaches the caseworker as a notice read once, and the accepted offer gives the officer the lease to record', async ({
      page,
    }) => {
      const given = 'Overdragelse';
      const family = `Journey${stamp}`;
      const name = `${given} ${family}`;
      const applicationId = await approvedApplication(page, given, family);

      // The housing organisation reports the unit for its own department.
      await logInAs(page, 'demo.partner_housing');
      const departments = await json<{ items: { id: string }[] }>(page, 'GET', '/api/partner/departments');
      const own = departments.items[0];
      if (!own) throw new Error('demo.partner_housing is linked to no organisation');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.partnerNav })
        .click();
      const report = page.getByRole('region', { name: t.reportHeading, exact: true });
      const address = `Overdragelsesvej ${stamp} 3, 1. th`;
      await report.getByLabel(t.department, { exact: true }).selectOption(own.id);
      await report.getByLabel(t.address, { exact: true }).fill(address);
      await report.getByLabel(t.rooms, { exact: true }).fill('2');
      await report.getByLabel(t.area, { exact: true }).fill('58');
      await report.getByLabel(t.rent, { exact: true }).fill('4.800');
      await report.getByLabel(t.utilities, { exact: true }).fill('600');
      await report.getByLabel(t.deposit, { exact: true }).fill('14.400');
      await report.getByLabel(t.availableOn, { exact: true }).fill(danishDate());
      await report.getByRole('button', { name: t.reportSubmit }).click();
      await expect(report.getByText(t.reported(address))).toBeVisible();

      // The officer finds it in "Mine opgaver", and on the unit's page.
      await logInAs(page, 'demo.allocation');
      await openTasks(page, t.tasksTitle);
      const vacancyTask = page.getByRole('link', {
        name: new RegExp(`^${escapeRegExp(t.vacancyTask(address))}`),
      });
      await expect(vacancyTask).toBeVisible();
      await expectNoAxeViolations(page);
      await vacancyTask.click();
      await expect(page).toHaveURL(/\/anvisning\/boliger\/[0-9a-f-]+$/);
      const vacancyId = page.url().split('/').at(-1) as string;
      await expect(page.getByRole('region', { name: t.onPage, exact: true })).toContainText(address);

      // The offer (made through the API; the vacancies journey tests the offer form).
      const offer = await json<{ id: string }>(
        page,
        'POST',
        `/api/allocation/vacancies/${vacancyId}/offers`,
        {
          applicationId,
        },
      );
      await openTasks(page, t.tasksTitle);
      await expect(page.getByRole('link', { name: new RegExp(escapeRegExp(address)) })).toHaveCount(0);

      // The caseworker who wrote the application is told, and marks the notice read.
      await logInAs(page, 'demo.caseworker');
      await openTasks(page, t.tasksTitle);
      const notice = page.getByRole('link', {
        name: new RegExp(`^${escapeRegExp(t.offerNotice(name, address))}`),
      });
      await expect(notice).toBeVisible();
      await expectNoAxeViolations(page);
      await page
        .getByRole('button', {
          name: new RegExp(`^${escapeRegExp(t.markRead)}: ${escapeRegExp(t.offerNotice(name, address))}`),
        })
        .click();
      await expect(notice).toHaveCount(0);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: t.tasksTitle, exact: true })).toBeVisible();
      await expect(notice).toHaveCount(0);
      await expectNoAxeViolations(page);

      // The applicant accepts without a lease date: the officer must record the lease.
      await logInAs(page, 'demo.allocation');
      await json(page, 'POST', `/api/allocation/offers/${offer.id}/accept`, {});
      await openTasks(page, t.tasksTitle);
      const leaseTask = page.getByRole('link', { name: t.leaseTask(name, address), exact: true });
      await expect(leaseTask).toBeVisible();
      await expectNoAxeViolations(page);
      await leaseTask.click();
      await expect(page.getByRole('region', { name: t.onPage, exact: true })).toContainText(
        t.leaseTask(name, address),
      );
      // Recorded, the lease leaves the list and the move-in is next.
      await json(page, 'POST', `/api/allocation/tenancies/${(await tenancyOf(page, vacancyId)).id}/lease`, {
        signedOn: isoToday(),
      });
      await openTasks(page, t.tasksTitle);
      await expect(leaseTask).toHaveCount(0);
    });
  });
}

/** The tenancy the accepted offer began. */
async function tenancyOf(page: Page, vacancyId: string) {
  const vacancy = await json<{ tenancy: { id: string } | null }>(
    page,
    'GET',
    `/api/allocation/vacancies/${vacancyId}`,
  );
  if (!vacancy.tenancy) throw new Error('No tenancy');
  return vacancy.tenancy;
}
