import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  ForecastSeries,
  PlanningBaseline,
  ScenarioDetail,
  ScenarioYear,
} from '../../../shared/planning/api';
import type { Band } from '../../../shared/planning/simulate';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { TableScroll } from '../../components/table-scroll';
import { errorMessage } from '../../i18n/errors';
import { formatWhole, isoToDanishDate } from '../../i18n/format';
import { BandChart, type BandSeries } from './band-chart';
import { useScenarioDetails, useSetInReport } from './planning.api';
import { bandText, formatCost, formatFigure, leverTexts, useMonthLabel } from './planning-format';

/** The forecast charts: the series and how its values are written. */
const CHARTS = ['waiting', 'homeless', 'shelterDays', 'netCost'] as const satisfies readonly ForecastSeries[];

/** A section whose h2 takes focus when `focusKey` changes (a scenario opened from the list). */
function FocusSection({
  heading,
  focusKey,
  children,
}: {
  heading: string;
  focusKey: number;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  return (
    <section aria-labelledby="planning-result-heading" className="citizen-section">
      <h2 id="planning-result-heading" ref={ref} tabIndex={-1}>
        {heading}
      </h2>
      {children}
    </section>
  );
}

/** What each scenario changes, lever by lever, side by side. */
function LeversTable({ scenarios, baseline }: { scenarios: ScenarioDetail[]; baseline: PlanningBaseline }) {
  const { t } = useTranslation();
  const caption = t('planning.result.levers');
  const texts = scenarios.map((s) => leverTexts(t, s.scenario, baseline.supply.organisations));
  const rows = texts[0] ?? [];
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact" id="planning-levers-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.result.lever')}</th>
            {scenarios.map((s) => (
              <th scope="col" key={s.id}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {texts.map((lines, i) => (
                <td key={scenarios[i]?.id ?? i}>{lines[r]?.value}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('planning.result.draws')}</th>
            {scenarios.map((s) => (
              <td key={s.id}>
                {t('planning.result.drawsValue', { draws: formatWhole(s.draws), seed: s.seed })}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One year's figures of one scenario, as cells. */
function YearCells({ year }: { year: ScenarioYear }) {
  const { t } = useTranslation();
  const months = (band: Band) => bandText(t, band, formatFigure);
  return (
    <>
      <td className="align-text-right nowrap">{bandText(t, year.waiting)}</td>
      <td className="align-text-right nowrap">
        {year.waitingMonths ? months(year.waitingMonths) : <NoValue />}
      </td>
      <td className="align-text-right nowrap">{bandText(t, year.homeless)}</td>
      <td className="align-text-right nowrap">
        {year.countWeek6 ? bandText(t, year.countWeek6.homeless) : <NoValue />}
      </td>
      <td className="align-text-right nowrap">{formatWhole(year.lettings)}</td>
      <td className="align-text-right nowrap">{formatWhole(year.shelterDays)}</td>
      <td className="align-text-right nowrap">{formatCost(t, year.netCost)}</td>
    </>
  );
}

/** The key figures of each forecast year: one row per year (and per scenario when compared). */
function YearsTable({ scenarios }: { scenarios: ScenarioDetail[] }) {
  const { t } = useTranslation();
  const caption = t('planning.result.years');
  const compared = scenarios.length > 1;
  const count = Math.max(0, ...scenarios.map((s) => s.result?.years.length ?? 0));
  const yearLabel = (year: number, scenario: ScenarioDetail | undefined) => {
    const y = scenario?.result?.years[year - 1];
    return y
      ? t('planning.result.year', { year, date: isoToDanishDate(y.yearEnd) })
      : t('planning.result.yearOnly', { year });
  };
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact" id="planning-years-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planning.result.yearColumn')}</th>
            {compared ? <th scope="col">{t('planning.result.scenario')}</th> : null}
            <th scope="col" className="align-text-right">
              {t('planning.result.waiting')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.result.waitingMonths')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.result.homeless')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.result.countWeek6')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.result.lettings')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.result.shelterDays')}
            </th>
            <th scope="col" className="align-text-right">
              {t('planning.result.netCost')}
            </th>
          </tr>
        </thead>
        {Array.from({ length: count }, (_, i) => i + 1).map((year) => {
          const rows = scenarios.flatMap((s) => {
            const y = s.result?.years[year - 1];
            return y ? [{ scenario: s, year: y }] : [];
          });
          return (
            <tbody key={year}>
              {rows.map((row, r) => (
                <tr key={row.scenario.id}>
                  {compared && r === 0 ? (
                    <th scope="rowgroup" rowSpan={rows.length}>
                      {yearLabel(year, row.scenario)}
                    </th>
                  ) : null}
                  {compared ? (
                    <th scope="row">{row.scenario.name}</th>
                  ) : (
                    <th scope="row">{yearLabel(year, row.scenario)}</th>
                  )}
                  <YearCells year={row.year} />
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </TableScroll>
  );
}

/** The forecast charts of the scenarios, over the union of their months. */
function ForecastCharts({ scenarios }: { scenarios: ScenarioDetail[] }) {
  const { t } = useTranslation();
  const label = useMonthLabel();
  const monthEnds = useMemo(
    () => [...new Set(scenarios.flatMap((s) => s.result?.monthEnds ?? []))].sort(),
    [scenarios],
  );
  const labels = useMemo(() => monthEnds.map(label), [monthEnds, label]);
  const charts = useMemo(
    () =>
      CHARTS.map((key) => ({
        key,
        series: scenarios.map(
          (s): BandSeries => ({
            key: s.id,
            label: s.name,
            values: monthEnds.map((end) => {
              const at = s.result?.monthEnds.indexOf(end) ?? -1;
              return at < 0 ? null : (s.result?.series[key][at] ?? null);
            }),
          }),
        ),
      })),
    [scenarios, monthEnds],
  );
  const cost = useMemo(() => (value: number) => formatCost(t, value), [t]);
  return (
    <>
      {charts.map((chart) => (
        <BandChart
          key={chart.key}
          id={`planning-chart-${chart.key}`}
          title={t(`planning.result.charts.${chart.key}`)}
          labelHeader={t('planning.month')}
          labels={labels}
          series={chart.series}
          valueFormat={chart.key === 'netCost' ? cost : formatWhole}
          headingLevel="h4"
        />
      ))}
    </>
  );
}

/** Adds the scenarios shown to the committee report (those not in it yet), or says they are in it. */
function ReportAction({ scenarios, canReport }: { scenarios: ScenarioDetail[]; canReport: boolean }) {
  const { t } = useTranslation();
  const report = useSetInReport();
  const [notice, setNotice] = useState<Notice | null>(null);
  const missing = scenarios.filter((s) => !s.inReport);
  const add = () => {
    if (report.isPending) return;
    Promise.all(missing.map((s) => report.mutateAsync({ id: s.id, inReport: true }))).then(
      () => setNotice({ kind: 'success', key: 'planning.result.added', params: { count: missing.length } }),
      (error) => setNotice({ kind: 'error', error }),
    );
  };
  return (
    <>
      <NoticeArea notice={notice} />
      {missing.length > 0 ? (
        <button type="button" className="button button-primary" onClick={add} disabled={report.isPending}>
          {t('planning.result.addToReport', { count: scenarios.length })}
        </button>
      ) : (
        <p>
          {t('planning.result.inReport', { count: scenarios.length })}
          {canReport ? (
            <>
              {' '}
              <Link to="/indsigt/udvalgsrapport">{t('planning.result.openReport')}</Link>
            </>
          ) : null}
        </p>
      )}
    </>
  );
}

export interface ResultSectionProps {
  ids: readonly string[];
  baseline: PlanningBaseline;
  canRun: boolean;
  canReport: boolean;
  /** Changes when a scenario is opened from the list: the heading takes focus. */
  focusKey: number;
}

/**
 * One scenario's forecast, or 2–4 scenarios side by side (issue 19 §4): what each changes, the
 * waiting list, the homeless, shelter days and the net cost month by month as lines with their
 * bands (each chart with its table), and the key figures of each year.
 */
export function ResultSection({ ids, baseline, canRun, canReport, focusKey }: ResultSectionProps) {
  const { t } = useTranslation();
  const queries = useScenarioDetails(ids);
  const failed = queries.find((q) => q.isError);
  const loaded = queries.flatMap((q) => (q.data ? [q.data] : []));
  // The same array while the answers are the same, so the charts are not drawn again on each render.
  const key = loaded.map((s) => `${s.id}:${s.status}:${s.inReport}`).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says when the scenarios changed.
  const scenarios = useMemo(() => loaded, [key]);
  const done = useMemo(() => scenarios.filter((s) => s.status === 'done' && s.result), [scenarios]);
  const heading =
    ids.length > 1
      ? t('planning.result.headingMany', { count: ids.length })
      : t('planning.result.headingOne', { name: scenarios[0]?.name ?? '' });
  return (
    <FocusSection heading={heading} focusKey={focusKey}>
      {failed ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{errorMessage(t, failed.error)}</p>
          </div>
        </div>
      ) : null}
      {loaded.length < ids.length && !failed ? <Loading text={t('planning.result.loading')} /> : null}
      {loaded.length === ids.length && done.length < ids.length ? (
        <p>{t('planning.result.notDone')}</p>
      ) : null}
      {done.length === ids.length && done.length > 0 ? (
        <>
          {ids.length === 1 ? <p>{t('planning.result.selectMore')}</p> : null}
          <p>{t('planning.result.intro')}</p>
          {canRun ? <ReportAction scenarios={done} canReport={canReport} /> : null}
          <h3>{t('planning.result.levers')}</h3>
          <LeversTable scenarios={done} baseline={baseline} />
          <h3>{t('planning.result.years')}</h3>
          <YearsTable scenarios={done} />
          <h3>{t('planning.result.chartsHeading')}</h3>
          <ForecastCharts scenarios={done} />
        </>
      ) : null}
    </FocusSection>
  );
}
