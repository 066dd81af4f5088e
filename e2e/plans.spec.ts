import { expect, type Page, test } from '@playwright/test';
import { csrfToken, danishDate, escapeRegExp, expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * The coherent plan and a cross-sector alert in both languages (issue 15 §6–7): the demo caseworker
 * finds a housed citizen from "Planer", makes a coherent plan with a goal in the citizen's words and
 * a jobcenter action; the benefits office's list of sanctions is imported from a file; the sanction
 * raises an alert in the coordinator's "Mine opgaver", which leads back to the plan. The journey makes
 * its own citizen with a CPR number unique to the run. axe finds nothing on the plan and the import.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      mainNav: 'Hovedmenu',
      plansNav: 'Planer',
      plansTitle: 'Planer',
      search: 'Navn, initialer eller CPR-nummer',
      searchSubmit: 'Søg',
      planOf: (name: string) => `Plan for ${name}`,
      goals: 'Borgerens mål',
      createSubmit: 'Lav plan',
      created: 'Planen er lavet.',
      addAction: 'Tilføj handling',
      addActionSubmit: 'Tilføj handling',
      department: 'Afdeling',
      jobcenter: 'Jobcenter',
      description: 'Handling',
      ownerName: 'Ansvarlig person',
      dueOn: 'Frist',
      actionAdded: 'Handlingen for Jobcenter er tilføjet.',
      actionsTable: 'Handlinger i planen',
      importTitle: 'Importér sanktioner',
      file: 'Fil (CSV eller XLSX)',
      check: 'Kontrollér filen',
      importAll: 'Importér 1 sanktion',
      imported: '1 sanktion importeret',
      tasksTitle: 'Mine opgaver',
      alert: (name: string) => `${name} (i egen bolig) er sanktioneret i sin ydelse`,
      alertsHeading: 'Advarsler fra andre sektorer',
      settingsTitle: 'Hurtigspor for depositumslån og § 81',
      workingDays: 'Frist i arbejdsdage',
      saveLimit: 'Gem frist',
      tooBig: 'Frist i arbejdsdage er for stor',
      limitSaved: 'Fristen på 12 arbejdsdage er gemt.',
      limitToday: 'Fristen i dag: 12 arbejdsdage.',
      closeSummary: 'Afslut planen',
      reason: 'Årsag',
      other: 'Andet',
      closeSubmit: 'Afslut planen …',
      noteMissing: 'Skriv et notat, når årsagen er »Andet«',
      note: 'Notat',
      confirmHeading: 'Vil du afslutte planen?',
      openAction: '1 handling er stadig åben og bliver ikke fulgt op.',
      confirm: 'Afslut planen',
      closed: 'Planen er afsluttet.',
      noPlan: 'Borgeren har ingen aktiv plan',
    },
  },
  {
    code: 'en',
    t: {
      mainNav: 'Main menu',
      plansNav: 'Plans',
      plansTitle: 'Plans',
      search: 'Name, initials or CPR number',
      searchSubmit: 'Search',
      planOf: (name: string) => `Plan for ${name}`,
      goals: "The citizen's goals",
      createSubmit: 'Make plan',
      created: 'The plan has been made.',
      addAction: 'Add an action',
      addActionSubmit: 'Add action',
      department: 'Department',
      jobcenter: 'Jobcentre',
      description: 'Action',
      ownerName: 'Responsible person',
      dueOn: 'Due date',
      actionAdded: 'The action for Jobcentre has been added.',
      actionsTable: 'Actions of the plan',
      importTitle: 'Import sanctions',
      file: 'File (CSV or XLSX)',
      check: 'Check the file',
      importAll: 'Import 1 sanction',
      imported: '1 sanction imported',
      tasksTitle: 'My tasks',
      alert: (name: string) => `${name} (housed) has a benefit sanction`,
      alertsHeading: 'Alerts from other sectors',
      settingsTitle: 'Fast track for deposit loans and § 81',
      workingDays: 'Limit in working days',
      saveLimit: 'Save limit',
      tooBig: 'Limit in working days is too large',
      limitSaved: 'The limit of 12 working days is saved.',
      limitToday: 'The limit today: 12 working days.',
      closeSummary: 'Close the plan',
      reason: 'Reason',
      other: 'Other',
      closeSubmit: 'Close the plan …',
      noteMissing: 'Write a note when the reason is “Other”',
      note: 'Note',
      confirmHeading: 'Close the plan?',
      openAction: '1 action is still open and will not be followed up.',
      confirm: 'Close the plan',
      closed: 'The plan is closed.',
      noPlan: 'The citizen has no active plan',
    },
  },
] as const;

/** A housed citizen with a CPR number of the 1800s (no living person holds it), unique to the run. */
async function housedCitizen(
  page: Page,
  given: string,
  family: string,
): Promise<{ cpr: string; id: string }> {
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const cpr = `${day}0165${5}${serial}`;
  const response = await page.request.post('/api/citizens', {
    headers: { 'x-csrf-token': await csrfToken(page) },
    data: {
      cpr,
      givenName: given,
      familyName: family,
      firstEpisode: { situation: 'housed', fromDate: danishDate(-60).split('.').reverse().join('-') },
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
  return { cpr, id: ((await response.json()) as { id: string }).id };
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-5)}`;

  test.describe(`coherent plans (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('a coordinator makes a plan with a jobcenter action, and an imported sanction raises an alert in "Mine opgaver"', async ({
      page,
    }) => {
      const given = 'Plan';
      const family = `Forloeb${stamp}`;
      const name = `${given} ${family}`;
      await logInAs(page, 'demo.caseworker');
      const { cpr } = await housedCitizen(page, given, family);

      // From "Planer", the citizen is found and the plan made.
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.plansNav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.plansTitle, exact: true })).toBeVisible();
      await page.getByLabel(t.search, { exact: true }).fill(family);
      await page.getByRole('button', { name: t.searchSubmit, exact: true }).click();
      await page.getByRole('link', { name: new RegExp(`^${escapeRegExp(t.planOf(name))}`) }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.getByLabel(t.goals, { exact: true }).fill('Jeg vil gerne i arbejde igen');
      await page.getByRole('button', { name: t.createSubmit, exact: true }).click();
      await expect(page.getByText(t.created)).toBeVisible();
      await expect(page.locator('q').filter({ hasText: 'Jeg vil gerne i arbejde igen' })).toBeVisible();

      // A jobcenter action with a responsible person and a due date.
      await page.getByText(t.addAction, { exact: true }).first().click();
      await page.getByLabel(t.department, { exact: true }).first().selectOption('jobcenter');
      await page.getByLabel(t.description, { exact: true }).fill('Samtale om praktik');
      await page.getByLabel(t.ownerName, { exact: true }).fill('Jobcentret, Per Lund');
      await page.getByLabel(t.dueOn, { exact: true }).fill(danishDate(14));
      await page.getByRole('button', { name: t.addActionSubmit, exact: true }).click();
      await expect(page.getByText(t.actionAdded)).toBeVisible();
      const row = page
        .getByRole('table', { name: t.actionsTable })
        .getByRole('row')
        .filter({ hasText: 'Samtale om praktik' });
      await expect(row).toContainText(t.jobcenter);
      await expect(row).toContainText('Jobcentret, Per Lund');
      await expectNoAxeViolations(page);

      // The benefits office's list is imported from a file.
      await page.goto('/planer/sanktioner/import');
      await expect(page.getByRole('heading', { level: 1, name: t.importTitle })).toBeVisible();
      await page.getByLabel(t.file).setInputFiles({
        name: 'sanktioner.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `cpr;type;dato;bemaerkning\n${cpr};sanktion;${danishDate(-1)};Udeblevet\n`,
          'utf8',
        ),
      });
      await page.getByRole('button', { name: t.check }).click();
      await page.getByRole('button', { name: t.importAll }).click();
      await expect(page.getByRole('heading', { name: t.imported })).toBeVisible();
      await expectNoAxeViolations(page);

      // The alert is in the coordinator's "Mine opgaver" and leads to the plan.
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: t.tasksTitle, exact: true })).toBeVisible();
      const alert = page.getByRole('link', { name: new RegExp(`^${escapeRegExp(t.alert(name))}`) });
      await expect(alert).toBeVisible();
      await alert.click();
      await expect(page).toHaveURL(/\/borgere\/[0-9a-f-]+\/plan$/);
      await expect(page.getByRole('region', { name: t.alertsHeading })).toBeVisible();

      // The administrator keeps the fast-track limit: a limit beyond a year is named, then one is saved.
      await logInAs(page, 'demo.admin');
      await page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.plansNav }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.settingsTitle })).toBeVisible();
      await page.getByLabel(t.workingDays).fill('400');
      await page.getByRole('button', { name: t.saveLimit }).click();
      await expect(page.getByRole('alert').getByText(t.tooBig).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel(t.workingDays).fill('12');
      await page.getByRole('button', { name: t.saveLimit }).click();
      await expect(page.getByText(t.limitSaved)).toBeVisible();
      await expect(page.getByText(t.limitToday)).toBeVisible();
    });

    test('a coordinator closes a plan with its reason after a confirmation that counts the open actions', async ({
      page,
    }) => {
      await logInAs(page, 'demo.caseworker');
      const { id: citizenId } = await housedCitizen(page, 'Slut', `Plan${stamp}`);
      const headers = { 'x-csrf-token': await csrfToken(page) };
      const me = ((await (await page.request.get('/api/session')).json()) as { user: { id: string } }).user
        .id;
      const started = danishDate(-20).split('.').reverse().join('-');
      const plan = await page.request.post('/api/plans', {
        headers,
        data: { citizenId, coordinatorId: me, startedOn: started, goals: ['Jeg vil klare mig selv'] },
      });
      expect(plan.ok(), await plan.text()).toBe(true);
      const planId = ((await plan.json()) as { id: string }).id;
      const action = await page.request.post(`/api/plans/${planId}/actions`, {
        headers,
        data: {
          department: 'bolig',
          description: 'Boligsamtale',
          ownerName: 'Boligkontoret',
          dueOn: started,
        },
      });
      expect(action.ok(), await action.text()).toBe(true);

      await page.goto(`/borgere/${citizenId}/plan`);
      // The section's heading says the same as the summary that opens its form.
      const closing = page.getByRole('region', { name: t.closeSummary });
      await closing.locator('summary').click();
      await closing.getByLabel(t.reason, { exact: true }).selectOption({ label: t.other });
      await closing.getByRole('button', { name: t.closeSubmit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.noteMissing).first()).toBeVisible();
      await closing.getByLabel(t.note, { exact: true }).fill('Flyttet på forsorgshjem i en anden kommune');
      await closing.getByRole('button', { name: t.closeSubmit, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t.confirmHeading });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(t.openAction)).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: t.confirm, exact: true }).click();
      await expect(page.getByText(t.closed)).toBeVisible();
      await expect(page.getByText(t.noPlan)).toBeVisible();
    });
  });
}
