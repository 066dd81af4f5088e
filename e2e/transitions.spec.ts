import { expect, type Locator, type Page, test } from '@playwright/test';
import { addDays, today } from '../src/shared/dates';
import {
  csrfToken,
  DEMO_PASSWORD,
  danishDate,
  expectNoAxeViolations,
  logInAs,
  useLanguage,
} from './fixtures';

/**
 * One transition plan and one meeting in both languages (issue 17 §4): a child-area caseworker
 * creates the young person's plan with the adult-area caseworker — refused, with the field named,
 * while the young person is not among the participants — then records their joint meeting: who
 * attended, the young person's own view, the decisions and an action for the adult-area caseworker,
 * who finds it in "Mine opgaver" and follows it to the plan. axe finds nothing on the pages.
 */
const LANGUAGES = [
  {
    code: 'da',
    t: {
      mainNav: 'Hovedmenu',
      nav: 'Overgange',
      title: 'Overgangsplaner for unge',
      createSummary: 'Opret en overgangsplan',
      search: 'Find den unge',
      searchSubmit: 'Søg',
      wishes: 'Den unges ønsker og drømme',
      youngPerson: 'Den unge deltager i planen',
      child: 'Sagsbehandler, børne- og ungeområdet',
      adult: 'Sagsbehandler, voksenområdet',
      role: 'myndighedssagsbehandler',
      createSubmit: 'Opret plan',
      youngPersonMissing: 'Den unge skal være deltager i planen.',
      created: 'Overgangsplanen er oprettet.',
      planTitle: (name: string) => `Overgangsplan for ${name}`,
      meetingSummary: 'Registrér eller planlæg et møde',
      attended: 'Deltog i mødet',
      view: 'Den unges egen mening',
      decisions: 'Beslutninger',
      action: 'Opgave',
      responsible: 'Ansvarlig',
      due: 'Frist',
      meetingSubmit: 'Gem mødet',
      recorded: 'Mødet er registreret.',
      tasksTitle: 'Mine opgaver',
      offersNav: 'Ungetilbud',
      offersTitle: 'Ungetilbud',
      editSummary: 'Ret et ungetilbud',
      editChoice: 'Tilbud',
      contact: 'Kontakt',
      saveOffer: 'Gem tilbuddet',
      offerSaved: (name: string) => `${name} er gemt.`,
      addOfferSummary: 'Tilføj et tilbud',
      offer: 'Tilbud',
      from: 'Fra',
      addOffer: 'Tilføj tilbud',
      offerAdded: 'Tilbuddet er tilføjet.',
      endSummary: 'Afslut et tilbud',
      endDate: 'Slutdato',
      endSubmit: 'Afslut tilbuddet',
      endBeforeStart: 'Til-datoen kan ikke ligge før fra-datoen',
      ended: 'Tilbuddet er afsluttet.',
      closeSummary: 'Afslut overgangsplanen',
      closedOn: 'Afsluttet den',
      closeSubmit: 'Afslut planen',
      closeConfirm: 'Ja, afslut planen',
      closed: 'Overgangsplanen er afsluttet.',
      closedNote: 'Planen er afsluttet og kan ikke længere ændres.',
    },
  },
  {
    code: 'en',
    t: {
      mainNav: 'Main menu',
      nav: 'Transitions',
      title: 'Transition plans for young people',
      createSummary: 'Create a transition plan',
      search: 'Find the young person',
      searchSubmit: 'Search',
      wishes: "The young person's wishes and dreams",
      youngPerson: 'The young person takes part in the plan',
      child: 'Caseworker, child and youth services',
      adult: 'Caseworker, adult services',
      role: 'municipal caseworker',
      createSubmit: 'Create plan',
      youngPersonMissing: 'The young person must be a participant of the plan.',
      created: 'The transition plan has been created.',
      planTitle: (name: string) => `Transition plan for ${name}`,
      meetingSummary: 'Record or plan a meeting',
      attended: 'Attended the meeting',
      view: "The young person's own view",
      decisions: 'Decisions',
      action: 'Action',
      responsible: 'Responsible',
      due: 'Due',
      meetingSubmit: 'Save the meeting',
      recorded: 'The meeting has been recorded.',
      tasksTitle: 'My tasks',
      offersNav: 'Youth offers',
      offersTitle: 'Youth offers',
      editSummary: 'Edit a youth offer',
      editChoice: 'Offer',
      contact: 'Contact',
      saveOffer: 'Save the offer',
      offerSaved: (name: string) => `${name} has been saved.`,
      addOfferSummary: 'Add an offer',
      offer: 'Offer',
      from: 'From',
      addOffer: 'Add offer',
      offerAdded: 'The offer has been added.',
      endSummary: 'End an offer',
      endDate: 'End date',
      endSubmit: 'End the offer',
      endBeforeStart: 'The end date cannot be before the start date',
      ended: 'The offer has ended.',
      closeSummary: 'Close the transition plan',
      closedOn: 'Closed on',
      closeSubmit: 'Close the plan',
      closeConfirm: 'Yes, close the plan',
      closed: 'The transition plan has been closed.',
      closedNote: 'The plan is closed and can no longer be changed.',
    },
  },
] as const;

/** A birth date that makes the young person 16½ today (åååå-mm-dd). */
function bornSixteenAndAHalfAgo(): string {
  const d = new Date(Date.now() - Math.round(16.5 * 365.25) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Chooses the option of a select whose text starts with `prefix` (the rest shows ages or dates). */
async function chooseStartingWith(select: Locator, prefix: string) {
  const labels = await select.locator('option').allTextContents();
  const label = labels.find((l) => l.startsWith(prefix));
  expect(label, `an option starting with ${prefix}`).toBeDefined();
  await select.selectOption({ label: label as string });
}

/** The child-area caseworker: a second caseworker, created by the administrator. */
async function createChildCaseworker(page: Page, username: string, displayName: string) {
  await logInAs(page, 'demo.admin');
  const created = await page.request.post('/api/admin/users', {
    headers: { 'x-csrf-token': await csrfToken(page) },
    data: { username, displayName, role: 'caseworker', password: DEMO_PASSWORD },
  });
  expect(created.ok(), await created.text()).toBe(true);
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  const stamp = `${lang.code.toUpperCase()}${Date.now().toString(36).slice(-4)}`;

  test.describe(`transition plans (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('child and adult caseworkers hold a joint meeting and record the plan; the action reaches the responsible one', async ({
      page,
    }) => {
      const childUser = `boern.${stamp.toLowerCase()}`;
      const childName = `Bente Børn ${stamp}`;
      const given = `Ung${stamp}`;
      const name = `${given} Jensen`;
      const action = `Søg ungebolig ${stamp}`;
      await createChildCaseworker(page, childUser, childName);

      // The child-area caseworker registers the young person (the by-name list has its own journey).
      await logInAs(page, childUser);
      const citizen = await page.request.post('/api/citizens', {
        headers: { 'x-csrf-token': await csrfToken(page) },
        data: { givenName: given, familyName: 'Jensen', birthDate: bornSixteenAndAHalfAgo(), initials: 'UJ' },
      });
      expect(citizen.ok(), await citizen.text()).toBe(true);

      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.nav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.title, exact: true })).toBeVisible();
      const form = page.locator('details', { has: page.locator('summary', { hasText: t.createSummary }) });
      await form.locator('summary').click();
      await form.getByLabel(t.search, { exact: true }).fill(given);
      await form.getByRole('button', { name: t.searchSubmit, exact: true }).click();
      await form.getByRole('radio', { name: new RegExp(name) }).check();
      await form
        .getByLabel(t.wishes, { exact: true })
        .fill('Jeg vil have min egen lejlighed og blive mekaniker.');
      await form.getByLabel(t.child, { exact: true }).selectOption({ label: `${childName} (${t.role})` });
      await form
        .getByLabel(t.adult, { exact: true })
        .selectOption({ label: `Søren Sagsbehandler (${t.role})` });
      // Without the young person as participant the plan is refused, the field named, nothing saved.
      await form.getByLabel(t.youngPerson, { exact: true }).uncheck();
      await form.getByRole('button', { name: t.createSubmit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.youngPersonMissing).first()).toBeVisible();
      await expectNoAxeViolations(page);
      await form.getByLabel(t.youngPerson, { exact: true }).check();
      await form.getByRole('button', { name: t.createSubmit, exact: true }).click();
      await expect(page.getByText(t.created)).toBeVisible();
      await page.getByRole('link', { name, exact: true }).click();

      // The plan: the young person's wishes and dreams first; the joint meeting is recorded.
      await expect(
        page.getByRole('heading', { level: 1, name: t.planTitle(name), exact: true }),
      ).toBeVisible();
      await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(t.wishes);
      await expectNoAxeViolations(page);
      const meeting = page.locator('details', {
        has: page.locator('summary', { hasText: t.meetingSummary }),
      });
      await meeting.locator('summary').click();
      const attended = meeting.getByRole('group', { name: t.attended });
      for (const box of await attended.getByRole('checkbox').all()) await box.check();
      await meeting.getByLabel(t.view, { exact: true }).fill('Jeg vil bo tæt på min lillesøster.');
      await meeting
        .getByLabel(t.decisions, { exact: true })
        .fill('Vi søger ungebolig; ungestøtte fra 18 år.');
      await meeting.getByLabel(t.action, { exact: true }).fill(action);
      await meeting
        .getByLabel(t.responsible, { exact: true })
        .selectOption({ label: `Søren Sagsbehandler (${t.adult})` });
      await meeting.getByLabel(t.due, { exact: true }).fill(danishDate(14));
      await meeting.getByRole('button', { name: t.meetingSubmit, exact: true }).click();
      await expect(page.getByText(t.recorded)).toBeVisible();
      await expect(page.getByRole('cell', { name: action, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      // The adult-area caseworker finds the action in "Mine opgaver" and follows it to the plan.
      await logInAs(page, 'demo.caseworker');
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: t.tasksTitle, exact: true })).toBeVisible();
      await page.getByRole('link', { name: new RegExp(action) }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: t.planTitle(name), exact: true }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the administrator edits a youth offer; the caseworker gives it, ends it and closes the plan', async ({
      page,
    }) => {
      const offerName = `Mentor ${stamp}`;
      const given = `Tilbud${stamp}`;
      const name = `${given} Hansen`;

      // The administrator keeps the catalogue: an offer of its own, its contact then changed.
      await logInAs(page, 'demo.admin');
      const offer = await page.request.post('/api/youth-offers', {
        headers: { 'x-csrf-token': await csrfToken(page) },
        data: {
          kind: 'mentor',
          name: offerName,
          provider: 'Ungeenheden',
          minAge: 15,
          maxAge: 29,
          contact: '1',
        },
      });
      expect(offer.ok(), await offer.text()).toBe(true);
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.offersNav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.offersTitle, exact: true })).toBeVisible();
      // Exact: "Ret et ungetilbud" is also inside "Opret et ungetilbud".
      const edit = page.locator('details', {
        has: page.locator('summary', { hasText: new RegExp(`^${t.editSummary}$`) }),
      });
      await edit.locator('summary').click();
      await edit
        .getByLabel(t.editChoice, { exact: true })
        .selectOption({ label: `${offerName} – Ungeenheden` });
      await edit.getByLabel(t.contact, { exact: true }).fill('Ungeenheden, tlf. 72 36 00 00');
      await edit.getByRole('button', { name: t.saveOffer, exact: true }).click();
      await expect(page.getByText(t.offerSaved(offerName))).toBeVisible();
      await expect(
        page.getByRole('cell', { name: 'Ungeenheden, tlf. 72 36 00 00', exact: true }),
      ).toBeVisible();
      await expectNoAxeViolations(page);

      // The caseworker's plan for a young person (created through the API; the form has its journey).
      await logInAs(page, 'demo.caseworker');
      const token = await csrfToken(page);
      const citizen = await page.request.post('/api/citizens', {
        headers: { 'x-csrf-token': token },
        data: { givenName: given, familyName: 'Hansen', birthDate: bornSixteenAndAHalfAgo(), initials: 'TH' },
      });
      expect(citizen.ok(), await citizen.text()).toBe(true);
      const citizenId = ((await citizen.json()) as { id: string }).id;
      const startedOn = addDays(today(), -30);
      const plan = await page.request.post('/api/transitions', {
        headers: { 'x-csrf-token': token },
        data: {
          citizenId,
          startedOn,
          wishes: 'Jeg vil have en mentor.',
          participants: [{ kind: 'young_person' }],
        },
      });
      expect(plan.ok(), await plan.text()).toBe(true);
      const planId = ((await plan.json()) as { id: string }).id;
      await page.goto(`/overgange/${planId}`);
      await expect(
        page.getByRole('heading', { level: 1, name: t.planTitle(name), exact: true }),
      ).toBeVisible();

      // The offer given from the plan's start, then ended: an end before its start is refused first.
      const add = page.locator('details', { has: page.locator('summary', { hasText: t.addOfferSummary }) });
      await add.locator('summary').click();
      await chooseStartingWith(add.getByLabel(t.offer, { exact: true }), `${offerName} – `);
      await add.getByLabel(t.from, { exact: true }).fill(danishDate(-20));
      await add.getByRole('button', { name: t.addOffer, exact: true }).click();
      await expect(page.getByText(t.offerAdded)).toBeVisible();
      const end = page.locator('details', { has: page.locator('summary', { hasText: t.endSummary }) });
      await end.locator('summary').click();
      await chooseStartingWith(end.getByLabel(t.offer, { exact: true }), `${offerName} – `);
      await end.getByLabel(t.endDate, { exact: true }).fill(danishDate(-25));
      await end.getByRole('button', { name: t.endSubmit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.endBeforeStart).first()).toBeVisible();
      await end.getByLabel(t.endDate, { exact: true }).fill(danishDate(0));
      await end.getByRole('button', { name: t.endSubmit, exact: true }).click();
      await expect(page.getByText(t.ended)).toBeVisible();
      await expect(page.getByRole('cell', { name: danishDate(0), exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      // Closing asks first; then the plan is closed and its forms are gone.
      const close = page.locator('details', { has: page.locator('summary', { hasText: t.closeSummary }) });
      await close.locator('summary').click();
      await close.getByLabel(t.closedOn, { exact: true }).fill(danishDate(0));
      await close.getByRole('button', { name: t.closeSubmit, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: t.closeConfirm, exact: true }).click();
      await expect(page.getByText(t.closed)).toBeVisible();
      await expect(page.getByText(t.closedNote)).toBeVisible();
      await expect(page.locator('summary', { hasText: t.addOfferSummary })).toHaveCount(0);
    });
  });
}
