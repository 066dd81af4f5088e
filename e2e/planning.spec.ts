import { expect, type Locator, type Page, test } from '@playwright/test';
import { danishDate, escapeRegExp, expectNoAxeViolations, logInAs, useLanguage } from './fixtures';

/**
 * Planning in both languages (issue 19 §3–4): the leader (Danish) and the economy officer (English)
 * open Planlægning, read what the model is fitted on (the past as a chart with its table), run the
 * baseline with the form unchanged (its progress shown while it runs), are told which fields of a new build are missing (the field
 * named), then run a scenario that raises a housing organisation's quota and adds a new build; both
 * runs are followed to their end. They tick both for comparison: the charts of the waiting list,
 * the homeless, shelter days and net cost (each with its table) and the yearly key figures show
 * both side by side. They add both to the committee report, and the committee report shows them.
 * axe finds nothing in any of these states.
 */
const LANGUAGES = [
  {
    code: 'da',
    user: 'demo.leader',
    t: {
      mainNav: 'Hovedmenu',
      nav: 'Planlægning',
      title: 'Planlægning: fremskrivning af venteliste, hjemløshed og udgifter',
      baseline: 'Grundlaget',
      pastChart: 'Hjemløse, på ventelisten og i herberg ved månedens udgang',
      staffing: 'Bostøtte pr. metode',
      form: 'Ny fremskrivning',
      name: 'Navn på scenariet',
      defaultName: 'Basis',
      baseName: 'Basis (rejse)',
      moreName: 'Højere kvote og nybyggeri (rejse)',
      quota: /^Kvote for .+ \(%\)$/,
      addBuild: 'Tilføj byggeri',
      readyDate: 'Klar til indflytning',
      units: 'Antal boliger',
      missingDate: 'Klar til indflytning (nyt byggeri 1) skal udfyldes',
      missingUnits: 'Antal boliger (nyt byggeri 1) skal udfyldes',
      run: 'Kør fremskrivning',
      done: (name: string) => `Fremskrivningen af »${name}« er færdig.`,
      running: (name: string) => `Fremskrivningen af »${name}« kører …`,
      progress: (name: string) => `Fremdrift for »${name}«`,
      list: 'Gemte scenarier',
      compare: (name: string) => `Sammenlign ${name}`,
      comparison: 'Sammenligning af 2 scenarier',
      charts: [
        'På ventelisten ved månedens udgang',
        'Hjemløse ved månedens udgang',
        'Herbergsdøgn pr. måned',
        'Kommunens nettoudgift pr. måned',
      ],
      years: 'Nøgletal pr. år',
      year1: /^År 1 \(til /,
      levers: 'Scenariernes forudsætninger',
      addToReport: 'Føj de 2 scenarier til udvalgsrapporten',
      added: '2 scenarier er føjet til udvalgsrapporten.',
      inReport: 'Scenarierne er med i udvalgsrapporten.',
      yes: 'Ja',
      openReport: 'Gå til udvalgsrapporten',
      reportTitle: 'Rapport til Socialudvalget',
      reportSection: 'Planlægning: fremskrivninger',
    },
  },
  {
    code: 'en',
    user: 'demo.economy',
    t: {
      mainNav: 'Main menu',
      nav: 'Planning',
      title: 'Planning: forecast of the waiting list, homelessness and costs',
      baseline: 'The baseline',
      pastChart: 'Homeless, on the waiting list and in a shelter at each month end',
      staffing: 'Support per method',
      form: 'New forecast',
      name: 'Name of the scenario',
      defaultName: 'Baseline',
      baseName: 'Baseline (journey)',
      moreName: 'Higher quota and new build (journey)',
      quota: /^Quota for .+ \(%\)$/,
      addBuild: 'Add a build',
      readyDate: 'Ready to move in',
      units: 'Number of units',
      missingDate: 'Ready to move in (new build 1) is required',
      missingUnits: 'Number of units (new build 1) is required',
      run: 'Run forecast',
      done: (name: string) => `The forecast of "${name}" has finished.`,
      running: (name: string) => `The forecast of "${name}" is running …`,
      progress: (name: string) => `Progress of "${name}"`,
      list: 'Saved scenarios',
      compare: (name: string) => `Compare ${name}`,
      comparison: 'Comparison of 2 scenarios',
      charts: [
        'On the waiting list at each month end',
        'Homeless at each month end',
        'Shelter days per month',
        "Municipality's net cost per month",
      ],
      years: 'Key figures per year',
      year1: /^Year 1 \(to /,
      levers: "The scenarios' assumptions",
      addToReport: 'Add the 2 scenarios to the committee report',
      added: '2 scenarios have been added to the committee report.',
      inReport: 'The scenarios are in the committee report.',
      yes: 'Yes',
      openReport: 'Go to the committee report',
      reportTitle: 'Report to the social committee',
      reportSection: 'Planning: forecasts',
    },
  },
] as const;

/** The row of the saved scenarios whose name is `name` (the newest, should a name recur). */
function scenarioRow(page: Page, list: Locator, name: string): Locator {
  return list
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    .first();
}

for (const lang of LANGUAGES) {
  const { t } = lang;
  test.describe(`planning (${lang.code})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLanguage(page, lang.code);
    });

    test('runs the baseline and a scenario with a higher quota and a new build, compares them and adds them to the committee report', async ({
      page,
    }) => {
      await logInAs(page, lang.user);
      await page
        .getByRole('navigation', { name: t.mainNav })
        .getByRole('link', { name: t.nav, exact: true })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();

      // The baseline: the past as a chart with its table, the support places per method.
      const baseline = page.getByRole('region', { name: t.baseline });
      await expect(baseline.getByRole('img', { name: new RegExp(escapeRegExp(t.pastChart)) })).toBeVisible();
      await expect(
        baseline.getByRole('table', { name: t.pastChart }).locator('tbody tr').first(),
      ).toBeVisible();
      await expect(baseline.getByRole('table', { name: t.staffing }).getByRole('row')).toHaveCount(4);
      await expectNoAxeViolations(page);

      // The baseline run: the form as it starts (only the name told apart from the demo's).
      const form = page.getByRole('region', { name: t.form });
      const name = form.getByRole('textbox', { name: t.name, exact: true });
      await expect(name).toHaveValue(t.defaultName);
      await name.fill(t.baseName);
      // A demo forecast may end before the page has polled once: the scenario's answers say
      // "running at 40 %" until the page has shown (and axe has checked) the progress, then the
      // server's own answers follow.
      let held = true;
      await page.route(/\/api\/planning\/scenarios\/[0-9a-f-]{36}$/, async (route) => {
        if (!held) return route.fallback();
        const response = await route.fetch();
        const json = { ...(await response.json()), status: 'running', progress: 0.4, result: null };
        return route.fulfill({ response, json });
      });
      await form.getByRole('button', { name: t.run, exact: true }).click();
      const progress = form.getByRole('progressbar', { name: t.progress(t.baseName) });
      await expect(progress).toHaveAttribute('value', '40');
      await expect(form.getByRole('status')).toHaveText(t.running(t.baseName));
      await expectNoAxeViolations(page);
      held = false;
      await expect(form.getByRole('status').filter({ hasText: t.done(t.baseName) })).toBeVisible();
      await expect(progress).toBeHidden();
      await expectNoAxeViolations(page);

      // A scenario: an organisation's quota changed and a new build added.
      await name.fill(t.moreName);
      const quota = form.getByRole('textbox', { name: t.quota }).first();
      const today = await quota.inputValue();
      await quota.fill(today === '60' ? '70' : '60');
      await form.getByRole('button', { name: t.addBuild, exact: true }).click();
      const readyDate = form.getByRole('textbox', { name: t.readyDate, exact: true });
      await expect(readyDate).toBeFocused();
      // A new build without its date and units: the fields are named.
      await form.getByRole('button', { name: t.run, exact: true }).click();
      const problems = form.getByRole('alert');
      await expect(problems.getByRole('link', { name: t.missingDate })).toBeVisible();
      await expect(problems.getByRole('link', { name: t.missingUnits })).toBeVisible();
      await expectNoAxeViolations(page);
      await readyDate.fill(danishDate(400));
      await form.getByRole('textbox', { name: t.units, exact: true }).fill('40');
      await form.getByRole('button', { name: t.run, exact: true }).click();
      await expect(form.getByRole('status').filter({ hasText: t.done(t.moreName) })).toBeVisible();

      // Both ticked for comparison: the charts with their tables and the key figures of each year.
      const list = page.getByRole('table', { name: t.list });
      await scenarioRow(page, list, t.baseName)
        .getByRole('checkbox', { name: t.compare(t.baseName) })
        .check();
      await scenarioRow(page, list, t.moreName)
        .getByRole('checkbox', { name: t.compare(t.moreName) })
        .check();
      const comparison = page.getByRole('region', { name: t.comparison });
      await expect(comparison.getByRole('heading', { level: 2, name: t.comparison })).toBeVisible();
      for (const chart of t.charts) {
        await expect(
          comparison.getByRole('img', { name: new RegExp(`^${escapeRegExp(chart)}`) }),
        ).toBeVisible();
        // Five years of months and the header.
        await expect(
          comparison.getByRole('table', { name: chart, exact: true }).getByRole('row'),
        ).toHaveCount(61);
      }
      const years = comparison.getByRole('table', { name: t.years, exact: true });
      await expect(years.getByRole('rowheader', { name: t.year1 })).toBeVisible();
      await expect(years.getByRole('rowheader', { name: t.baseName, exact: true })).toHaveCount(5);
      await expect(years.getByRole('rowheader', { name: t.moreName, exact: true })).toHaveCount(5);
      await expect(
        comparison
          .getByRole('table', { name: t.levers, exact: true })
          .getByRole('columnheader', { name: t.moreName }),
      ).toBeVisible();
      await expectNoAxeViolations(page);

      // The comparison's scenarios added to the committee report.
      await comparison.getByRole('button', { name: t.addToReport, exact: true }).click();
      await expect(comparison.getByRole('status').filter({ hasText: t.added })).toBeVisible();
      await expect(comparison.getByText(t.inReport)).toBeVisible();
      for (const scenario of [t.baseName, t.moreName])
        await expect(
          scenarioRow(page, list, scenario).getByRole('cell', { name: t.yes, exact: true }),
        ).toBeVisible();
      await expectNoAxeViolations(page);

      // The committee report shows the planning section with both scenarios.
      await comparison.getByRole('link', { name: t.openReport, exact: true }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: new RegExp(escapeRegExp(t.reportTitle)) }),
      ).toBeVisible();
      const section = page.getByRole('region', { name: t.reportSection, exact: true });
      for (const scenario of [t.baseName, t.moreName])
        await expect(section.getByText(scenario).first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
