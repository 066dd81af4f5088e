import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  csrfToken,
  download,
  escapeRegExp,
  expectNoAxeViolations,
  logIn,
  showTableRow,
  useLanguage,
} from './fixtures';

/**
 * Applications for social housing allocation in both languages (issue 5): the caseworker recommends
 * a citizen with a two-person household (a missing household fact is named by field and nothing is
 * saved), the allocation officer asks for information, the caseworker supplies it, the officer
 * approves with a priority and a reason; the waiting list shows the applicant, filters, downloads
 * and saves the budget figures; the decision letter downloads; the settings save; the elderly page
 * lists the applicant with reduced function. Every page passes axe.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      summaryHeading: 'Der er problemer med formularen',
      sideNav: 'Anvisning',
      recommend: 'Indstil til boligsocial anvisning',
      area: 'Voksenområdet',
      reducedFunction: 'Nedsat fysisk eller psykisk funktionsevne',
      justification: 'Begrundelse',
      citizenship: 'Statsborgerskab',
      danish: 'Dansk',
      eu: 'EU/EØS/Schweiz',
      addBenefit: 'Tilføj ydelsesperiode',
      benefitPeriod: 'Ydelsesperiode 1',
      benefit: 'Ydelse',
      cashAssistance: 'Kontanthjælp',
      from: 'Fra dato',
      ongoing: 'Modtager stadig ydelsen',
      addMember: 'Tilføj person til husstanden',
      role: 'Rolle i husstanden',
      partner: 'Samlever',
      name: 'Navn',
      birthDate: 'Fødselsdato',
      roomsMin: 'Mindst antal værelser',
      roomsMax: 'Højst antal værelser',
      income: 'Husstandens indtægt om måneden',
      fixedCosts: 'Faste udgifter om måneden',
      wished: 'Ønskede afdelinger',
      submit: 'Indstil borgeren',
      citizenshipRequired: 'Statsborgerskab (person 2) skal udfyldes',
      applicationTitle: (name: string) => `Ansøgning: ${name}`,
      created: 'Indstillingen er sendt til anvisningen.',
      statusSubmitted: 'Indstillet – afventer vurdering',
      statusNeedsInfo: 'Afventer oplysninger',
      statusApproved: 'Godkendt – på venteliste',
      household: 'Husstanden',
      edit: 'Ret ansøgningen',
      editTitle: (name: string) => `Ret ansøgningen for ${name}`,
      saveChanges: 'Gem ændringerne',
      updated: 'Ændringerne er gemt.',
      need: 'Boligbehov og ønsker',
      openExists: 'Borgeren har allerede en åben ansøgning',
      openExisting: 'Åbn den eksisterende ansøgning',
      attach: 'Vedhæft et dokument',
      document: 'Dokument',
      attachSubmit: 'Vedhæft dokumentet',
      attached: (name: string) => `${name} er vedhæftet.`,
      documents: 'Dokumenter',
      requestInfo: 'Bed om flere oplysninger',
      missing: 'Hvilke oplysninger mangler?',
      requestSubmit: 'Bed om oplysningerne',
      requested: 'Anmodningen om oplysninger er sendt til sagsbehandleren.',
      resubmit: 'Indsend oplysninger',
      added: 'Hvilke oplysninger har du tilføjet?',
      resubmitSubmit: 'Indsend oplysningerne',
      resubmitted: 'Oplysningerne er sendt, og ansøgningen venter igen på vurdering.',
      approve: 'Godkend på ventelisten',
      approveSubmit: 'Godkend på ventelisten',
      priority: 'Høj',
      acute: 'Akut',
      priorityReason: 'Begrundelse for prioriteten',
      priorityRequired: 'Vælg en prioritet (hastegrad)',
      reasonRequired: 'Skriv en begrundelse',
      approved: 'Ansøgningen er godkendt, og ansøgeren står nu på ventelisten.',
      letter: 'Hent afgørelsesbrev (PDF)',
      history: 'Historik',
      waitingList: 'Venteliste',
      waitingPages: 'Sider i ventelisten',
      nextPage: 'Næste side',
      targetGroundFilter: 'Målgruppe',
      priorityFilter: 'Prioritet',
      show: 'Vis',
      reset: 'Nulstil',
      noneMatch: 'Ingen på ventelisten passer til filteret.',
      xlsx: 'Hent ventelisten som regneark (XLSX)',
      snapshotLabel: 'Betegnelse',
      snapshotSubmit: 'Gem tal til budgetopfølgning',
      snapshotSaved: (label: string) => `Tallene er gemt som »${label}«.`,
      settings: 'Indstillinger',
      settingsTitle: 'Indstillinger for anvisning',
      replyDays: 'Svarfrist i dage',
      replyRange: 'Svarfrist i dage ligger uden for det tilladte interval',
      saveSettings: 'Gem indstillingerne',
      settingsSaved: 'Indstillingerne er gemt.',
      applications: 'Ansøgninger',
      applicationsTitle: 'Ansøgninger om boligsocial anvisning',
      elderly: 'Ældre- og handicapboliger',
      elderlyApplicants: 'Boligsøgende i målgruppen',
      readOnly: 'Du kan se indstillingerne. Kun anvisningen kan ændre dem.',
    },
  },
  {
    code: 'en',
    t: {
      summaryHeading: 'There is a problem with the form',
      sideNav: 'Allocation',
      recommend: 'Recommend for social housing allocation',
      area: 'Adult services',
      reducedFunction: 'Reduced physical or mental function',
      justification: 'Justification',
      citizenship: 'Citizenship',
      danish: 'Danish',
      eu: 'EU/EEA/Switzerland',
      addBenefit: 'Add benefit period',
      benefitPeriod: 'Benefit period 1',
      benefit: 'Benefit',
      cashAssistance: 'Cash assistance',
      from: 'From date',
      ongoing: 'Still receiving the benefit',
      addMember: 'Add a person to the household',
      role: 'Role in the household',
      partner: 'Partner',
      name: 'Name',
      birthDate: 'Date of birth',
      roomsMin: 'Fewest rooms',
      roomsMax: 'Most rooms',
      income: 'Household income a month',
      fixedCosts: 'Fixed costs a month',
      wished: 'Wished departments',
      submit: 'Recommend the citizen',
      citizenshipRequired: 'Citizenship (person 2) is required',
      applicationTitle: (name: string) => `Application: ${name}`,
      created: 'The recommendation has been sent to the allocation officer.',
      statusSubmitted: 'Submitted – awaiting assessment',
      statusNeedsInfo: 'Awaiting information',
      statusApproved: 'Approved – on the waiting list',
      household: 'The household',
      edit: 'Edit the application',
      editTitle: (name: string) => `Edit the application for ${name}`,
      saveChanges: 'Save the changes',
      updated: 'The changes are saved.',
      need: 'Housing need and wishes',
      openExists: 'The citizen already has an open application',
      openExisting: 'Open the existing application',
      attach: 'Attach a document',
      document: 'Document',
      attachSubmit: 'Attach the document',
      attached: (name: string) => `${name} is attached.`,
      documents: 'Documents',
      requestInfo: 'Ask for more information',
      missing: 'What information is missing?',
      requestSubmit: 'Ask for the information',
      requested: 'The request for information has been sent to the caseworker.',
      resubmit: 'Supply information',
      added: 'What information have you added?',
      resubmitSubmit: 'Send the information',
      resubmitted: 'The information is sent, and the application again awaits assessment.',
      approve: 'Approve onto the waiting list',
      approveSubmit: 'Approve on the waiting list',
      priority: 'High',
      acute: 'Acute',
      priorityReason: 'Reason for the priority',
      priorityRequired: 'Choose a priority (urgency)',
      reasonRequired: 'Write a reason',
      approved: 'The application is approved, and the applicant is now on the waiting list.',
      letter: 'Download the decision letter (PDF)',
      history: 'History',
      waitingList: 'Waiting list',
      waitingPages: 'Pages of the waiting list',
      nextPage: 'Next page',
      targetGroundFilter: 'Target group',
      priorityFilter: 'Priority',
      show: 'Show',
      reset: 'Reset',
      noneMatch: 'Nobody on the waiting list matches the filter.',
      xlsx: 'Download the waiting list as a spreadsheet (XLSX)',
      snapshotLabel: 'Label',
      snapshotSubmit: 'Save figures for budget follow-up',
      snapshotSaved: (label: string) => `The figures are saved as “${label}”.`,
      settings: 'Settings',
      settingsTitle: 'Allocation settings',
      replyDays: 'Reply time in days',
      replyRange: 'Reply time in days is outside the allowed range',
      saveSettings: 'Save the settings',
      settingsSaved: 'The settings are saved.',
      applications: 'Applications',
      applicationsTitle: 'Applications for social housing allocation',
      elderly: 'Elderly and disability housing',
      elderlyApplicants: 'Applicants in the target group',
      readOnly: 'You can see the settings. Only the allocation officers can change them.',
    },
  },
] as const;

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const summary = (page: Page, text: string) => page.locator('summary', { hasText: text });
/** A result alert (focused after an action), by its text. */
const notice = (page: Page, text: string) => page.locator('.alert', { hasText: text });
/** Opens a form behind its summary (DKFDS details) and returns the details element. */
async function openForm(page: Page, text: string): Promise<Locator> {
  const details = page.locator('details', { has: summary(page, text) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
}

/** Signs in as another user: the session cookie goes first, or the login page would send us on. */
async function switchUser(page: Page, username: string) {
  await page.context().clearCookies();
  await logIn(page, username);
}

/** One row of a label/value list (Facts), by its label. */
const fact = (scope: Locator, label: string) =>
  scope.getByRole('row', { name: new RegExp(`^${escapeRegExp(label)}`) }).getByRole('cell');

async function applicationsOf(page: Page, citizenId: string): Promise<{ id: string }[]> {
  const response = await page.request.get(`/api/allocation/applications?citizenId=${citizenId}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: { id: string }[] }).items;
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  // Unique per run and language, so a rerun on the same database meets nothing of its own.
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-5)}`;
  const given = 'Ida';
  const family = `Indstillet${stamp}`;
  const name = `${given} ${family}`;
  const partnerName = `Palle Partner${stamp}`;

  test.describe(`applications (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('a recommendation with a two-person household (a missing fact is named, nothing saved), information asked and supplied, approval with priority; waiting list, downloads, budget figures, settings and the elderly page', async ({
      page,
    }) => {
      const errors = page.getByRole('alert').filter({ hasText: t.summaryHeading });
      const sideNav = page.getByRole('navigation', { name: t.sideNav });

      // The caseworker registers a citizen (through the API) and recommends them from the citizen page.
      await logIn(page, 'demo.caseworker');
      const token = await csrfToken(page);
      const created = await page.request.post('/api/citizens', {
        headers: { 'x-csrf-token': token },
        data: { birthDate: '1985-04-12', initials: 'II', givenName: given, familyName: family },
      });
      expect(created.ok()).toBe(true);
      const citizenId = ((await created.json()) as { id: string }).id;

      await page.goto(`/borgere/${citizenId}`);
      await page.getByRole('link', { name: t.recommend }).click();
      await expect(h1(page, t.recommend)).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('radio', { name: t.area }).check();
      await page.getByRole('checkbox', { name: t.reducedFunction }).check();
      await page.getByLabel(t.justification, { exact: true }).fill('Kan ikke selv finde en bolig (e2e).');
      const applicant = page.getByRole('group', { name: /^Person 1/ });
      await expect(applicant.getByLabel(t.name, { exact: true })).toHaveValue(name);
      await expect(applicant.getByLabel(t.birthDate, { exact: true })).toHaveValue('12.04.1985');
      await applicant.getByLabel(t.citizenship, { exact: true }).selectOption({ label: t.danish });
      await applicant.getByRole('button', { name: new RegExp(`^${escapeRegExp(t.addBenefit)}`) }).click();
      const period = applicant.getByRole('group', { name: t.benefitPeriod });
      await expect(period.getByLabel(t.benefit, { exact: true })).toBeFocused();
      await period.getByLabel(t.benefit, { exact: true }).selectOption({ label: t.cashAssistance });
      await period.getByLabel(t.from, { exact: true }).fill('01.01.2025');
      await period.getByLabel(t.ongoing).check();

      await page.getByRole('button', { name: t.addMember }).click();
      const second = page.getByRole('group', { name: /^Person 2/ });
      await expect(second.getByLabel(t.role, { exact: true })).toBeFocused();
      await second.getByLabel(t.role, { exact: true }).selectOption({ label: t.partner });
      await second.getByLabel(t.name, { exact: true }).fill(partnerName);
      await second.getByLabel(t.birthDate, { exact: true }).fill('03.09.1987');

      await page.getByLabel(t.roomsMin, { exact: true }).fill('2');
      await page.getByLabel(t.roomsMax, { exact: true }).fill('3');
      await page.getByLabel(t.income, { exact: true }).fill('18.500');
      await page.getByLabel(t.fixedCosts, { exact: true }).fill('2.000');
      await page.getByRole('group', { name: t.wished }).getByRole('checkbox').first().check();

      // The second person's citizenship is missing: named in the summary and at the field; nothing saved.
      await page.getByRole('button', { name: t.submit }).click();
      await expect(errors).toBeFocused();
      await expect(errors.getByRole('link', { name: t.citizenshipRequired })).toBeVisible();
      await expect(second.getByLabel(t.citizenship, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      expect(await applicationsOf(page, citizenId)).toEqual([]);

      // The server refuses the same on its own, naming the field, and saves nothing either.
      const member = (role: string, memberName: string, citizenship?: string) => ({
        role,
        name: memberName,
        birthDate: '1985-04-12',
        ...(citizenship ? { citizenship } : {}),
        student: false,
        prisonReleasedOn: null,
        youthInstitutionReleasedOn: null,
        leaseTerminatedMisconductOn: null,
        partnerSince: null,
        benefits: [],
      });
      const bad = await page.request.post('/api/allocation/applications', {
        headers: { 'x-csrf-token': token },
        data: {
          citizenId,
          area: 'adult',
          targetGrounds: ['reduced_function'],
          justification: 'e2e',
          roomsMin: 2,
          roomsMax: null,
          monthlyIncome: 18500,
          fixedCosts: 2000,
          accessibleNeed: false,
          wishedDepartmentIds: [],
          excludedDepartmentIds: [],
          youthWish: false,
          inEducation: false,
          educationPlanned: false,
          youthSpecialNeed: false,
          members: [member('applicant', name, 'danish'), member('partner', partnerName)],
        },
      });
      expect(bad.status()).toBe(400);
      const badBody = (await bad.json()) as { fields: { path: string }[] };
      expect(badBody.fields.map((f) => f.path)).toContain('members.1.citizenship');
      expect(await applicationsOf(page, citizenId)).toEqual([]);

      await errors.getByRole('link', { name: t.citizenshipRequired }).click();
      await expect(second.getByLabel(t.citizenship, { exact: true })).toBeFocused();
      await second.getByLabel(t.citizenship, { exact: true }).selectOption({ label: t.eu });
      await page.getByRole('button', { name: t.submit }).click();
      await expect(h1(page, t.applicationTitle(name))).toBeVisible();
      await expect(notice(page, t.created)).toBeVisible();
      await expect(h1(page, t.applicationTitle(name))).toBeFocused();
      const applicationUrl = page.url();
      await expect(sideNav.getByRole('link', { name: t.applications })).toHaveAttribute(
        'aria-current',
        'true',
      );
      const status = region(page, 'Status');
      await expect(fact(status, 'Status')).toHaveText(t.statusSubmitted);
      const household = region(page, t.household);
      await expect(household.getByRole('row', { name: new RegExp(escapeRegExp(partnerName)) })).toContainText(
        t.eu,
      );
      await expect(household.getByRole('row', { name: new RegExp(escapeRegExp(name)) }).last()).toContainText(
        t.cashAssistance,
      );
      await expectNoAxeViolations(page);

      // A document is attached and can be downloaded.
      const attach = await openForm(page, t.attach);
      await attach.getByLabel(t.document, { exact: true }).setInputFiles({
        name: 'notat.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Notat til ansøgningen (e2e).', 'utf8'),
      });
      await attach.getByRole('button', { name: t.attachSubmit }).click();
      await expect(attach.getByText(t.attached('notat.txt'))).toBeVisible();
      const documentLink = region(page, t.documents).getByRole('link', { name: 'notat.txt' });
      await expect(documentLink).toBeVisible();
      const note = await download(page, documentLink);
      expect(note.bytes.toString('utf8')).toContain('Notat til ansøgningen');
      await expectNoAxeViolations(page);

      // A second recommendation for the same citizen leads to the open one.
      await page.goto(`/anvisning/ny?citizenId=${citizenId}`);
      await expect(page.getByRole('heading', { name: t.openExists })).toBeVisible();
      await page.getByRole('link', { name: t.openExisting }).click();
      await expect(h1(page, t.applicationTitle(name))).toBeVisible();

      // The allocation officer asks for more information.
      await switchUser(page, 'demo.allocation');
      await page.goto(applicationUrl);
      await expect(h1(page, t.applicationTitle(name))).toBeVisible();
      await expectNoAxeViolations(page);
      const ask = await openForm(page, t.requestInfo);
      await ask.getByLabel(t.missing, { exact: true }).fill('Dokumentation for indtægten.');
      await ask.getByRole('button', { name: t.requestSubmit }).click();
      await expect(notice(page, t.requested)).toBeFocused();
      await expect(fact(status, 'Status')).toHaveText(t.statusNeedsInfo);
      await expectNoAxeViolations(page);

      // The caseworker supplies it.
      await switchUser(page, 'demo.caseworker');
      await page.goto(applicationUrl);
      await expect(page.getByText('Dokumentation for indtægten.').first()).toBeVisible();
      // The caseworker corrects the income first (the same form, saved over the application).
      await page.getByRole('link', { name: t.edit }).click();
      await expect(h1(page, t.editTitle(name))).toBeVisible();
      await expect(page.getByLabel(t.income, { exact: true })).toHaveValue('18500');
      await expect(
        page.getByRole('group', { name: /^Person 2/ }).getByLabel(t.citizenship, { exact: true }),
      ).toHaveValue('eu_eea_ch');
      await expectNoAxeViolations(page);
      await page.getByLabel(t.income, { exact: true }).fill('19.000');
      await page.getByRole('button', { name: t.saveChanges }).click();
      await expect(h1(page, t.applicationTitle(name))).toBeVisible();
      await expect(notice(page, t.updated)).toBeVisible();
      await expect(fact(region(page, t.need), t.income)).toHaveText('19.000 kr.');
      await expect(fact(status, 'Status')).toHaveText(t.statusNeedsInfo);
      const supply = await openForm(page, t.resubmit);
      await supply.getByLabel(t.added, { exact: true }).fill('Lønsedler vedhæftet.');
      await supply.getByRole('button', { name: t.resubmitSubmit }).click();
      await expect(notice(page, t.resubmitted)).toBeFocused();
      await expect(fact(status, 'Status')).toHaveText(t.statusSubmitted);
      await expectNoAxeViolations(page);

      // The officer approves: without priority and reason first (both named), then with them.
      await switchUser(page, 'demo.allocation');
      await page.goto(applicationUrl);
      const approve = await openForm(page, t.approve);
      await approve.locator('form').getByRole('button', { name: t.approveSubmit }).click();
      const approveErrors = approve.getByRole('alert').filter({ hasText: t.summaryHeading });
      await expect(approveErrors).toBeFocused();
      await expect(approveErrors.getByRole('link', { name: t.priorityRequired })).toBeVisible();
      await expect(approveErrors.getByRole('link', { name: t.reasonRequired })).toBeVisible();
      await expectNoAxeViolations(page);
      await approve.getByRole('radio', { name: t.priority, exact: true }).check();
      await approve.getByLabel(t.priorityReason, { exact: true }).fill('Udskrives snart uden bolig (e2e).');
      await approve.locator('form').getByRole('button', { name: t.approveSubmit }).click();
      await expect(notice(page, t.approved)).toBeFocused();
      await expect(fact(status, 'Status')).toHaveText(t.statusApproved);
      await expect(region(page, t.history).getByRole('table')).toContainText(
        'Udskrives snart uden bolig (e2e).',
      );
      await expectNoAxeViolations(page);
      const letter = await download(page, page.getByRole('link', { name: t.letter }));
      expect(letter.name).toMatch(/\.pdf$/i);
      expect(letter.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // The waiting list shows the applicant; a filter narrows it; the list downloads; figures are saved.
      // The list is paged and holds the demo data and other journeys' applicants, ranked before this
      // one: the journey reads on page by page until it finds them, as the officer would.
      await sideNav.getByRole('link', { name: t.waitingList }).click();
      await expect(h1(page, t.waitingList)).toBeVisible();
      const row = page.getByRole('row', { name: new RegExp(escapeRegExp(name)) });
      const waitingPages = page.getByRole('navigation', { name: t.waitingPages });
      await showTableRow(row, waitingPages, t.nextPage);
      await expect(row).toContainText(t.priority);
      await expectNoAxeViolations(page);
      await page.getByLabel(t.targetGroundFilter, { exact: true }).selectOption({ label: t.reducedFunction });
      await page.getByRole('button', { name: t.show, exact: true }).click();
      await expect(page).toHaveURL(/targetGround=reduced_function/);
      await showTableRow(row, waitingPages, t.nextPage);
      await page.getByLabel(t.priorityFilter, { exact: true }).selectOption({ label: t.acute });
      await page.getByRole('button', { name: t.show, exact: true }).click();
      await expect(page).toHaveURL(/priority=acute/);
      await expect(row).toHaveCount(0);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: t.reset }).click();
      await showTableRow(row, waitingPages, t.nextPage);

      const xlsx = await download(page, page.getByRole('link', { name: t.xlsx }));
      expect(xlsx.name).toMatch(/\.xlsx$/i);
      expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

      const label = `Budgetopfølgning ${stamp}`;
      await page.getByRole('button', { name: t.snapshotSubmit }).click();
      await expect(errors).toBeFocused();
      await page.getByLabel(t.snapshotLabel, { exact: true }).fill(label);
      await page.getByRole('button', { name: t.snapshotSubmit }).click();
      await expect(page.getByText(t.snapshotSaved(label))).toBeVisible();
      await expect(page.getByRole('row', { name: new RegExp(escapeRegExp(label)) })).toBeVisible();
      await expectNoAxeViolations(page);

      // The settings: a reply time out of range is refused; a valid one saves (then the default again).
      await sideNav.getByRole('link', { name: t.settings }).click();
      await expect(h1(page, t.settingsTitle)).toBeVisible();
      await expectNoAxeViolations(page);
      const reply = page.getByLabel(t.replyDays, { exact: true });
      const before = await reply.inputValue();
      await reply.fill('0');
      await page.getByRole('button', { name: t.saveSettings }).click();
      await expect(errors.getByRole('link', { name: t.replyRange })).toBeVisible();
      await expect(reply).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(page);
      await reply.fill('10');
      await page.getByRole('button', { name: t.saveSettings }).click();
      await expect(notice(page, t.settingsSaved)).toBeFocused();
      await expectNoAxeViolations(page);
      await page.reload();
      await expect(page.getByLabel(t.replyDays, { exact: true })).toHaveValue('10');
      await page.getByLabel(t.replyDays, { exact: true }).fill(before);
      await page.getByRole('button', { name: t.saveSettings }).click();
      await expect(page.getByText(t.settingsSaved)).toBeVisible();

      // The elderly page lists the applicant with reduced function.
      await page.goto('/boliger/aeldre');
      await expect(h1(page, t.elderly)).toBeVisible();
      await expect(region(page, t.elderlyApplicants).getByRole('link', { name })).toBeVisible();
      await expectNoAxeViolations(page);

      // The caseworker finds the application in the list, and reads the settings without changing them.
      await switchUser(page, 'demo.caseworker');
      await page.goto('/anvisning');
      await expect(h1(page, t.applicationsTitle)).toBeVisible();
      await expect(page.getByRole('row', { name: new RegExp(escapeRegExp(name)) })).toContainText(
        t.statusApproved,
      );
      await expectNoAxeViolations(page);
      await page.getByRole('navigation', { name: t.sideNav }).getByRole('link', { name: t.settings }).click();
      await expect(h1(page, t.settingsTitle)).toBeVisible();
      await expect(page.getByText(t.readOnly)).toBeVisible();
      await expect(page.getByRole('textbox')).toHaveCount(0);
      await expectNoAxeViolations(page);
      await page
        .getByRole('navigation', { name: t.sideNav })
        .getByRole('link', { name: t.waitingList })
        .click();
      await showTableRow(row, waitingPages, t.nextPage);
      await expect(page.getByRole('button', { name: t.snapshotSubmit })).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  });
}
