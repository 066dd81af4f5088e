import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FieldError } from '../../api';
import { DateField } from '../../components/date-field';
import { ErrorSummary } from '../../components/error-summary';
import { Icon } from '../../components/icon';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readDate } from '../../components/read-field';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { useForm } from '../../components/use-form';
import { formatReported, formatWhole, isoToDanishDate, parseDate, todayIso } from '../../i18n/format';
import { currentLanguage } from '../../i18n/index';
import { hasPermission, useSession } from '../../session';
import { type MonitoringReport, monitoringXlsxHref, useMonitoring } from './prevention.api';

/** The last 12 months: from the first day of the month 11 months ago to today. */
function defaultPeriod(): { from: string; to: string } {
  const to = todayIso();
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  const start = new Date(Date.UTC(year, month - 1 - 11, 1));
  return { from: start.toISOString().slice(0, 10), to };
}

function periodFromParams(params: URLSearchParams): { from: string; to: string } {
  const period = defaultPeriod();
  return {
    from: parseDate(params.get('fra') ?? '') ?? period.from,
    to: parseDate(params.get('til') ?? '') ?? period.to,
  };
}

/** "november 2026" / "November 2026" from "2026-11". */
function monthText(month: string): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'da-DK', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A share 0–1 as a whole percentage: "38 %". */
function shareText(t: ReturnType<typeof useTranslation>['t'], share: number): string {
  return t('housing.format.percent', { value: formatWhole(share * 100) });
}

function PeriodForm({
  period,
  onShow,
}: {
  period: { from: string; to: string };
  onShow: (period: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    formKey: 'evictionMonitoring',
    initial: () => ({ from: isoToDanishDate(period.from), to: isoToDanishDate(period.to) }),
    fields: {
      from: { id: 'monitoring-from', label: t('evictionMonitoring.from') },
      to: { id: 'monitoring-to', label: t('evictionMonitoring.to') },
    },
  });
  const { values } = form;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const from = readDate(values.from, 'from', problems, true);
    const to = readDate(values.to, 'to', problems, true);
    if (from && to && to < from) problems.push({ path: 'to', code: 'end_before_start' });
    if (form.failed(problems) || !from || !to) return;
    form.clear();
    onShow({ from, to });
  };
  return (
    <section aria-labelledby="monitoring-form-heading">
      <h2 id="monitoring-form-heading">{t('evictionMonitoring.formHeading')}</h2>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate className="housing-period">
        <div className="row">
          <div className="col-12 col-md-6">
            <DateField {...form.field('from')} />
          </div>
          <div className="col-12 col-md-6">
            <DateField {...form.field('to')} />
          </div>
        </div>
        <div className="mt-5">
          <button type="submit" className="button button-primary">
            {t('evictionMonitoring.show')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Totals({ report }: { report: MonitoringReport }) {
  const { t } = useTranslation();
  const figures: { key: string; value: ReactNode; hint?: string }[] = [
    { key: 'notices', value: formatReported(t, report.totals.notices) },
    { key: 'cases', value: formatReported(t, report.totals.cases) },
    {
      key: 'withChildren',
      value: formatReported(t, report.totals.withChildren),
      hint:
        report.shareWithChildren === null
          ? undefined
          : t('evictionMonitoring.totals.share', { share: shareText(t, report.shareWithChildren) }),
    },
    { key: 'averted', value: formatReported(t, report.totals.averted) },
    { key: 'evicted', value: formatReported(t, report.totals.evicted) },
    { key: 'moved', value: formatReported(t, report.totals.moved) },
    {
      key: 'medianDays',
      value: report.medianDaysToOutcome === null ? <NoValue /> : formatWhole(report.medianDaysToOutcome),
      hint: t('evictionMonitoring.totals.medianHint'),
    },
  ];
  // Outside case work (prevention.read) the server suppresses small numbers (rule 33): say how.
  const suppressed = !hasPermission(useSession().data?.user, 'prevention.read');
  return (
    <Section id="monitoring-totals" heading={t('evictionMonitoring.totals.heading')}>
      {suppressed ? <p className="form-hint">{t('evictionMonitoring.suppressionNote')}</p> : null}
      <ul className="housing-totals nobullet-list" aria-labelledby="monitoring-totals-heading">
        {figures.map((figure) => (
          <li key={figure.key} data-figure={figure.key}>
            <span className="housing-total-value">{figure.value}</span>{' '}
            <span className="housing-total-label">
              {t(`evictionMonitoring.totals.${figure.key}`)}
              {figure.hint ? <span className="d-block form-hint">{figure.hint}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function MonthsTable({ report }: { report: MonitoringReport }) {
  const { t } = useTranslation();
  const caption = t('evictionMonitoring.months.caption');
  return (
    <Section id="monitoring-months" heading={t('evictionMonitoring.months.heading')}>
      {report.months.length === 0 ? (
        <p>{t('evictionMonitoring.none')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evictionMonitoring.months.month')}</th>
                <th scope="col" className="align-text-right">
                  {t('evictionMonitoring.months.notices')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('evictionMonitoring.months.withChildren')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('evictionMonitoring.months.averted')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('evictionMonitoring.months.evicted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.months.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{monthText(month.month)}</th>
                  <td className="align-text-right">{formatReported(t, month.notices)}</td>
                  <td className="align-text-right">{formatReported(t, month.withChildren)}</td>
                  <td className="align-text-right">{formatReported(t, month.averted)}</td>
                  <td className="align-text-right">{formatReported(t, month.evicted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

function OrganisationsTable({ report }: { report: MonitoringReport }) {
  const { t } = useTranslation();
  const caption = t('evictionMonitoring.organisations.caption');
  return (
    <Section id="monitoring-organisations" heading={t('evictionMonitoring.organisations.heading')}>
      {report.byOrganisation.length === 0 ? (
        <p>{t('evictionMonitoring.none')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evictionMonitoring.organisations.organisation')}</th>
                <th scope="col" className="align-text-right">
                  {t('evictionMonitoring.organisations.notices')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('evictionMonitoring.organisations.evicted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.byOrganisation.map((row) => (
                <tr key={row.organisationId ?? 'none'}>
                  <th scope="row">{row.organisationName ?? t('evictionMonitoring.organisations.none')}</th>
                  <td className="align-text-right">{formatReported(t, row.notices)}</td>
                  <td className="align-text-right">{formatReported(t, row.evicted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

function DepartmentsTable({ report }: { report: MonitoringReport }) {
  const { t } = useTranslation();
  const caption = t('evictionMonitoring.departments.caption');
  const rising = report.byDepartment.filter((d) => d.rising).length;
  return (
    <Section id="monitoring-departments" heading={t('evictionMonitoring.departments.heading')}>
      <p>{t('evictionMonitoring.departments.intro')}</p>
      {report.byDepartment.length === 0 ? (
        <p>{t('evictionMonitoring.departments.none')}</p>
      ) : (
        <>
          <p>{t('evictionMonitoring.departments.rising', { count: rising })}</p>
          <TableScroll label={caption}>
            <table className="table table--zebra table--compact">
              <caption className="sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evictionMonitoring.departments.department')}</th>
                  <th scope="col">{t('evictionMonitoring.departments.organisation')}</th>
                  <th scope="col" className="align-text-right">
                    {t('evictionMonitoring.departments.notices')}
                  </th>
                  <th scope="col" className="align-text-right">
                    {t('evictionMonitoring.departments.last3Months')}
                  </th>
                  <th scope="col" className="align-text-right">
                    {t('evictionMonitoring.departments.previous3Months')}
                  </th>
                  <th scope="col">{t('evictionMonitoring.departments.trend')}</th>
                </tr>
              </thead>
              <tbody>
                {report.byDepartment.map((row) => (
                  <tr key={row.departmentId}>
                    <th scope="row">{row.departmentName}</th>
                    <td>{row.organisationName}</td>
                    <td className="align-text-right">{formatReported(t, row.notices)}</td>
                    <td className="align-text-right">{formatReported(t, row.last3Months)}</td>
                    <td className="align-text-right">{formatReported(t, row.previous3Months)}</td>
                    <td>
                      {row.rising ? (
                        <span className="badge badge-warning nowrap">
                          <Icon name="arrow-upward" /> {t('evictionMonitoring.departments.risingFlag')}
                        </span>
                      ) : (
                        <NoValue />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </Section>
  );
}

function MonitoringResult({ report, focus }: { report: MonitoringReport; focus: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a newly chosen period is the trigger.
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus, report.from, report.to]);
  const period = { from: isoToDanishDate(report.from), to: isoToDanishDate(report.to) };
  return (
    <>
      <h2 id="monitoring-heading" ref={heading} tabIndex={-1} className="citizen-section">
        {t('evictionMonitoring.resultHeading', period)}
      </h2>
      <ul className="nobullet-list housing-downloads">
        <li>
          <a href={monitoringXlsxHref(report.from, report.to)} download className="function-link">
            <Icon name="file-excel" />
            {t('evictionMonitoring.downloadXlsx')}
          </a>
        </li>
      </ul>
      <Totals report={report} />
      <MonthsTable report={report} />
      <OrganisationsTable report={report} />
      <DepartmentsTable report={report} />
    </>
  );
}

/**
 * /udsaettelser/overvaagning: how many notices and evictions, how many with children, how they ended
 * and how fast, by month, by housing organisation and by department (rising departments flagged).
 */
export function EvictionMonitoringPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const report = useMonitoring(period.from, period.to);
  const [asked, setAsked] = useState(false);
  return (
    <Page title={t('evictionMonitoring.title')}>
      <p className="font-lead">{t('evictionMonitoring.intro')}</p>
      <PeriodForm
        key={`${period.from}-${period.to}`}
        period={period}
        onShow={(next) => {
          setAsked(true);
          setParams({ fra: next.from, til: next.to });
        }}
      />
      <div role="status">{report.isFetching ? <Loading announce={false} /> : null}</div>
      <QueryState query={report} spinner={false}>
        {(data) => <MonitoringResult report={data} focus={asked} />}
      </QueryState>
    </Page>
  );
}
