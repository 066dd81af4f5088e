import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  csrfToken,
  danishDate,
  download,
  escapeRegExp,
  expectNoAxeViolations,
  logIn,
  useLanguage,
} from './fixtures';

/**
 * The housing supply in both languages (issue 4, "Done when"): an organisation and a department
 * with an area status, a framework agreement with its quotas, the expected units and the
 * dialogue-meeting report with its downloads; bad input is refused with a message naming the field,
 * and nothing is saved. The new agreements apply from next year, so this year's totals stay the demo
 * municipality's (about 79 family and 6 youth units a year) for every test and language.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      nav: 'Hovedmenu',
      housing: 'Boliger',
      housingNav: 'Boliger',
      summaryHeading: 'Der er problemer med formularen',
      organisations: 'Organisationer og afdelinger',
      createOrganisation: 'Opret boligorganisation',
      organisationName: 'Organisationens navn',
      organisationCreated: (name: string) => `Boligorganisationen ${name} er oprettet.`,
      nameRequired: 'Organisationens navn skal udfyldes',
      createDepartment: 'Opret afdeling',
      organisation: 'Boligorganisation',
      number: 'Afdelingsnummer',
      departmentName: 'Afdelingens navn',
      family: 'Antal familieboliger',
      youth: 'Antal ungdomsboliger',
      turnover: 'Fraflytningsprocent',
      turnoverRange: 'Fraflytningsprocent skal være mellem 0 og 100 %',
      departmentCreated: (name: string) => `Afd. 101 ${name} er oprettet.`,
      noDepartments: 'Organisationen har ingen afdelinger endnu.',
      departmentTitle: (name: string) => `Afd. 101 ${name}`,
      areaHistory: 'Områdestatus over tid',
      addStatus: 'Registrér områdestatus',
      status: 'Områdestatus',
      validFrom: 'Gyldig fra',
      combinedLetting: 'Kombineret udlejning (§ 51 b)',
      saveStatus: 'Gem områdestatus',
      parallel: 'Parallelsamfund',
      inForce: 'Gælder i dag',
      statusTaken: 'Afdelingen har allerede en områdestatus fra denne dato. Vælg en anden dato',
      agreements: 'Rammeaftaler',
      createAgreement: 'Opret rammeaftale',
      agreementName: 'Aftalens navn',
      validTo: 'Gyldig til',
      quota: (name: string) => `Andel af familieboliger i afd. 101 ${name}`,
      quotaRange: (name: string) => `Andel af familieboliger i afd. 101 ${name} skal være mellem 0 og 100 %`,
      endBeforeStart: 'Gyldig til må ikke ligge før startdatoen',
      agreementSaved: (name: string) => `Rammeaftalen ${name} er gemt.`,
      overlap: (name: string) =>
        `Gyldig fra: perioden overlapper rammeaftalen ${name}, som allerede har kvoter for afdeling 101`,
      expected: 'Forventede boliger',
      year: 'År',
      show: 'Vis',
      totals: (year: number) => `Forventet i alt i ${year}`,
      familyPerYear: 'familieboliger om året',
      youthPerYear: 'ungdomsboliger om året',
      familyUnits: 'Familieboliger',
      report: 'Dialogmøde-rapport',
      from: 'Fra dato',
      to: 'Til dato',
      showReport: 'Vis rapport',
      noVacancyData:
        'Modtagne og anvendte boliger registreres i anvisningsmodulet; indtil da står tallene på 0.',
      reportEndBeforeStart: 'Til dato må ikke ligge før startdatoen',
      noKroner: '0 kr.',
      xlsx: 'Hent rapporten som regneark (XLSX)',
      pdf: 'Hent rapporten som PDF',
      exportAll: 'Eksportér alt (XLSX)',
      pools: 'Huslejetilskud',
      createPool: 'Opret pulje',
      poolName: 'Puljens navn',
      budget: 'Budget',
      amountPerUnit: 'Beløb pr. bolig',
      rentMin: 'Laveste husleje',
      rentMax: 'Højeste husleje',
      rentBelowMin: 'Højeste husleje må ikke være lavere end laveste husleje',
      poolCreated: (name: string) => `Puljen ${name} er oprettet.`,
      endsSoon: 'Tilskudsperioden slutter snart',
      bindUnit: 'Bind en bolig til puljen',
      poolDepartment: 'Afdeling',
      unitAddress: 'Boligens adresse',
      rent: 'Husleje om måneden ekskl. forbrug',
      outsideBand: 'Huslejen skal ligge inden for puljens huslejeinterval: 4.500–5.000 kr.',
      bind: 'Bind boligen',
      endBinding: 'Afslut binding',
      endDialog: 'Afslut bindingen?',
      endConfirm: 'Ja, afslut bindingen',
      tasks: 'Mine opgaver',
      poolTask: (name: string, date: string) => `Huslejetilskuddet i puljen ${name} udløber ${date}`,
      pipeline: 'Nybyggeri',
      pipelineTitle: 'Nybyggeri og ombygning',
      createProject: 'Opret projekt',
      projectName: 'Projektets navn',
      projectUnits: 'Antal boliger',
      readyDate: 'Forventet klar',
      unitsPositive: 'Antal boliger skal være et helt tal, 1 eller derover',
      deleteDialog: (name: string) => `Slet projektet ${name}?`,
      deleteConfirm: 'Ja, slet projektet',
      deleted: (name: string) => `Projektet ${name} er slettet.`,
      elderly: 'Ældre- og handicapboliger',
      elderlyNote: 'som er indstillet med nedsat fysisk eller psykisk funktionsevne',
      import: 'Import',
      importTitle: 'Importér afdelinger',
      file: 'Fil (CSV eller XLSX)',
      check: 'Kontrollér filen',
      reportHeading: 'Kontrol af filen',
      negative: 'Må ikke være negativ',
      importValid: 'Importér kun de 2 gyldige rækker',
      importedCount: '2 afdelinger importeret',
      forbidden: 'Du har ikke adgang til siden',
    },
  },
  {
    code: 'en',
    t: {
      nav: 'Main menu',
      housing: 'Housing',
      housingNav: 'Housing',
      summaryHeading: 'There is a problem with the form',
      organisations: 'Organisations and departments',
      createOrganisation: 'Create housing organisation',
      organisationName: 'Organisation name',
      organisationCreated: (name: string) => `The housing organisation ${name} is created.`,
      nameRequired: 'Organisation name is required',
      createDepartment: 'Create department',
      organisation: 'Housing organisation',
      number: 'Department number',
      departmentName: 'Department name',
      family: 'Number of family units',
      youth: 'Number of youth units',
      turnover: 'Yearly turnover (%)',
      turnoverRange: 'Yearly turnover (%) must be between 0 and 100 %',
      departmentCreated: (name: string) => `Dept. 101 ${name} is created.`,
      noDepartments: 'The organisation has no departments yet.',
      departmentTitle: (name: string) => `Dept. 101 ${name}`,
      areaHistory: 'Area status over time',
      addStatus: 'Record area status',
      status: 'Area status',
      validFrom: 'Valid from',
      combinedLetting: 'Combined letting (§ 51 b)',
      saveStatus: 'Save area status',
      parallel: 'Parallel society',
      inForce: 'Applies today',
      statusTaken: 'The department already has an area status from this date. Choose another date',
      agreements: 'Framework agreements',
      createAgreement: 'Create framework agreement',
      agreementName: 'Agreement name',
      validTo: 'Valid to',
      quota: (name: string) => `Share of family units in dept. 101 ${name}`,
      quotaRange: (name: string) => `Share of family units in dept. 101 ${name} must be between 0 and 100 %`,
      endBeforeStart: 'Valid to must not be before the start date',
      agreementSaved: (name: string) => `The framework agreement ${name} is saved.`,
      overlap: (name: string) =>
        `Valid from: the period overlaps the framework agreement ${name}, which already has quotas for department 101`,
      expected: 'Expected units',
      year: 'Year',
      show: 'Show',
      totals: (year: number) => `Expected in total in ${year}`,
      familyPerYear: 'family units a year',
      youthPerYear: 'youth units a year',
      familyUnits: 'Family units',
      report: 'Dialogue meeting report',
      from: 'From date',
      to: 'To date',
      showReport: 'Show report',
      noVacancyData:
        'Received and used units are recorded in the allocation module; until then the figures read 0.',
      reportEndBeforeStart: 'To date must not be before the start date',
      noKroner: '0 kr.',
      xlsx: 'Download the report as a spreadsheet (XLSX)',
      pdf: 'Download the report as PDF',
      exportAll: 'Export everything (XLSX)',
      pools: 'Rent subsidy',
      createPool: 'Create pool',
      poolName: 'Pool name',
      budget: 'Budget',
      amountPerUnit: 'Amount per unit',
      rentMin: 'Lowest rent',
      rentMax: 'Highest rent',
      rentBelowMin: 'The highest rent must not be lower than the lowest rent',
      poolCreated: (name: string) => `The pool ${name} is created.`,
      endsSoon: 'The subsidy period ends soon',
      bindUnit: 'Bind a unit to the pool',
      poolDepartment: 'Department',
      unitAddress: 'Unit address',
      rent: 'Rent a month excluding utilities',
      outsideBand: "The rent must be within the pool's rent band: 4.500–5.000 kr.",
      bind: 'Bind the unit',
      endBinding: 'End binding',
      endDialog: 'End the binding?',
      endConfirm: 'Yes, end the binding',
      tasks: 'My tasks',
      poolTask: (name: string, date: string) => `The rent subsidy in the pool ${name} ends ${date}`,
      pipeline: 'New builds',
      pipelineTitle: 'New builds and conversions',
      createProject: 'Create project',
      projectName: 'Project name',
      projectUnits: 'Number of units',
      readyDate: 'Expected ready',
      unitsPositive: 'Number of units must be a whole number, 1 or more',
      deleteDialog: (name: string) => `Delete the project ${name}?`,
      deleteConfirm: 'Yes, delete the project',
      deleted: (name: string) => `The project ${name} is deleted.`,
      elderly: 'Elderly and disability housing',
      elderlyNote: 'who were recommended with reduced physical or mental function',
      import: 'Import',
      importTitle: 'Import departments',
      file: 'File (CSV or XLSX)',
      check: 'Check the file',
      reportHeading: 'File check',
      negative: 'Must not be negative',
      importValid: 'Import only the 2 valid rows',
      importedCount: '2 departments imported',
      forbidden: 'You do not have access to this page',
    },
  },
] as const;

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const summary = (page: Page, text: string) => page.locator('summary', { hasText: text });

/** Opens a form behind its summary (DKFDS details), on the page or within a section of it. */
async function openForm(page: Page, text: string, within?: Locator): Promise<Locator> {
  const details = (within ?? page).locator('details', { has: summary(page, text) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

/** This year in Danish time, and a date in it or another year as the forms take it (dd.mm.åååå). */
const thisYear = Number(danishDate().slice(-4));
const dateIn = (year: number, ddmm: string) => `${ddmm}.${year}`;

interface Named {
  name: string;
}

async function itemsNamed(page: Page, path: string, name: string): Promise<Named[]> {
  const response = await page.request.get(path);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: Named[] };
  return body.items.filter((item) => item.name === name);
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  // Unique per run and language, so a rerun on the same database meets nothing of its own.
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-5)}`;
  const orgName = `E2E Boligselskab ${stamp}`;
  const deptName = `Testparken ${stamp}`;
  const agreementName = `Rammeaftale E2E ${stamp}`;
  const nextYear = thisYear + 1;

  test.describe(`housing supply (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('organisation, department and area status, an agreement with quotas, expected units and the dialogue report with downloads; bad input names the field and saves nothing', async ({
      page,
    }) => {
      await logIn(page, 'demo.allocation');
      await page
        .getByRole('navigation', { name: t.nav })
        .getByRole('link', { name: t.housing, exact: true })
        .click();
      await expect(h1(page, t.organisations)).toBeVisible();
      const housingNav = page.getByRole('navigation', { name: t.housingNav });
      await expect(housingNav.getByRole('link', { name: t.organisations })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expectNoAxeViolations(page);

      // An organisation: empty first (the summary takes focus), then named.
      const orgForm = await openForm(page, t.createOrganisation);
      await orgForm.getByRole('button', { name: t.createOrganisation }).click();
      const errors = page.getByRole('alert').filter({ hasText: t.summaryHeading });
      await expect(errors).toBeFocused();
      await expect(errors.getByRole('link', { name: t.nameRequired })).toBeVisible();
      await expectNoAxeViolations(page);
      await orgForm.getByLabel(t.organisationName, { exact: true }).fill(orgName);
      await orgForm.getByRole('button', { name: t.createOrganisation }).click();
      await expect(orgForm.getByText(t.organisationCreated(orgName))).toBeVisible();
      const orgSection = region(page, orgName);
      await expect(orgSection.getByText(t.noDepartments)).toBeVisible();

      // A department: a negative turnover is refused with a message naming the field; nothing saved.
      const deptForm = await openForm(page, t.createDepartment);
      await deptForm.getByLabel(t.organisation, { exact: true }).selectOption({ label: orgName });
      await deptForm.getByLabel(t.number, { exact: true }).fill('101');
      await deptForm.getByLabel(t.departmentName, { exact: true }).fill(deptName);
      await deptForm.getByLabel(t.family, { exact: true }).fill('400');
      await deptForm.getByLabel(t.youth, { exact: true }).fill('40');
      await deptForm.getByLabel(t.turnover, { exact: true }).fill('-1');
      await deptForm.getByRole('button', { name: t.createDepartment }).click();
      await expect(errors).toBeFocused();
      await expect(errors.getByRole('link', { name: t.turnoverRange })).toBeVisible();
      await expect(deptForm.getByLabel(t.turnover, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      await expect(orgSection.getByText(t.noDepartments)).toBeVisible();
      expect(await itemsNamed(page, '/api/housing/departments', deptName)).toEqual([]);

      await deptForm.getByLabel(t.turnover, { exact: true }).fill('7,5');
      await deptForm.getByRole('button', { name: t.createDepartment }).click();
      await expect(deptForm.getByText(t.departmentCreated(deptName))).toBeVisible();
      const deptRow = orgSection.getByRole('row', { name: new RegExp(escapeRegExp(deptName)) });
      await expect(deptRow).toContainText('7,5 %');
      await expectNoAxeViolations(page);

      // Its area status from a 1 December, with combined letting; the same date again is refused.
      await deptRow.getByRole('link', { name: deptName }).click();
      await expect(h1(page, t.departmentTitle(deptName))).toBeVisible();
      await expectNoAxeViolations(page);
      const statusFrom = dateIn(thisYear - 1, '01.12');
      const addStatus = async () => {
        const form = await openForm(page, t.addStatus);
        await form.getByLabel(t.status, { exact: true }).selectOption('parallelsamfund');
        await form.getByLabel(t.validFrom, { exact: true }).fill(statusFrom);
        await form.getByLabel(t.combinedLetting).check();
        await form.getByRole('button', { name: t.saveStatus }).click();
        return form;
      };
      await addStatus();
      const history = region(page, t.areaHistory).getByRole('table');
      await expect(history.getByRole('row', { name: new RegExp(t.parallel) })).toContainText(t.inForce);
      await expect(history).toContainText(statusFrom);
      await expectNoAxeViolations(page);
      await addStatus();
      await expect(errors.getByRole('link', { name: t.statusTaken })).toBeVisible();
      await expect(history.getByRole('row')).toHaveCount(2);
      await expectNoAxeViolations(page);

      // An agreement from next year: a quota of 120 % and an end before the start are refused.
      await housingNav.getByRole('link', { name: t.agreements }).click();
      await expect(h1(page, t.agreements)).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: t.createAgreement }).click();
      await expect(h1(page, t.createAgreement)).toBeVisible();
      await expect(housingNav.getByRole('link', { name: t.agreements })).toHaveAttribute(
        'aria-current',
        'true',
      );
      await page.getByLabel(t.organisation, { exact: true }).selectOption({ label: orgName });
      await page.getByLabel(t.agreementName, { exact: true }).fill(agreementName);
      await page.getByLabel(t.validFrom, { exact: true }).fill(dateIn(nextYear, '01.01'));
      await page.getByLabel(t.validTo, { exact: true }).fill(dateIn(thisYear, '31.12'));
      const quota = page.getByLabel(t.quota(deptName), { exact: true });
      await expect(quota).toHaveValue('25');
      await quota.fill('120');
      await page.getByRole('button', { name: t.createAgreement }).click();
      await expect(errors).toBeFocused();
      await expect(errors.getByRole('link', { name: t.endBeforeStart })).toBeVisible();
      await expect(errors.getByRole('link', { name: t.quotaRange(deptName) })).toBeVisible();
      await expect(quota).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      expect(await itemsNamed(page, '/api/housing/agreements', agreementName)).toEqual([]);

      // The server refuses the same on its own, naming the field, and saves nothing either.
      const departments = await page.request.get('/api/housing/departments');
      const { items } = (await departments.json()) as {
        items: (Named & { id: string; organisationId: string })[];
      };
      const department = items.find((d) => d.name === deptName);
      expect(department).toBeDefined();
      const token = await csrfToken(page);
      const bad = await page.request.post('/api/housing/agreements', {
        headers: { 'x-csrf-token': token },
        data: {
          organisationId: department?.organisationId,
          name: agreementName,
          validFrom: `${nextYear}-01-01`,
          validTo: `${thisYear}-12-31`,
          quotas: [
            { departmentId: department?.id, unitType: 'family', quotaPercent: 120, rehousingPercent: 0 },
          ],
        },
      });
      expect(bad.status()).toBe(400);
      const badBody = (await bad.json()) as { fields: { path: string; code: string }[] };
      expect(badBody.fields.map((f) => f.path)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(quotas\.0\.quotaPercent|validTo)$/)]),
      );
      expect(await itemsNamed(page, '/api/housing/agreements', agreementName)).toEqual([]);

      await page.getByLabel(t.validTo, { exact: true }).fill('');
      await quota.fill('25');
      await page.getByRole('button', { name: t.createAgreement }).click();
      await expect(h1(page, t.agreements)).toBeVisible();
      await expect(page.getByText(t.agreementSaved(agreementName))).toBeVisible();
      await expect(page.getByRole('row', { name: new RegExp(escapeRegExp(agreementName)) })).toBeVisible();
      await expectNoAxeViolations(page);

      // A second agreement for the same department in an overlapping period: refused, not saved.
      const overlapping = `${agreementName} B`;
      await page.getByRole('link', { name: t.createAgreement }).click();
      await page.getByLabel(t.organisation, { exact: true }).selectOption({ label: orgName });
      await page.getByLabel(t.agreementName, { exact: true }).fill(overlapping);
      await page.getByLabel(t.validFrom, { exact: true }).fill(dateIn(nextYear, '01.07'));
      await page.getByRole('button', { name: t.createAgreement }).click();
      await expect(errors).toBeFocused();
      await expect(
        errors.getByRole('link', { name: new RegExp(`^${escapeRegExp(t.overlap(agreementName))}`) }),
      ).toBeVisible();
      await expect(page.getByLabel(t.validFrom, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      expect(await itemsNamed(page, '/api/housing/agreements', overlapping)).toEqual([]);

      // Expected units next year: 400 units × 7,5 % × 25 % = 7,5 a year, 1,9 a quarter.
      await housingNav.getByRole('link', { name: t.expected }).click();
      await expect(h1(page, t.expected)).toBeVisible();
      await page.getByLabel(t.year, { exact: true }).selectOption(String(nextYear));
      await page.getByRole('button', { name: t.show, exact: true }).click();
      await expect(region(page, t.totals(nextYear))).toBeVisible();
      const line = region(page, orgName)
        .getByRole('row', { name: new RegExp(escapeRegExp(deptName)) })
        .filter({ hasText: t.familyUnits });
      await expect(line.getByRole('cell')).toHaveText([t.familyUnits, '400', '7,5 %', '25 %', '7,5', '1,9']);
      await expectNoAxeViolations(page);

      // The dialogue-meeting report for next year's first quarter: (7,5 family + 0,75 youth units a
      // year) × 90 / 365 days ≈ 2,0 expected.
      await housingNav.getByRole('link', { name: t.report }).click();
      await expect(h1(page, t.report)).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel(t.organisation, { exact: true }).selectOption({ label: orgName });
      await page.getByLabel(t.from, { exact: true }).fill(dateIn(nextYear, '01.04'));
      await page.getByLabel(t.to, { exact: true }).fill(dateIn(nextYear, '31.03'));
      await page.getByRole('button', { name: t.showReport }).click();
      await expect(errors.getByRole('link', { name: t.reportEndBeforeStart })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel(t.from, { exact: true }).fill(dateIn(nextYear, '01.01'));
      await page.getByRole('button', { name: t.showReport }).click();
      const reportHeading = page.getByRole('heading', {
        level: 2,
        name: new RegExp(`^${escapeRegExp(orgName)}, `),
      });
      await expect(reportHeading).toBeFocused();
      // Received and used units come from the allocation module's vacancies: no placeholder notice.
      await expect(page.getByText(t.noVacancyData)).toHaveCount(0);
      const reportRow = page.getByRole('row', { name: new RegExp(escapeRegExp(deptName)) });
      // No unit received yet: no days empty and no empty rent (tomgangsleje).
      await expect(reportRow.getByRole('cell')).toHaveText([
        t.parallel,
        '2,0',
        '0',
        '0',
        '0',
        '0',
        t.noKroner,
      ]);
      await expectNoAxeViolations(page);

      const xlsx = await download(page, page.getByRole('link', { name: t.xlsx }));
      expect(xlsx.name).toMatch(/\.xlsx$/i);
      expect(xlsx.bytes.length).toBeGreaterThan(0);
      expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const pdf = await download(page, page.getByRole('link', { name: t.pdf }));
      expect(pdf.name).toMatch(/\.pdf$/i);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const all = await download(page, page.getByRole('link', { name: t.exportAll }));
      expect(all.name).toMatch(/\.xlsx$/i);
      expect(all.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    });

    test('pools with a warning and a task before they end, new builds, elderly housing and the import pass axe in every state', async ({
      page,
    }) => {
      await logIn(page, 'demo.allocation');
      const housingNav = page.getByRole('navigation', { name: t.housingNav });
      const errors = page.getByRole('alert').filter({ hasText: t.summaryHeading });

      // A pool ending within 90 days: a warning on the pool and a task on the front page.
      await page.goto('/boliger/puljer');
      await expect(h1(page, t.pools)).toBeVisible();
      await expectNoAxeViolations(page);
      const poolName = `Pulje E2E ${stamp}`;
      const poolForm = await openForm(page, t.createPool);
      await poolForm.getByLabel(t.poolName, { exact: true }).fill(poolName);
      await poolForm.getByLabel(t.validFrom, { exact: true }).fill(danishDate(-30));
      await poolForm.getByLabel(t.validTo, { exact: true }).fill(danishDate(30));
      await poolForm.getByLabel(t.budget, { exact: true }).fill('100.000');
      await poolForm.getByLabel(t.amountPerUnit, { exact: true }).fill('16.965');
      await poolForm.getByLabel(t.rentMax, { exact: true }).fill('4.000');
      await poolForm.getByRole('button', { name: t.createPool }).click();
      await expect(errors.getByRole('link', { name: t.rentBelowMin })).toBeVisible();
      await expectNoAxeViolations(page);
      await poolForm.getByLabel(t.rentMax, { exact: true }).fill('5.000');
      await poolForm.getByRole('button', { name: t.createPool }).click();
      await expect(poolForm.getByText(t.poolCreated(poolName))).toBeVisible();
      const pool = region(page, poolName);
      await expect(pool.getByRole('heading', { name: t.endsSoon })).toBeVisible();
      await expect(pool).toContainText('100.000 kr.');

      // A unit outside the rent band is refused; one inside is bound, then its binding ended.
      const unitForm = await openForm(page, t.bindUnit, pool);
      await unitForm.getByLabel(t.poolDepartment, { exact: true }).selectOption({ index: 1 });
      await unitForm.getByLabel(t.unitAddress, { exact: true }).fill(`Testvej 1 ${stamp}`);
      await unitForm.getByLabel(t.rent, { exact: true }).fill('6.000');
      await unitForm.getByRole('button', { name: t.bind }).click();
      await expect(errors.getByRole('link', { name: t.outsideBand })).toBeVisible();
      await expectNoAxeViolations(page);
      await unitForm.getByLabel(t.rent, { exact: true }).fill('4.750');
      await unitForm.getByRole('button', { name: t.bind }).click();
      const unitRow = pool.getByRole('row', { name: new RegExp(`Testvej 1 ${stamp}`) });
      await expect(unitRow).toContainText('4.750 kr.');
      await unitRow.getByRole('button', { name: new RegExp(`^${escapeRegExp(t.endBinding)}`) }).click();
      const endDialog = page.getByRole('dialog', { name: t.endDialog });
      await expect(endDialog).toBeVisible();
      await expectNoAxeViolations(page);
      await endDialog.getByRole('button', { name: t.endConfirm }).click();
      await expect(endDialog).toBeHidden();
      await expect(unitRow.getByRole('button')).toHaveCount(0);
      await expectNoAxeViolations(page);

      await page.getByRole('navigation', { name: t.nav }).getByRole('link', { name: t.tasks }).click();
      await expect(page.getByRole('link', { name: t.poolTask(poolName, danishDate(30)) })).toBeVisible();

      // A new-build project: zero units is refused; created; deleted after confirming.
      await page
        .getByRole('navigation', { name: t.nav })
        .getByRole('link', { name: t.housing, exact: true })
        .click();
      await housingNav.getByRole('link', { name: t.pipeline }).click();
      await expect(h1(page, t.pipelineTitle)).toBeVisible();
      await expectNoAxeViolations(page);
      const projectName = `Projekt E2E ${stamp}`;
      const projectForm = await openForm(page, t.createProject);
      await projectForm.getByLabel(t.projectName, { exact: true }).fill(projectName);
      await projectForm.getByLabel(t.projectUnits, { exact: true }).fill('0');
      await projectForm.getByLabel(t.readyDate, { exact: true }).fill(dateIn(nextYear, '01.06'));
      await projectForm.getByRole('button', { name: t.createProject }).click();
      await expect(errors.getByRole('link', { name: t.unitsPositive })).toBeVisible();
      await expectNoAxeViolations(page);
      await projectForm.getByLabel(t.projectUnits, { exact: true }).fill('12');
      await projectForm.getByRole('button', { name: t.createProject }).click();
      const projectRow = page.getByRole('row', { name: new RegExp(escapeRegExp(projectName)) });
      await expect(projectRow).toContainText('100 %');
      await projectRow.getByRole('button').click();
      const deleteDialog = page.getByRole('dialog', { name: t.deleteDialog(projectName) });
      await expect(deleteDialog).toBeVisible();
      await expectNoAxeViolations(page);
      await deleteDialog.getByRole('button', { name: t.deleteConfirm }).click();
      await expect(page.getByText(t.deleted(projectName))).toBeVisible();
      await expect(projectRow).toHaveCount(0);

      await housingNav.getByRole('link', { name: t.elderly }).click();
      await expect(h1(page, t.elderly)).toBeVisible();
      await expect(page.getByText(t.elderlyNote, { exact: false })).toBeVisible();
      await expectNoAxeViolations(page);

      // The import: one bad row is named by line and column; then only the valid rows go in.
      await housingNav.getByRole('link', { name: t.import, exact: true }).click();
      await expect(h1(page, t.importTitle)).toBeVisible();
      await expectNoAxeViolations(page);
      const importOrg = `Importboliger ${stamp}`;
      const csv = [
        'boligorganisation;afdelingsnummer;afdelingsnavn;adresse;familieboliger;ungdomsboliger;ældreboliger;skæve_boliger;fraflytningsprocent',
        `${importOrg};1;Importparken ${stamp};Importvej 1;100;0;0;0;7,5`,
        `${importOrg};2;Fejlparken ${stamp};;-5;0;0;0;7`,
        `${importOrg};3;Tredjeparken ${stamp};;50;10;0;0;8`,
      ].join('\n');
      await page.getByLabel(t.file).setInputFiles({
        name: 'afdelinger.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByRole('button', { name: t.check }).click();
      const report = region(page, t.reportHeading);
      await expect(report.getByRole('heading', { name: t.reportHeading })).toBeFocused();
      const problem = report.getByRole('row').filter({ hasText: t.negative });
      await expect(problem.getByRole('cell')).toHaveText([
        '3',
        'familieboliger',
        '-5',
        new RegExp(`^${escapeRegExp(t.negative)}`),
      ]);
      await expectNoAxeViolations(page);
      await report.getByRole('button', { name: t.importValid }).click();
      await expect(page.getByRole('heading', { name: t.importedCount })).toBeVisible();
      await expectNoAxeViolations(page);
      expect(await itemsNamed(page, '/api/housing/departments', `Importparken ${stamp}`)).toHaveLength(1);
      expect(await itemsNamed(page, '/api/housing/departments', `Fejlparken ${stamp}`)).toEqual([]);
    });

    test('a leader sees the housing pages read-only, and this year the demo expects about 79 family and 6 youth units', async ({
      page,
    }) => {
      await logIn(page, 'demo.leader');
      await page
        .getByRole('navigation', { name: t.nav })
        .getByRole('link', { name: t.housing, exact: true })
        .click();
      await expect(h1(page, t.organisations)).toBeVisible();
      const housingNav = page.getByRole('navigation', { name: t.housingNav });
      await expect(summary(page, t.createOrganisation)).toHaveCount(0);
      await expect(summary(page, t.createDepartment)).toHaveCount(0);
      await expect(housingNav.getByRole('link', { name: t.import, exact: true })).toHaveCount(0);
      await expectNoAxeViolations(page);

      await page.getByRole('table').first().getByRole('rowheader').first().getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
      await expect(region(page, t.areaHistory)).toBeVisible();
      await expect(summary(page, t.addStatus)).toHaveCount(0);
      await expect(page.getByRole('textbox')).toHaveCount(0);
      await expectNoAxeViolations(page);

      await housingNav.getByRole('link', { name: t.agreements }).click();
      await expect(h1(page, t.agreements)).toBeVisible();
      await expect(page.getByRole('link', { name: t.createAgreement })).toHaveCount(0);
      await page.getByRole('table').getByRole('rowheader').first().getByRole('link').click();
      await expect(page.getByRole('table').last()).toContainText('25 %');
      await expect(page.getByRole('textbox')).toHaveCount(0);
      await expect(page.getByRole('button', { name: t.createAgreement })).toHaveCount(0);
      await expectNoAxeViolations(page);

      await housingNav.getByRole('link', { name: t.expected }).click();
      const totals = region(page, t.totals(thisYear));
      const total = (label: string) =>
        totals.getByRole('listitem').filter({ hasText: label }).locator('.housing-total-value');
      await expect(total(t.familyPerYear)).toHaveText(/^(78|79|80),\d$/);
      await expect(total(t.youthPerYear)).toHaveText(/^[5-7],\d$/);
      await expectNoAxeViolations(page);

      await housingNav.getByRole('link', { name: t.report }).click();
      await expect(h1(page, t.report)).toBeVisible();
      await expectNoAxeViolations(page);

      await housingNav.getByRole('link', { name: t.pools }).click();
      await expect(h1(page, t.pools)).toBeVisible();
      await expect(summary(page, t.createPool)).toHaveCount(0);
      await expect(summary(page, t.bindUnit)).toHaveCount(0);
      await expectNoAxeViolations(page);

      await housingNav.getByRole('link', { name: t.pipeline }).click();
      await expect(h1(page, t.pipelineTitle)).toBeVisible();
      await expect(summary(page, t.createProject)).toHaveCount(0);
      await expect(page.getByRole('table').getByRole('button')).toHaveCount(0);
      await expectNoAxeViolations(page);

      await housingNav.getByRole('link', { name: t.elderly }).click();
      await expect(h1(page, t.elderly)).toBeVisible();
      await expectNoAxeViolations(page);

      await page.goto('/boliger/import');
      await expect(h1(page, t.forbidden)).toBeVisible();
    });
  });
}
