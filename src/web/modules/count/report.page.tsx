import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AGE_BANDS } from '../../../shared/citizens/status';
import { VIVE_SITUATIONS } from '../../../shared/citizens/whereabouts';
import { SEXES } from '../../../shared/count/model';
import type { ReportedCount } from '../../../shared/suppression';
import { ApiError } from '../../api';
import { BarChart } from '../../components/chart';
import { DateText } from '../../components/date-text';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Facts, Section } from '../../components/section';
import { formatReported, formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { type CountReport, countHref, useCountReport } from './count.api';

/** A chart value: a suppressed count has no bar (the table says "under 5" or "hidden"). */
const value = (count: ReportedCount | null) => (typeof count === 'number' ? count : null);

/** One series of reported counts: bars for the numbers, the table's cells as reported. */
function useSeries() {
  const { t } = useTranslation();
  return (key: string, label: string, counts: readonly ReportedCount[]) => ({
    key,
    label,
    values: counts.map(value),
    cells: counts.map((c) => formatReported(t, c)),
  });
}

/** The year's figures by situation, age band and sex (rule 8), migrants apart (rule 7). */
function Figures({ report }: { report: CountReport }) {
  const { t } = useTranslation();
  const series = useSeries();
  const f = report.figures;
  const people = t('count.report.people');
  return (
    <>
      <Section id="count-report-totals" heading={t('count.report.totalsHeading')}>
        <Facts
          label={t('count.report.totalsHeading')}
          items={[
            { label: t('count.report.total'), value: formatReported(t, f.total) },
            { label: t('count.report.youth'), value: formatReported(t, f.youth18to29) },
            { label: t('count.report.migrants'), value: formatReported(t, f.migrants) },
          ]}
        />
        <p>{t('count.report.migrantsNote')}</p>
      </Section>
      <Section id="count-report-breakdowns" heading={t('count.report.breakdownsHeading')}>
        <BarChart
          id="count-situation"
          title={t('count.report.bySituation', { year: report.year })}
          labelHeader={t('count.report.situation')}
          labels={VIVE_SITUATIONS.map((s) => t(`count.situationsChart.${s}`))}
          series={[
            series(
              'people',
              people,
              VIVE_SITUATIONS.map((s) => f.bySituation[s]),
            ),
          ]}
          valueFormat={formatWhole}
        />
        <BarChart
          id="count-age"
          title={t('count.report.byAgeBand', { year: report.year })}
          labelHeader={t('count.report.ageBand')}
          labels={AGE_BANDS.map((b) => t(`count.ageBands.${b}`))}
          series={[
            series(
              'people',
              people,
              AGE_BANDS.map((b) => f.byAgeBand[b]),
            ),
          ]}
          valueFormat={formatWhole}
        />
        <BarChart
          id="count-sex"
          title={t('count.report.bySex', { year: report.year })}
          labelHeader={t('count.report.sex')}
          labels={SEXES.map((s) => t(`count.sexes.${s}`))}
          series={[
            series(
              'people',
              people,
              SEXES.map((s) => f.bySex[s]),
            ),
          ]}
          valueFormat={formatWhole}
        />
      </Section>
    </>
  );
}

/** The municipality's counts side by side, and the national totals of the same years (rule 9). */
function Years({ report }: { report: CountReport }) {
  const { t } = useTranslation();
  const series = useSeries();
  const labels = report.years.map((y) => String(y.year));
  const national = report.years.filter((y) => y.national !== null);
  return (
    <Section id="count-report-years" heading={t('count.report.yearsHeading')}>
      <p>{t('count.report.yearsIntro')}</p>
      <BarChart
        id="count-years"
        title={t('count.report.municipalityYears')}
        labelHeader={t('count.report.year')}
        labels={labels}
        series={[
          series(
            'total',
            t('count.report.total'),
            report.years.map((y) => y.total),
          ),
          series(
            'youth',
            t('count.report.youth'),
            report.years.map((y) => y.youth18to29),
          ),
        ]}
        valueFormat={formatWhole}
      />
      {national.length > 0 ? (
        <BarChart
          id="count-national"
          title={t('count.report.nationalYears')}
          labelHeader={t('count.report.year')}
          labels={national.map((y) => String(y.year))}
          series={[
            {
              key: 'national',
              label: t('count.report.national'),
              values: national.map((y) => y.national),
            },
          ]}
          valueFormat={formatWhole}
        />
      ) : (
        <p>{t('count.report.noNational')}</p>
      )}
    </Section>
  );
}

/**
 * /taelling/:year/rapport: the count report (issue 18 §1, rules 7–9) — totals, the year by
 * situation, age band and sex, migrants apart, beside the municipality's earlier counts and the
 * national totals. Figures only, small numbers suppressed as the server sends them.
 */
export function CountReportPage() {
  const { t } = useTranslation();
  const year = Number(useParams().year);
  const query = useCountReport(year);
  const session = useSession();
  const canRead = hasPermission(session.data?.user, 'count.read');
  const notFound =
    query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
  return (
    <Page title={t('count.report.title', { year: Number.isInteger(year) ? year : '' })}>
      <QueryState
        query={query}
        loadingText={t('count.report.loading')}
        renderError={() => (notFound ? <p>{t('count.notFound')}</p> : undefined)}
      >
        {(report) => (
          <>
            <p>
              {t('count.report.intro')} {t('count.report.countDay')} <DateText value={report.countDay} />.{' '}
              {t(`count.report.status.${report.status}`)}
            </p>
            <ul className="nobullet-list housing-downloads">
              {canRead ? (
                <li>
                  <Link to={countHref(report.year)} className="function-link">
                    {t('count.links.registration', { year: report.year })}
                  </Link>
                </li>
              ) : null}
              <li>
                <Link to="/taelling" className="function-link">
                  {t('count.links.list')}
                </Link>
              </li>
            </ul>
            <Figures report={report} />
            <Years report={report} />
            <p className="form-hint">{t('count.report.suppressionNote')}</p>
          </>
        )}
      </QueryState>
    </Page>
  );
}
