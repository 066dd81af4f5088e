import { expect, type Page, test } from '@playwright/test';
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
 * Eviction prevention in both languages (issue 6): the housing organisation reports a notice with
 * children under 18 and an eviction date (a bad CPR number is refused, naming the field); the
 * prevention worker finds it at the top of the inbox, adds the bailiff's court's notice (it joins
 * the case and brings the § 5 a act-at-once duty, overdue, said in words), records a phone contact,
 * § 81 a help and a fast track answered, checks the deposit loan, downloads the letter and closes the
 * case as averted; the monitoring counts it. An unknown case is "not found"; a leader sees only the
 * monitoring. Lists of notices are imported (a bad row is named by line and column and nothing goes
 * in; the same file twice imports nothing the second time). The deposit-loan limits get a new year.
 * Every page passes axe.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      summaryHeading: 'Der er problemer med formularen',
      mainNav: 'Hovedmenu',
      sideNav: 'Udsættelser',
      partnerNav: 'Underretninger',
      partnerTitle: 'Underretninger om huslejerestance',
      reportHeading: 'Send en underretning',
      sentHeading: 'Jeres sendte underretninger',
      department: 'Afdeling',
      tenantName: 'Lejerens navn',
      tenantCpr: 'Lejerens CPR-nummer',
      address: 'Lejemålets adresse',
      children: 'Der bor børn under 18 i husstanden',
      arrears: 'Restance i kroner',
      months: 'Antal måneders husleje i restance',
      received: 'Modtaget den',
      paakrav: 'Påkrav modtaget af lejeren',
      termination: 'Lejemålet ophævet den',
      bailiffFiled: 'Sagen indbragt for fogedretten den',
      evictionDate: 'Udsættelsesdato',
      deadline: (date: string) => `Påkravsfristen udløber ${date}.`,
      cprError: 'Lejerens CPR-nummer skal være 10 cifre, evt. med bindestreg efter 6. ciffer',
      send: 'Send underretningen',
      sent: (name: string, address: string) => `Underretningen om ${name}, ${address} er sendt til kommunen.`,
      childrenFlag: 'Børn under 18',
      inboxTitle: 'Udsættelser',
      inboxNav: 'Indbakke',
      inboxCount:
        /^\d+ (åben sag|åbne sager) i alt\. (\d+ af dem har (en overskredet frist|overskredne frister)|Ingen af dem har overskredne frister)\.$/,
      inboxOverdue: /\d+ af dem har (en overskredet frist|overskredne frister)\./,
      openHeading: 'Åbne sager',
      inboxPages: 'Sider i indbakken',
      nextPage: 'Næste side',
      previousPage: 'Forrige side',
      pageOf: (p: number, n: number) => `Side ${p} af ${n}`,
      newNav: 'Ny underretning',
      importNav: 'Import',
      monitoringNav: 'Overvågning',
      settingsNav: 'Indstillinger',
      newTitle: 'Registrér en underretning',
      bailiffSource: 'Fogedretten',
      register: 'Registrér underretningen',
      joined: 'Underretningen er registreret og lagt på den åbne sag for samme lejemål.',
      citizenFound: 'Sagen er knyttet til borgeren med CPR-nummeret.',
      caseTitle: (name: string) => `Sag om udsættelse: ${name}`,
      actAtOnce: 'Handl straks (børn under 18 eller kendt behov)',
      decideNoHelp: 'Træf afgørelse, hvis der ikke gives hjælp',
      overdue: 'Overskredet',
      law1: 'retssikkerhedsloven § 5 a, stk. 1',
      dutiesHeading: 'Frister og pligter',
      noDuties: 'Der er ingen frister lige nu.',
      decisionHeading: 'Afgørelse efter retssikkerhedsloven § 5 a',
      actionsHeading: 'Handlinger',
      recordSummary: 'Registrér en handling',
      actionKind: 'Handling',
      actionDate: 'Dato',
      actionResult: 'Resultat',
      actionAmount: 'Beløb i kroner',
      respondBy: 'Ydelseskontoret skal svare senest',
      recordAction: 'Registrér handlingen',
      phone: 'Kontakt: telefon',
      help81a: 'Midlertidig huslejehjælp (aktivloven § 81 a)',
      fastTrack: 'Hastebehandling i ydelseskontoret',
      recorded: (action: string) => `Handlingen er registreret: ${action}.`,
      responseReceived: 'Svar modtaget',
      responded: (date: string) => `Svar modtaget ${date}`,
      depositSummary: 'Tjek, om beboerindskudslån er obligatorisk',
      income: 'Husstandens årsindkomst i kroner',
      depositChildren: 'Antal børn under 18 i husstanden',
      year: 'År',
      checkLimit: 'Tjek grænsen',
      mandatory: 'Lånet er obligatorisk.',
      letter: 'Hent brev om tilbud om hjælp (PDF)',
      toCitizen: (name: string) => `Gå til borgeren ${name}`,
      outcome: 'Udfald',
      avertedHelp: 'Afværget: hjælp bevilget',
      closeCase: 'Afslut sagen',
      closeDialog: 'Afslut sagen?',
      closeConfirm: 'Ja, afslut sagen',
      closed: 'Sagen er afsluttet: Afværget: hjælp bevilget.',
      statusLabel: 'Status',
      statusClosed: 'Afsluttet',
      monitoringTitle: 'Overvågning af udsættelser',
      totalsHeading: 'Tal for perioden',
      averted: 'Udsættelser afværget',
      withChildren: 'Sager med børn under 18',
      xlsx: 'Hent overvågningen som regneark (XLSX)',
      notFound: 'Sagen findes ikke',
      forbidden: 'Du har ikke adgang til siden',
      importTitle: 'Importér underretninger',
      columns: 'Filens kolonner',
      file: 'Fil (CSV eller XLSX)',
      check: 'Kontrollér filen',
      checkHeading: 'Kontrol af filen',
      cprProblem: 'CPR-nummeret skal være 10 cifre, evt. med bindestreg efter 6. ciffer',
      allValid: 'Alle rækker er gyldige',
      importThree: 'Importér 3 underretninger',
      importedThree: '3 underretninger importeret',
      byDepartment: 'Pr. afdeling',
      rising: 'Stigende',
      importedNone: '0 underretninger importeret',
      settingsTitle: 'Indstillinger for udsættelser',
      limits: 'Indkomstgrænser pr. år',
      base: 'Grundbeløb i kroner',
      perChild: 'Tillæg pr. barn i kroner',
      maxChildren: 'Højeste antal børn med tillæg',
      saveYear: 'Gem året',
      savedYear: (year: number) => `Grænsen for ${year} er gemt.`,
      readOnly: 'Du kan se grænserne. Kun medarbejdere, der forebygger udsættelser, kan ændre dem.',
    },
  },
  {
    code: 'en',
    t: {
      summaryHeading: 'There is a problem with the form',
      mainNav: 'Main menu',
      sideNav: 'Evictions',
      partnerNav: 'Notices',
      partnerTitle: 'Notices of rent arrears',
      reportHeading: 'Send a notice',
      sentHeading: 'Your sent notices',
      department: 'Department',
      tenantName: "Tenant's name",
      tenantCpr: "Tenant's CPR number",
      address: 'Address of the tenancy',
      children: 'Children under 18 live in the household',
      arrears: 'Arrears in kroner',
      months: 'Months of rent in arrears',
      received: 'Received on',
      paakrav: 'Demand for payment received by the tenant',
      termination: 'Lease terminated on',
      bailiffFiled: "Case filed with the bailiff's court on",
      evictionDate: 'Eviction date',
      deadline: (date: string) => `The demand deadline ends ${date}.`,
      cprError: "Tenant's CPR number must be 10 digits, optionally with a hyphen after the 6th digit",
      send: 'Send the notice',
      sent: (name: string, address: string) =>
        `The notice about ${name}, ${address} is sent to the municipality.`,
      childrenFlag: 'Children under 18',
      inboxTitle: 'Evictions',
      inboxNav: 'Inbox',
      inboxCount:
        /^\d+ open cases? in all\. (\d+ of them (has an overdue deadline|have overdue deadlines)|None of them has an overdue deadline)\.$/,
      inboxOverdue: /\d+ of them (has an overdue deadline|have overdue deadlines)\./,
      openHeading: 'Open cases',
      inboxPages: 'Pages of the inbox',
      nextPage: 'Next page',
      previousPage: 'Previous page',
      pageOf: (p: number, n: number) => `Page ${p} of ${n}`,
      newNav: 'New notice',
      importNav: 'Import',
      monitoringNav: 'Monitoring',
      settingsNav: 'Settings',
      newTitle: 'Register a notice',
      bailiffSource: "Bailiff's court",
      register: 'Register the notice',
      joined: 'The notice is registered and added to the open case for the same tenancy.',
      citizenFound: 'The case is linked to the citizen with the CPR number.',
      caseTitle: (name: string) => `Eviction case: ${name}`,
      actAtOnce: 'Act at once (children under 18 or a known need)',
      decideNoHelp: 'Decide if no help is given',
      overdue: 'Overdue',
      law1: 'retssikkerhedsloven § 5 a, stk. 1',
      dutiesHeading: 'Deadlines and duties',
      noDuties: 'There are no deadlines right now.',
      decisionHeading: 'Decision under retssikkerhedsloven § 5 a',
      actionsHeading: 'Actions',
      recordSummary: 'Record an action',
      actionKind: 'Action',
      actionDate: 'Date',
      actionResult: 'Result',
      actionAmount: 'Amount in kroner',
      respondBy: 'The benefits office must respond by',
      recordAction: 'Record the action',
      phone: 'Contact: phone',
      help81a: 'Temporary rent help (aktivloven § 81 a)',
      fastTrack: 'Fast track at the benefits office',
      recorded: (action: string) => `The action is recorded: ${action}.`,
      responseReceived: 'Response received',
      responded: (date: string) => `Response received ${date}`,
      depositSummary: 'Check whether a deposit loan is mandatory',
      income: "Household's yearly income in kroner",
      depositChildren: 'Number of children under 18 in the household',
      year: 'Year',
      checkLimit: 'Check the limit',
      mandatory: 'The loan is mandatory.',
      letter: 'Download the letter offering help (PDF)',
      toCitizen: (name: string) => `Go to the citizen ${name}`,
      outcome: 'Outcome',
      avertedHelp: 'Averted: help granted',
      closeCase: 'Close the case',
      closeDialog: 'Close the case?',
      closeConfirm: 'Yes, close the case',
      closed: 'The case is closed: Averted: help granted.',
      statusLabel: 'Status',
      statusClosed: 'Closed',
      monitoringTitle: 'Monitoring of evictions',
      totalsHeading: 'Figures for the period',
      averted: 'Evictions averted',
      withChildren: 'Cases with children under 18',
      xlsx: 'Download the monitoring as a spreadsheet (XLSX)',
      notFound: 'The case does not exist',
      forbidden: 'You do not have access to this page',
      importTitle: 'Import notices',
      columns: "The file's columns",
      file: 'File (CSV or XLSX)',
      check: 'Check the file',
      checkHeading: 'File check',
      cprProblem: 'The CPR number must be 10 digits, optionally with a hyphen after the 6th digit',
      allValid: 'All rows are valid',
      importThree: 'Import 3 notices',
      importedThree: '3 notices imported',
      byDepartment: 'By department',
      rising: 'Rising',
      importedNone: '0 notices imported',
      settingsTitle: 'Settings for evictions',
      limits: 'Income limits by year',
      base: 'Base amount in kroner',
      perChild: 'Supplement per child in kroner',
      maxChildren: 'Most children with a supplement',
      saveYear: 'Save the year',
      savedYear: (year: number) => `The limit for ${year} is saved.`,
      readOnly: 'You can see the limits. Only staff who prevent evictions can change them.',
    },
  },
] as const;

type Texts = (typeof LANGUAGES)[number]['t'];

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const details = (page: Page, summary: string) =>
  page.locator('details', { has: page.locator('summary', { hasText: summary }) });

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path, { headers: { 'x-csrf-token': await csrfToken(page) } });
  expect(response.ok(), `GET ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** A valid CPR number of a made-up person born in 1985 (serial from 1000, so the 1900s). */
function fakeCpr(): string {
  const day = String(10 + Math.floor(Math.random() * 18)).padStart(2, '0');
  const serial = String(1000 + Math.floor(Math.random() * 2999));
  return `${day}0385${serial}`;
}

/** One figure of the monitoring's totals, as a number. */
async function figure(page: Page, t: Texts, label: string): Promise<number> {
  const item = region(page, t.totalsHeading).getByRole('listitem').filter({ hasText: label });
  const text = await item.locator('.housing-total-value').innerText();
  return Number(text.replace(/\./g, ''));
}

async function openMonitoring(page: Page, t: Texts) {
  await page.goto('/udsaettelser');
  await page
    .getByRole('navigation', { name: t.sideNav })
    .getByRole('link', { name: t.monitoringNav })
    .click();
  await expect(h1(page, t.monitoringTitle)).toBeVisible();
  await expect(region(page, t.totalsHeading)).toBeVisible();
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  // Unique per run and language, so a rerun on the same database meets nothing of its own.
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-5)}`;

  test.describe(`eviction prevention (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('a housing organisation reports a notice with children; the prevention worker acts on it at the top of the inbox, closes it as averted, and the monitoring counts it; a leader sees only the monitoring', async ({
      page,
    }) => {
      const name = `Lise Lejer ${stamp}`;
      const address = `Restancevej ${stamp} 4, 2. th.`;
      const cpr = fakeCpr();

      // The figures before.
      await logInAs(page, 'demo.prevention');
      await openMonitoring(page, t);
      const avertedBefore = await figure(page, t, t.averted);
      const childrenBefore = await figure(page, t, t.withChildren);

      // The housing organisation reports the notice for its own department.
      await logInAs(page, 'demo.partner_housing');
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.partnerNav })
        .click();
      await expect(h1(page, t.partnerTitle)).toBeVisible();
      await expectNoAxeViolations(page);
      const report = region(page, t.reportHeading);
      const department = report.getByLabel(t.department, { exact: true });
      const firstDepartment = department.locator('option:not([value=""])').first();
      const departmentId = await firstDepartment.getAttribute('value');
      if (!departmentId) throw new Error('demo.partner_housing has no department to report for');
      await department.selectOption(departmentId);
      await report.getByLabel(t.tenantName, { exact: true }).fill(name);
      await report.getByLabel(t.tenantCpr, { exact: true }).fill('12345');
      await report.getByLabel(t.address, { exact: true }).fill(address);
      await report.getByLabel(t.children, { exact: true }).check();
      await report.getByLabel(t.arrears, { exact: true }).fill('14.500');
      await report.getByLabel(t.months, { exact: true }).fill('3');
      await report.getByLabel(t.paakrav, { exact: true }).fill(danishDate(-30));
      // The påkrav deadline shows as the date is typed.
      await expect(report.getByText(t.deadline(danishDate(-16)))).toBeVisible();
      await report.getByLabel(t.termination, { exact: true }).fill(danishDate(-10));
      await report.getByLabel(t.evictionDate, { exact: true }).fill(danishDate(20));

      // A bad CPR number is refused with a message naming the field; nothing is sent.
      await report.getByRole('button', { name: t.send }).click();
      const errors = page.getByRole('alert').filter({ hasText: t.summaryHeading });
      await expect(errors).toBeFocused();
      await expect(errors.getByRole('link', { name: t.cprError })).toBeVisible();
      await expect(report.getByLabel(t.tenantCpr, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      await report.getByLabel(t.tenantCpr, { exact: true }).fill(cpr);
      await report.getByRole('button', { name: t.send }).click();
      await expect(page.getByText(t.sent(name, address))).toBeVisible();
      const sentRow = region(page, t.sentHeading).getByRole('row').filter({ hasText: name });
      await expect(sentRow).toContainText(t.childrenFlag);
      await expectNoAxeViolations(page);

      // The prevention worker finds it on the inbox's first page, flagged "children under 18" (the
      // demo's own cases, some overdue, may rank above it).
      await logInAs(page, 'demo.prevention');
      await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.sideNav }).click();
      await expect(h1(page, t.inboxTitle)).toBeVisible();
      await expect(
        page.getByRole('navigation', { name: t.sideNav }).getByRole('link', { name: t.inboxNav }),
      ).toHaveAttribute('aria-current', 'page');
      const firstRow = page.getByRole('table').getByRole('row').filter({ hasText: name });
      await expect(firstRow).toContainText(name);
      await expect(firstRow).toContainText(t.childrenFlag);
      // The counts cover every page of the inbox.
      await expect(page.getByText(t.inboxCount)).toBeVisible();
      await expectNoAxeViolations(page);

      // The bailiff's court's notice for the same tenancy joins the case and brings the § 5 a duty.
      await page.getByRole('navigation', { name: t.sideNav }).getByRole('link', { name: t.newNav }).click();
      await expect(h1(page, t.newTitle)).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('radio', { name: t.bailiffSource, exact: true }).check();
      await page.getByLabel(t.received, { exact: true }).fill(danishDate(-2));
      await page.getByLabel(t.tenantName, { exact: true }).fill(name);
      await page.getByLabel(t.tenantCpr, { exact: true }).fill(cpr);
      await page.getByLabel(t.address, { exact: true }).fill(address);
      await page.getByLabel(t.children, { exact: true }).check();
      await page.getByLabel(t.arrears, { exact: true }).fill('14500');
      await page.getByLabel(t.months, { exact: true }).fill('3');
      await page.getByLabel(t.bailiffFiled, { exact: true }).fill(danishDate(-5));
      await page.getByLabel(t.evictionDate, { exact: true }).fill(danishDate(20));
      await page.getByRole('button', { name: t.register }).click();
      await expect(h1(page, t.caseTitle(name))).toBeVisible();
      await expect(page.getByText(t.joined)).toBeVisible();
      await expect(page.getByText(t.citizenFound)).toBeVisible();
      const caseUrl = page.url();
      const duties = region(page, t.dutiesHeading);
      const actAtOnce = duties.getByRole('listitem').filter({ hasText: t.actAtOnce });
      await expect(actAtOnce).toContainText(t.overdue);
      await expect(actAtOnce).toContainText(t.law1);
      await expect(duties.getByRole('listitem').filter({ hasText: t.decideNoHelp })).not.toContainText(
        t.overdue,
      );
      await expect(page.getByRole('link', { name: t.toCitizen(name) })).toHaveAttribute(
        'href',
        /^\/borgere\//,
      );
      await expectNoAxeViolations(page);

      // Back in the inbox: at the top, with the overdue act-at-once duty in words.
      await page.getByRole('link', { name: t.inboxNav, exact: true }).click();
      await expect(h1(page, t.inboxTitle)).toBeVisible();
      await expect(firstRow).toContainText(name);
      await expect(firstRow).toContainText(t.childrenFlag);
      await expect(firstRow).toContainText(t.actAtOnce);
      await expect(firstRow).toContainText(t.overdue);
      await expect(page.getByText(t.inboxOverdue)).toBeVisible();
      await expectNoAxeViolations(page);
      await firstRow.getByRole('link', { name }).click();
      await expect(page).toHaveURL(caseUrl);

      // A phone contact meets the act-at-once duty.
      const form = details(page, t.recordSummary);
      await form.locator('summary').click();
      await form.getByLabel(t.actionKind, { exact: true }).selectOption({ label: t.phone });
      await form.getByLabel(t.actionResult, { exact: true }).fill('Talt med lejeren (e2e).');
      await expectNoAxeViolations(page);
      await form.getByRole('button', { name: t.recordAction }).click();
      await expect(page.getByText(t.recorded(t.phone))).toBeVisible();
      await expect(duties.getByText(t.actAtOnce)).toHaveCount(0);
      await expect(region(page, t.decisionHeading)).toBeVisible();

      // § 81 a help: no decision about "no help" is then due.
      await form.getByLabel(t.actionKind, { exact: true }).selectOption({ label: t.help81a });
      await form.getByLabel(t.actionAmount, { exact: true }).fill('14.500');
      await form.getByRole('button', { name: t.recordAction }).click();
      await expect(page.getByText(t.recorded(t.help81a))).toBeVisible();
      // The § 5 a duties are met; the notices' own dates (påkrav, ophævelse, eviction) stay (issue 14 §1).
      await expect(duties.getByText(t.decideNoHelp)).toHaveCount(0);
      await expect(duties.getByText(t.noDuties)).toHaveCount(0);
      await expect(region(page, t.decisionHeading)).toHaveCount(0);

      // A fast track at the benefits office, answered.
      await form.getByLabel(t.actionKind, { exact: true }).selectOption({ label: t.fastTrack });
      await form.getByLabel(t.respondBy, { exact: true }).fill(danishDate(5));
      await form.getByRole('button', { name: t.recordAction }).click();
      await expect(page.getByText(t.recorded(t.fastTrack))).toBeVisible();
      await page.getByRole('button', { name: t.responseReceived, exact: true }).click();
      const actions = region(page, t.actionsHeading);
      await expect(actions.getByRole('row').filter({ hasText: t.fastTrack })).toContainText(
        t.responded(danishDate(0)),
      );
      await expect(actions.getByRole('row').filter({ hasText: t.help81a })).toContainText('14.500 kr.');
      await expectNoAxeViolations(page);

      // The deposit-loan check: 300.000 kr. with 2 children is under the 2023 limit of 362.756 kr.
      const check = details(page, t.depositSummary);
      await check.locator('summary').click();
      await check.getByLabel(t.income, { exact: true }).fill('300.000');
      await check.getByLabel(t.depositChildren, { exact: true }).fill('2');
      await check.getByLabel(t.year, { exact: true }).fill('2023');
      await check.getByRole('button', { name: t.checkLimit }).click();
      await expect(check.getByRole('status')).toContainText(t.mandatory);
      await expect(check.getByRole('status')).toContainText('362.756 kr.');
      await expectNoAxeViolations(page);

      // The letter offering help.
      const letter = await download(page, page.getByRole('link', { name: t.letter }));
      expect(letter.bytes.subarray(0, 4).toString()).toBe('%PDF');

      // Closed as averted, after confirming.
      await page.getByRole('radio', { name: t.avertedHelp, exact: true }).check();
      await page.getByRole('button', { name: t.closeCase, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t.closeDialog });
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: t.closeConfirm }).click();
      await expect(page.getByText(t.closed)).toBeVisible();
      await expect(
        page.getByRole('row', { name: new RegExp(`^${t.statusLabel} `) }).getByRole('cell'),
      ).toHaveText(t.statusClosed);
      await expect(page.getByRole('button', { name: t.closeCase, exact: true })).toHaveCount(0);
      await expectNoAxeViolations(page);

      // The monitoring counts it: one more averted, one more with children.
      await openMonitoring(page, t);
      expect(await figure(page, t, t.averted)).toBe(avertedBefore + 1);
      expect(await figure(page, t, t.withChildren)).toBe(childrenBefore + 1);
      const sheet = await download(page, page.getByRole('link', { name: t.xlsx }));
      expect(sheet.bytes.subarray(0, 2).toString()).toBe('PK');
      await expectNoAxeViolations(page);

      // A case that is not this municipality's (here: no case at all) is "not found".
      const foreign = '00000000-0000-4000-8000-000000000000';
      await page.goto(`/udsaettelser/${foreign}`);
      await expect(h1(page, t.notFound)).toBeVisible();
      expect((await page.request.get(`/api/prevention/cases/${foreign}`)).status()).toBe(404);
      await expectNoAxeViolations(page);

      // A leader reads the monitoring, but not the cases.
      await logInAs(page, 'demo.leader');
      await page.goto('/udsaettelser');
      await expect(h1(page, t.forbidden)).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto('/udsaettelser/overvaagning');
      await expect(h1(page, t.monitoringTitle)).toBeVisible();
      // The main menu takes a leader straight to the figures.
      await expect(
        page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.sideNav }),
      ).toHaveAttribute('href', '/udsaettelser/overvaagning');
      const sideNav = page.getByRole('navigation', { name: t.sideNav });
      await expect(sideNav.getByRole('link')).toHaveText([t.monitoringNav]);
      await expectNoAxeViolations(page);
    });

    test('a list of notices is imported: a bad row is named by line and column and nothing goes in; the same file twice imports nothing the second time; the department is flagged rising', async ({
      page,
    }) => {
      await logInAs(page, 'demo.prevention');
      await page.goto('/udsaettelser');
      await page
        .getByRole('navigation', { name: t.sideNav })
        .getByRole('link', { name: t.importNav })
        .click();
      await expect(h1(page, t.importTitle)).toBeVisible();
      await expect(region(page, t.columns).getByRole('table')).toContainText('udsaettelse');
      await expectNoAxeViolations(page);

      const header =
        'kilde;modtaget;cpr;navn;adresse;afdeling;restance;maaneder;paakrav;ophaevelse;fogedsag;udsaettelse;boern';
      // Department 23 (Vestegnens Boligforening, Fløng Nye Boliger): 3 notices in the last 3 months
      // and none before make it "rising" in the monitoring.
      const row = (who: string, cprText: string) =>
        `udlejer_almen;${danishDate(-3)};${cprText};${who};Importvej ${stamp} ${who.slice(-1)};23;8.400;2;${danishDate(-20)};;;;nej`;
      const first = `Import ${stamp} A`;
      const second = `Import ${stamp} B`;
      const third = `Import ${stamp} C`;
      const names = [first, second, third];
      const file = (rows: string[]) => ({
        name: 'underretninger.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...rows].join('\n'), 'utf8'),
      });
      // Every open case, page by page (calm new cases come after older ones).
      const openCases = async () => {
        const all: { tenantName: string; notices: number }[] = [];
        for (let p = 1; ; p++) {
          const { items, total } = await getJson<{
            items: { tenantName: string; notices: number }[];
            total: number;
          }>(page, `/api/prevention/cases?page=${p}`);
          all.push(...items);
          if (items.length === 0 || all.length >= total) return all;
        }
      };

      // One bad row: named by line and column; nothing is imported.
      await page.getByLabel(t.file).setInputFiles(file([row(first, ''), row(second, '12345')]));
      await page.getByRole('button', { name: t.check }).click();
      const report = region(page, t.checkHeading);
      await expect(report.getByRole('heading', { name: t.checkHeading })).toBeFocused();
      const problem = report.getByRole('row').filter({ hasText: t.cprProblem });
      // The reason, then what the column expects.
      await expect(problem.getByRole('cell')).toHaveText([
        '3',
        'cpr',
        '12345',
        new RegExp(`^${escapeRegExp(t.cprProblem)}`),
      ]);
      await expectNoAxeViolations(page);
      expect((await openCases()).filter((c) => names.includes(c.tenantName))).toEqual([]);

      // A good file goes in; the same file again imports nothing.
      const good = file(names.map((who) => row(who, '')));
      for (const expected of [t.importedThree, t.importedNone]) {
        await page.reload();
        await expect(h1(page, t.importTitle)).toBeVisible();
        await page.getByLabel(t.file).setInputFiles(good);
        await page.getByRole('button', { name: t.check }).click();
        await expect(region(page, t.checkHeading).getByRole('heading', { name: t.allValid })).toBeVisible();
        await page.getByRole('button', { name: t.importThree }).click();
        await expect(page.getByRole('heading', { name: expected })).toBeVisible();
        await expectNoAxeViolations(page);
      }
      const mine = (await openCases()).filter((c) => names.includes(c.tenantName));
      expect(mine.map((c) => [c.tenantName, c.notices]).sort()).toEqual(names.map((who) => [who, 1]));

      // The monitoring flags the department as rising, in words.
      await openMonitoring(page, t);
      await expect(
        region(page, t.byDepartment).getByRole('row').filter({ hasText: 'Fløng Nye Boliger' }),
      ).toContainText(t.rising);
    });

    test('the inbox pages through more cases than fit on one page and counts them all', async ({ page }) => {
      await logInAs(page, 'demo.prevention');
      await page.goto('/udsaettelser');
      await expect(h1(page, t.inboxTitle)).toBeVisible();
      const header = 'kilde;modtaget;cpr;navn;adresse;restance;maaneder;boern';
      const rows = Array.from(
        { length: 55 },
        (_, i) => `udlejer_privat;${danishDate(-40)};;Side ${stamp} ${i};Sidevej ${stamp} ${i};3.000;1;nej`,
      );
      const imported = await page.request.post('/api/prevention/notices/import', {
        headers: { 'x-csrf-token': await csrfToken(page) },
        multipart: {
          mode: 'all',
          dryRun: 'false',
          file: {
            name: 'underretninger.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from([header, ...rows].join('\n'), 'utf8'),
          },
        },
      });
      expect((await imported.json()).imported).toBe(55);
      const inbox = await getJson<{ total: number; pageSize: number }>(page, '/api/prevention/cases');
      const pages = Math.ceil(inbox.total / inbox.pageSize);
      await page.reload();
      const pagination = page.getByRole('navigation', { name: t.inboxPages });
      await expect(pagination).toContainText(t.pageOf(1, pages));
      await expect(page.getByRole('table').getByRole('row')).toHaveCount(inbox.pageSize + 1);
      await expect(page.getByText(t.inboxCount)).toBeVisible();
      await expectNoAxeViolations(page);
      await pagination.getByRole('link', { name: t.nextPage }).click();
      await expect(page).toHaveURL(/[?&]page=2/);
      await expect(page.getByRole('heading', { level: 2, name: t.openHeading })).toBeFocused();
      await expect(pagination).toContainText(t.pageOf(2, pages));
      await expect(pagination.getByRole('link', { name: t.previousPage })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the deposit-loan limits get a new year; a caseworker only reads them', async ({ page }) => {
      const year = lang.code === 'da' ? 2024 : 2025;
      await logInAs(page, 'demo.prevention');
      await page.goto('/udsaettelser');
      await page
        .getByRole('navigation', { name: t.sideNav })
        .getByRole('link', { name: t.settingsNav })
        .click();
      await expect(h1(page, t.settingsTitle)).toBeVisible();
      const limits = region(page, t.limits);
      await expect(limits.getByRole('row').filter({ hasText: '2023' })).toContainText('268.556 kr.');
      await expectNoAxeViolations(page);
      await page.getByLabel(t.year, { exact: true }).fill(String(year));
      await page.getByLabel(t.base, { exact: true }).fill('281.000');
      await page.getByLabel(t.perChild, { exact: true }).fill('49.300');
      await page.getByLabel(t.maxChildren, { exact: true }).fill('4');
      await page.getByRole('button', { name: t.saveYear }).click();
      await expect(page.getByText(t.savedYear(year))).toBeVisible();
      await expect(limits.getByRole('row').filter({ hasText: String(year) })).toContainText('281.000 kr.');
      await expectNoAxeViolations(page);

      await logInAs(page, 'demo.caseworker');
      await page.goto('/udsaettelser/indstillinger');
      await expect(h1(page, t.settingsTitle)).toBeVisible();
      await expect(page.getByText(t.readOnly)).toBeVisible();
      await expect(page.getByRole('button', { name: t.saveYear })).toHaveCount(0);
      await expect(
        region(page, t.limits)
          .getByRole('row')
          .filter({ hasText: String(year) }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
