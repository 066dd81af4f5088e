import { expect, type Page, test } from '@playwright/test';
import { csrfToken, danishDate, escapeRegExp, expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * Support in both languages (issue 15): the demo caseworker (the authority) enrolls a housed citizen
 * in CTI with the demo support worker, who then sees the citizen (her caseload, issue 20 (d)),
 * records a home visit and a visit where the citizen did not show, and finds the citizen on "Mit
 * caseload" with the fidelity warning (the demo worker has more CTI citizens than half time allows).
 * The citizen is made for the run (housed, through the API), so the demo data does not matter.
 * axe finds nothing on the enrollment page and the caseload page.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      sideNav: 'Bostøtte',
      create: 'Nyt forløb',
      caseload: 'Mit caseload',
      submit: 'Opret forløb',
      contactKind: 'Kontaktform',
      homeVisit: 'Hjemmebesøg',
      missed: 'Forsøgt / udeblevet',
      note: 'Notat',
      saveContact: 'Gem kontakt',
      saved: (date: string) => `Kontakten ${date} er gemt.`,
      contacts: 'Kontakter',
      overNorm: 'Over normen',
      title: (name: string) => `CTI (Critical Time Intervention): ${name}`,
      citizenRequired: 'Borger skal udfyldes',
      fidelity: 'Fidelitet og caseload',
      retention: 'Boligfastholdelse',
      catalogue: 'Metoder og medarbejdere',
      ctiTeam: 'CTI-teamet',
      saveNorm: 'Gem norm',
      enrol: 'Indskriv i et bostøtteforløb',
      assignedTo: 'Bostøttemedarbejder eller team',
      phase: 'Fase',
      phase1: 'Fase 1: overgang og planlægning',
      savePhase: 'Gem faseskift',
      phaseSaved: 'Faseskiftet til Fase 1: overgang og planlægning er gemt.',
    },
  },
  {
    code: 'en',
    t: {
      sideNav: 'Housing support',
      create: 'New enrollment',
      caseload: 'My caseload',
      submit: 'Create enrollment',
      contactKind: 'Kind of contact',
      homeVisit: 'Home visit',
      missed: 'Attempted / did not show',
      note: 'Note',
      saveContact: 'Save contact',
      saved: (date: string) => `The contact on ${date} is saved.`,
      contacts: 'Contacts',
      overNorm: 'Above the norm',
      title: (name: string) => `CTI (Critical Time Intervention): ${name}`,
      citizenRequired: 'Citizen is required',
      fidelity: 'Fidelity and caseload',
      retention: 'Housing retention',
      catalogue: 'Methods and workers',
      ctiTeam: 'CTI-teamet',
      saveNorm: 'Save norm',
      enrol: 'Enrol in housing support',
      assignedTo: 'Support worker or team',
      phase: 'Phase',
      phase1: 'Phase 1: transition and planning',
      savePhase: 'Save phase change',
      phaseSaved: 'The change to Phase 1: transition and planning is saved.',
    },
  },
] as const;

/** A housed citizen registered by the demo caseworker through the API: its id. */
async function housedCitizen(page: Page, given: string, family: string): Promise<string> {
  await logInAs(page, 'demo.caseworker');
  const response = await page.request.post('/api/citizens', {
    headers: { 'x-csrf-token': await csrfToken(page) },
    data: {
      birthDate: '1979-08-12',
      initials: 'BF',
      givenName: given,
      familyName: family,
      firstEpisode: {
        situation: 'housed',
        fromDate: danishDate(-30).split('.').reverse().join('-'),
        hasContract: true,
        note: null,
      },
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-5)}`;

  test.describe(`support (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('the caseworker enrolls a housed citizen in CTI with the support worker, who records contacts and sees the caseload with its fidelity warning', async ({
      page,
    }) => {
      const given = 'Bostøtte';
      const family = `Forløb${stamp}`;
      const name = `${given} ${family}`;
      const citizenId = await housedCitizen(page, given, family);

      // Before the enrollment the citizen is outside the support worker's caseload: not found.
      await logInAs(page, 'demo.support');
      const before = await page.request.get(`/api/citizens/${citizenId}?purpose=support`);
      expect(before.status()).toBe(404);
      await page.goto('/stoette');
      const side = page.getByRole('navigation', { name: t.sideNav, exact: true });
      await side.getByRole('link', { name: t.create, exact: true }).click();
      // No citizen chosen: the error names the field, nothing is saved.
      await page.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.citizenRequired).first()).toBeVisible();
      await expectNoAxeViolations(page);
      // The caseworker enrolls from the citizen page: the form opens with the citizen chosen.
      await logInAs(page, 'demo.caseworker');
      await page.goto(`/borgere/${citizenId}`);
      await page.getByRole('link', { name: t.enrol, exact: true }).click();
      await expect(page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(name)}`) })).toBeChecked();
      await page.getByLabel(t.assignedTo, { exact: true }).selectOption({ label: 'Birgit Bostøtte' });
      await page.getByRole('button', { name: t.submit, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.title(name) })).toBeVisible();
      const enrollmentUrl = page.url();

      // Now in her caseload: the support worker opens the citizen and the enrollment.
      await logInAs(page, 'demo.support');
      await page.goto(`/borgere/${citizenId}`);
      await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
      await page.goto(enrollmentUrl);
      await expect(page.getByRole('heading', { level: 1, name: t.title(name) })).toBeVisible();

      await page.getByLabel(t.contactKind, { exact: true }).selectOption({ label: t.homeVisit });
      await page.getByLabel(t.note, { exact: true }).fill('Gennemgik budgettet (e2e).');
      await page.getByRole('button', { name: t.saveContact, exact: true }).click();
      await expect(page.getByText(t.saved(danishDate()))).toBeVisible();
      await page.getByLabel(t.contactKind, { exact: true }).selectOption({ label: t.missed });
      await page.getByRole('button', { name: t.saveContact, exact: true }).click();
      const contacts = page.getByRole('region', { name: t.contacts, exact: true });
      await expect(contacts.getByRole('row')).toHaveCount(3);
      await expect(contacts).toContainText('Gennemgik budgettet (e2e).');
      // Contact building ends today: phase 1 begins (rule 16).
      await page.getByLabel(t.phase, { exact: true }).selectOption({ label: t.phase1 });
      await page.getByRole('button', { name: t.savePhase, exact: true }).click();
      await expect(page.getByText(t.phaseSaved)).toBeVisible();
      await expectNoAxeViolations(page);

      await side.getByRole('link', { name: t.caseload, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.caseload, exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: t.overNorm, exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      // The method catalogue, and the leader's figures (aggregates, suppressed).
      await side.getByRole('link', { name: t.catalogue, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.catalogue, exact: true })).toBeVisible();
      await expect(page.getByRole('row', { name: new RegExp(`^${t.ctiTeam}`) })).toBeVisible();
      await expectNoAxeViolations(page);
      await logInAs(page, 'demo.leader');
      await page.goto('/stoette/fidelitet');
      await expect(page.getByRole('heading', { level: 1, name: t.fidelity, exact: true })).toBeVisible();
      await expect(page.getByRole('row', { name: new RegExp(`^${t.ctiTeam}`) })).toBeVisible();
      await expectNoAxeViolations(page);
      await side.getByRole('link', { name: t.retention, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.retention, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      // The administrator keeps the norms, teams and workers on the catalogue page.
      await logInAs(page, 'demo.admin');
      await page.goto('/stoette/metoder');
      await expect(page.getByRole('button', { name: t.saveNorm, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
