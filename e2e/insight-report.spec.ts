import { expect, type Page, test } from '@playwright/test';
import { flatText, loadWorkbook, sheetValues } from '../src/server/test/documents';
import {
  csrfToken,
  download,
  escapeRegExp,
  expectNoAxeViolations,
  logInAs,
  rowOf,
  useLanguage,
} from './fixtures';

/**
 * Insight for steering in both languages (issue 18 §5, §7): the leader opens the committee report,
 * is refused a period that ends before it starts (the field named), chooses a year, reads the
 * headings and the closed week-6 counts beside the national totals (2022: 67, 20 of them aged 18–29,
 * 5,789 in the country), writes and saves the introduction and downloads the report as PDF and XLSX.
 * The leader sees only the municipality's own figures while it does not share; the administrator is
 * refused a suppression limit below 3 (the field named, the limit left as it was), opts in to sharing
 * after a confirmation and publishes; the leader then finds the own municipality's row beside the
 * national count. The administrator opts out again at the end, so the next journey starts as the
 * demo does. axe finds nothing on the pages.
 */
const LANGUAGES = [
  {
    code: 'da',
    // Each language writes the introduction of a period of its own.
    period: { from: '01.01.2022', to: '31.12.2022', iso: 'fra=2022-01-01&til=2022-12-31' },
    t: {
      mainNav: 'Hovedmenu',
      navReport: 'Udvalgsrapport',
      navCompare: 'Sammenligning',
      navSettings: 'Små tal og deling',
      reportTitle: 'Rapport til Socialudvalget',
      from: 'Fra og med',
      to: 'Til og med',
      show: 'Vis rapporten for perioden',
      toBeforeFrom: 'Til og med må ikke ligge før Fra og med',
      summary: '01.01.2022–31.12.2022',
      computedAt: 'Tallene er beregnet kl.',
      refresh: 'Beregn tallene nu',
      headings: [
        'Indledning',
        'Indikatorer',
        'Månedligt flow',
        'Hjemløsetællinger (uge 6)',
        'Unge og deres overgange',
        'Forebyggelse af udsættelser',
        'Ventelisten',
      ],
      indicatorRow: 'Dage i hjemløshed, median',
      introduction: 'Indledning til udvalget',
      introText: 'Status for 2022: flere er kommet i egen bolig.',
      saveIntro: 'Gem indledningen',
      introSaved: 'Indledningen er gemt.',
      updatedBy: 'Senest rettet af Lene Leder',
      pdf: 'Hent rapporten som PDF',
      xlsx: 'Hent tallene som regneark (XLSX)',
      compareTitle: 'Sammenligning med andre kommuner',
      notSharing: 'Kommunen deler ikke sine tal, og derfor ser I kun jeres egne tal.',
      nobodyElse: 'Kommunen deler sine tal, men ingen andre kommuner deler deres endnu.',
      own: 'Høje-Taastrup Kommune (demo) (egen kommune)',
      national: 'Hele landet (2024)',
      settingsTitle: 'Små tal og deling',
      limit: 'Grænse for små tal',
      saveLimit: 'Gem grænsen',
      limitTooLow: 'Grænse for små tal skal være et helt tal på mindst 3 (Danmarks Statistiks minimum)',
      inhabitants: 'Antal indbyggere',
      inhabitantsRequired: 'Antal indbyggere skal udfyldes, når kommunen deler sine tal',
      start: 'Tilmeld deling',
      startConfirm: 'Ja, del tallene',
      started: 'Kommunen deler nu sine tal, og tallene er offentliggjort.',
      publish: 'Offentliggør tallene nu',
      publishConfirm: 'Ja, offentliggør tallene',
      published: 'Tallene er offentliggjort',
      stop: 'Afmeld deling',
      stopConfirm: 'Ja, stop delingen',
      stopped: 'Kommunen deler ikke længere sine tal.',
    },
  },
  {
    code: 'en',
    period: { from: '01.01.2023', to: '31.12.2023', iso: 'fra=2023-01-01&til=2023-12-31' },
    t: {
      mainNav: 'Main menu',
      navReport: 'Committee report',
      navCompare: 'Comparison',
      navSettings: 'Small numbers and sharing',
      reportTitle: 'Report to the social committee',
      from: 'From',
      to: 'To',
      show: 'Show the report for the period',
      toBeforeFrom: 'To must not be before From',
      summary: '01.01.2023–31.12.2023',
      computedAt: 'The figures were computed at',
      refresh: 'Compute the figures now',
      headings: [
        'Introduction',
        'Indicators',
        'Monthly flow',
        'Homelessness counts (week 6)',
        'Young people and their transitions',
        'Eviction prevention',
        'The waiting list',
      ],
      indicatorRow: 'Days homeless, median',
      introduction: 'Introduction for the committee',
      introText: 'Status for 2023: more people moved into a home of their own.',
      saveIntro: 'Save the introduction',
      introSaved: 'The introduction has been saved.',
      updatedBy: 'Last changed by Lene Leder',
      pdf: 'Download the report as PDF',
      xlsx: 'Download the figures as a spreadsheet (XLSX)',
      compareTitle: 'Comparison with other municipalities',
      notSharing: 'The municipality does not share its figures, so you see only your own.',
      nobodyElse: 'The municipality shares its figures, but no other municipality shares theirs yet.',
      own: 'Høje-Taastrup Kommune (demo) (own municipality)',
      national: 'Whole country (2024)',
      settingsTitle: 'Small numbers and sharing',
      limit: 'Limit for small numbers',
      saveLimit: 'Save the limit',
      limitTooLow:
        "Limit for small numbers must be a whole number of at least 3 (Statistics Denmark's minimum)",
      inhabitants: 'Number of inhabitants',
      inhabitantsRequired: 'Number of inhabitants is required when the municipality shares its figures',
      start: 'Opt in to sharing',
      startConfirm: 'Yes, share the figures',
      started: 'The municipality now shares its figures, and they have been published.',
      publish: 'Publish the figures now',
      publishConfirm: 'Yes, publish the figures',
      published: 'The figures were published',
      stop: 'Opt out of sharing',
      stopConfirm: 'Yes, stop sharing',
      stopped: 'The municipality no longer shares its figures.',
    },
  },
] as const;

type Texts = (typeof LANGUAGES)[number]['t'];

/** Opens a page from the main menu and waits for its h1. */
async function openFromMenu(page: Page, t: Texts, link: string, title: string) {
  await page
    .getByRole('navigation', { name: t.mainNav })
    .getByRole('link', { name: link, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
}

/** The demo does not share; a journey that stopped half-way must not leave the next one sharing. */
async function stopSharingIfLeftOn(page: Page) {
  const settings = (await (await page.request.get('/api/insight/settings')).json()) as {
    sharing: boolean;
    inhabitants: number | null;
  };
  if (!settings.sharing) return;
  const response = await page.request.put('/api/insight/sharing', {
    headers: { 'x-csrf-token': await csrfToken(page) },
    data: { sharing: false, inhabitants: settings.inhabitants },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

for (const lang of LANGUAGES) {
  const { t, period } = lang;

  test.describe(`insight for steering (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('the leader reads the committee report of a year, writes its introduction and downloads it', async ({
      page,
    }) => {
      await logInAs(page, 'demo.leader');
      await openFromMenu(page, t, t.navReport, t.reportTitle);
      // The default period (the last 12 months) fills the picker.
      const from = page.getByLabel(t.from, { exact: true });
      const to = page.getByLabel(t.to, { exact: true });
      await expect(from).toHaveValue(/^\d\d\.\d\d\.\d{4}$/);
      await expectNoAxeViolations(page);

      // A period that ends before it starts is refused, the field named.
      await from.fill(period.to);
      await to.fill(period.from);
      await page.getByRole('button', { name: t.show, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.toBeforeFrom, { exact: true }).first()).toBeVisible();
      await expectNoAxeViolations(page);

      await from.fill(period.from);
      await to.fill(period.to);
      await page.getByRole('button', { name: t.show, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`\\?${escapeRegExp(period.iso)}$`));
      await expect(page.getByText(t.summary)).toBeVisible();
      // The figures are kept for a few minutes (ADR 0026): the page says when they were computed,
      // and computes them now on request.
      await expect(page.getByText(t.computedAt)).toContainText(/\d{2}[.:]\d{2}/);
      await page.getByRole('button', { name: t.refresh, exact: true }).click();
      await expect(page.getByRole('button', { name: t.refresh, exact: true })).toBeEnabled();
      for (const heading of t.headings)
        await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
      await expect(
        page
          .locator('#committee-indicators-table')
          .getByRole('rowheader', { name: t.indicatorRow, exact: true }),
      ).toBeVisible();
      // The closed counts beside the national totals (rule 9).
      await expect(rowOf(page.locator('#committee-counts-table'), '2022').getByRole('cell')).toHaveText([
        '67',
        '20',
        '5.789',
      ]);
      await expectNoAxeViolations(page);

      // The introduction, saved with who wrote it, and still there when the report is opened again.
      const intro = page.getByLabel(t.introduction, { exact: true });
      await intro.fill(t.introText);
      await page.getByRole('button', { name: t.saveIntro, exact: true }).click();
      await expect(page.getByRole('status').getByText(t.introSaved, { exact: true })).toBeVisible();
      await expect(page.getByText(t.updatedBy)).toBeVisible();
      await expectNoAxeViolations(page);
      await page.reload();
      await expect(page.getByLabel(t.introduction, { exact: true })).toHaveValue(t.introText);

      // The report's files: a PDF and a workbook of the same period.
      const pdf = await download(page, page.getByRole('link', { name: t.pdf, exact: true }));
      expect(pdf.name).toMatch(/^socialudvalget-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.pdf$/);
      expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      // The PDF (in Danish, the committee's language) holds the headings, the introduction and the
      // figures: the 2022 count beside the country's.
      const text = flatText(pdf.bytes);
      for (const heading of [
        'Status på hjemløsheden til Socialudvalget',
        'Indledning',
        'Hjemløshedsindikatorer',
      ])
        expect(text).toContain(heading);
      expect(text).toContain(t.introText);
      expect(text).toMatch(/2022 67 20 5\.789/);
      const xlsx = await download(page, page.getByRole('link', { name: t.xlsx, exact: true }));
      expect(xlsx.name).toMatch(/\.xlsx$/);
      const workbook = await loadWorkbook(xlsx.bytes);
      const counts = sheetValues(workbook.getWorksheet('Tællinger')).filter((r) => r?.[0] === 2022);
      expect(counts.map((r) => r.slice(0, 3))).toEqual([[2022, 67, 20]]);
    });

    test('the administrator opts in to sharing and publishes; the leader compares with the country', async ({
      page,
    }) => {
      // While the municipality does not share, the leader sees the own figures only, and is told why.
      await logInAs(page, 'demo.admin');
      await stopSharingIfLeftOn(page);
      await logInAs(page, 'demo.leader');
      await openFromMenu(page, t, t.navCompare, t.compareTitle);
      await expect(page.getByText(t.notSharing)).toBeVisible();
      await expect(page.getByRole('rowheader', { name: t.own, exact: true }).first()).toBeVisible();
      await expectNoAxeViolations(page);

      await logInAs(page, 'demo.admin');
      await openFromMenu(page, t, t.navSettings, t.settingsTitle);
      const limit = page.getByRole('textbox', { name: t.limit, exact: true });
      const before = await limit.inputValue();
      // A limit below 3 is refused by the server, the field named; the limit stays as it was.
      await limit.fill('2');
      await page.getByRole('button', { name: t.saveLimit, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.limitTooLow, { exact: true }).first()).toBeVisible();
      await expectNoAxeViolations(page);
      const saved = (await (await page.request.get('/api/insight/settings')).json()) as {
        suppressionLimit: number;
      };
      expect(String(saved.suppressionLimit)).toBe(before);
      await limit.fill(before);

      // Sharing needs the inhabitants; then it is asked first.
      const inhabitants = page.getByRole('textbox', { name: t.inhabitants, exact: true });
      await inhabitants.fill('');
      await page.getByRole('button', { name: t.start, exact: true }).click();
      await expect(page.getByRole('alert').getByText(t.inhabitantsRequired).first()).toBeVisible();
      await inhabitants.fill('58000');
      await page.getByRole('button', { name: t.start, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: t.startConfirm, exact: true }).click();
      await expect(page.getByText(t.started, { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: t.stop, exact: true })).toBeVisible();

      await page.getByRole('button', { name: t.publish, exact: true }).click();
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: t.publishConfirm, exact: true }).click();
      await expect(page.getByText(t.published)).toBeVisible();
      await expectNoAxeViolations(page);

      // The leader now sees the own municipality's figures as shared, beside the national count.
      await logInAs(page, 'demo.leader');
      await openFromMenu(page, t, t.navCompare, t.compareTitle);
      await expect(page.getByText(t.nobodyElse)).toBeVisible();
      const counts = page.locator('#compare-count-total-table');
      await expect(rowOf(counts, t.own)).toBeVisible();
      await expect(rowOf(counts, t.national).getByRole('cell').nth(1)).toHaveText('5.989');
      await expect(rowOf(page.locator('#compare-flow-active-table'), t.own)).toBeVisible();
      await expectNoAxeViolations(page);

      // Opting out is asked too; the demo goes back to not sharing.
      await logInAs(page, 'demo.admin');
      await openFromMenu(page, t, t.navSettings, t.settingsTitle);
      await page.getByRole('button', { name: t.stop, exact: true }).click();
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: t.stopConfirm, exact: true }).click();
      await expect(page.getByText(t.stopped)).toBeVisible();
      await expect(page.getByRole('button', { name: t.start, exact: true })).toBeVisible();
    });
  });
}
