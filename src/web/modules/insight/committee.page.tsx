import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { danishNumber } from '../../../shared/format';
import { INTRODUCTION_MAX_LENGTH } from '../../../shared/insight/committee';
import type { ReportedScenario } from '../../../shared/planning/api';
import { type FieldError, settle } from '../../api';
import { BarChart } from '../../components/chart';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { NoValue } from '../../components/no-value';
import { type Notice, NoticeArea } from '../../components/notice-area';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { readDate } from '../../components/read-field';
import { Facts, Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { TextAreaField } from '../../components/text-area-field';
import { useForm } from '../../components/use-form';
import { formatKroner, formatPercent, formatReported, formatWhole, isoToDanishDate } from '../../i18n/format';
import { ComputedAt } from './computed-at';
import { IndicatorTable } from './indicator-table';
import {
  committeeFileHref,
  drawn,
  formatDateTime,
  monthLabel,
  type Period,
  periodProblems,
} from './steering';
import {
  type CommitteeReport,
  useCommitteeReport,
  useRefreshCommitteeReport,
  useSaveIntroduction,
} from './steering.api';

/** The period in the address (?fra=åååå-mm-dd&til=åååå-mm-dd), so a chosen report can be linked to. */
function usePeriod(): [Period | null, (period: Period) => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('fra');
  const to = params.get('til');
  const period = from && to ? { from, to } : null;
  return [period, (next) => setParams({ fra: next.from, til: next.to })];
}

/** The period picker: from and to (dd.mm.åååå), the end not before the start. */
function PeriodForm({ initial, onChoose }: { initial: Period; onChoose: (period: Period) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    formKey: 'insightReport',
    initial: () => ({ from: isoToDanishDate(initial.from), to: isoToDanishDate(initial.to) }),
    fields: {
      from: { id: 'committee-from', label: t('insightReport.period.from') },
      to: { id: 'committee-to', label: t('insightReport.period.to') },
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const from = readDate(form.values.from, 'from', problems, true);
    const to = readDate(form.values.to, 'to', problems, true);
    if (from && to) problems.push(...periodProblems(from, to));
    if (form.failed(problems) || !from || !to) return;
    form.clear();
    onChoose({ from, to });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="d-print-none" aria-labelledby="committee-period-heading">
      <h2 id="committee-period-heading">{t('insightReport.period.heading')}</h2>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <DateField {...form.field('from')} />
      <DateField {...form.field('to')} />
      <button type="submit" className="button button-primary">
        {t('insightReport.period.submit')}
      </button>
    </form>
  );
}

/** The introduction the administration writes for the period, with who wrote it last and when. */
function Introduction({ report }: { report: CommitteeReport }) {
  const { t } = useTranslation();
  const save = useSaveIntroduction();
  const [notice, setNotice] = useState<Notice | null>(null);
  const intro = report.introduction;
  const form = useForm({
    formKey: 'insightReport',
    initial: () => ({ text: intro.text }),
    fields: { text: { id: 'committee-introduction', label: t('insightReport.introduction.label') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const text = form.values.text.trim();
    if (form.failed(text.length > INTRODUCTION_MAX_LENGTH ? [{ path: 'text', code: 'too_long' }] : []))
      return;
    settle(
      save,
      { from: report.from, to: report.to, text },
      {
        onSuccess: () => {
          form.clear();
          setNotice({ kind: 'success', key: 'insightReport.introduction.saved' });
        },
        onError: form.reportError,
      },
    );
  };
  return (
    <Section id="committee-introduction" heading={t('insightReport.introduction.heading')}>
      <div className="d-none d-print-block">
        {intro.text === '' ? (
          <p>{t('insightReport.introduction.none')}</p>
        ) : (
          intro.text.split(/\n{2,}/).map((paragraph, i) => (
            // The paragraphs of one text, in order: their place is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <p key={i}>{paragraph}</p>
          ))
        )}
      </div>
      <form onSubmit={onSubmit} noValidate className="d-print-none">
        {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
        <TextAreaField
          {...form.field('text')}
          rows={8}
          maxLength={INTRODUCTION_MAX_LENGTH}
          hint={t('insightReport.introduction.hint', { max: formatWhole(INTRODUCTION_MAX_LENGTH) })}
        />
        <p id="committee-introduction-updated">
          {intro.updatedAt
            ? t('insightReport.introduction.updated', {
                name: intro.updatedByName ?? t('insightReport.introduction.unknownUser'),
                when: formatDateTime(t, intro.updatedAt),
              })
            : t('insightReport.introduction.neverUpdated')}
        </p>
        <NoticeArea notice={notice} />
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('insightReport.introduction.save')}
        </button>
      </form>
    </Section>
  );
}

/** The outcome indicators of the period: one row per value, with the basis it is taken over. */
function Indicators({ report }: { report: CommitteeReport }) {
  const { t } = useTranslation();
  return (
    <Section id="committee-indicators" heading={t('insightReport.indicators.heading')}>
      <p>{t('insightReport.indicators.intro')}</p>
      <IndicatorTable
        id="committee-indicators-table"
        indicators={report.indicators}
        caption={t('insightReport.indicators.caption')}
        empty={t('insightReport.indicators.none')}
      />
    </Section>
  );
}

/** Active, inflow and outflow at each month end of the period (rule 35). */
function Flow({ report }: { report: CommitteeReport }) {
  const { t, i18n } = useTranslation();
  const labels = report.flow.map((m) => monthLabel(m.monthEnd, i18n.language));
  const series = (key: 'active' | 'inflow' | 'outflow') => ({
    key,
    label: t(`insightReport.flow.${key}`),
    values: report.flow.map((m) => drawn(m[key])),
    cells: report.flow.map((m) => formatReported(t, m[key])),
  });
  return (
    <Section id="committee-flow" heading={t('insightReport.flow.heading')}>
      <p>{t('insightReport.flow.intro')}</p>
      {report.flow.length === 0 ? (
        <p>{t('insightReport.flow.none')}</p>
      ) : (
        <BarChart
          id="committee-flow"
          title={t('insightReport.flow.chart')}
          labelHeader={t('insightReport.flow.month')}
          labels={labels}
          series={[series('active'), series('inflow'), series('outflow')]}
          valueFormat={formatWhole}
        />
      )}
    </Section>
  );
}

/** The closed week-6 counts beside the national totals (rule 9). */
function Counts({ report }: { report: CommitteeReport }) {
  const { t } = useTranslation();
  const caption = t('insightReport.counts.caption');
  return (
    <Section id="committee-counts" heading={t('insightReport.counts.heading')}>
      {report.counts.length === 0 ? (
        <p>{t('insightReport.counts.none')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact" id="committee-counts-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insightReport.counts.year')}</th>
                <th scope="col" className="align-text-right">
                  {t('insightReport.counts.total')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('insightReport.counts.youth')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('insightReport.counts.national')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.counts.map((c) => (
                <tr key={c.year}>
                  <th scope="row">{c.year}</th>
                  <td className="align-text-right">{formatReported(t, c.total)}</td>
                  <td className="align-text-right">{formatReported(t, c.youth18to29)}</td>
                  <td className="align-text-right">
                    {c.national === null ? <NoValue /> : formatWhole(c.national)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

const YOUTH_COLUMNS = [
  'homeless18to24',
  'homeless25to29',
  'formerlyPlaced',
  'decisionsOnTime',
  'decisionsLate',
  'transitionsWithPlan',
  'transitionsWithoutPlan',
] as const;

/** The young people: homeless by age, formerly placed, § 111 decisions and transitions at 18. */
function Youth({ report }: { report: CommitteeReport }) {
  const { t } = useTranslation();
  const caption = t('insightReport.youth.caption');
  return (
    <Section id="committee-youth" heading={t('insightReport.youth.heading')}>
      {report.youth.length === 0 ? (
        <p>{t('insightReport.youth.none')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact" id="committee-youth-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insightReport.youth.year')}</th>
                {YOUTH_COLUMNS.map((c) => (
                  <th key={c} scope="col" className="align-text-right">
                    {t(`insightReport.youth.${c}`)}
                  </th>
                ))}
                <th scope="col" className="align-text-right">
                  {t('insightReport.youth.formerlyPlacedPercent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.youth.map((y) => (
                <tr key={y.year}>
                  <th scope="row">
                    {t('insightReport.youth.yearOn', { year: y.year, date: isoToDanishDate(y.onDate) })}
                  </th>
                  {YOUTH_COLUMNS.map((c) => (
                    <td key={c} className="align-text-right">
                      {formatReported(t, y[c])}
                    </td>
                  ))}
                  <td className="align-text-right">
                    {y.formerlyPlacedPercent === null ? (
                      <NoValue />
                    ) : (
                      formatPercent(t, y.formerlyPlacedPercent)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

/** Eviction prevention in the period: notices, cases and how they ended. */
function Prevention({ report }: { report: CommitteeReport }) {
  const { t } = useTranslation();
  const p = report.prevention;
  const heading = t('insightReport.prevention.heading');
  return (
    <Section id="committee-prevention" heading={heading}>
      <Facts
        label={heading}
        items={(['notices', 'cases', 'averted', 'moved', 'evicted', 'open'] as const).map((key) => ({
          label: t(`insightReport.prevention.${key}`),
          value: formatReported(t, p[key]),
        }))}
      />
    </Section>
  );
}

/** The waiting list now and at the budget follow-ups of the period. */
function WaitingList({ report }: { report: CommitteeReport }) {
  const { t } = useTranslation();
  const w = report.waitingList;
  const heading = t('insightReport.waiting.heading');
  const caption = t('insightReport.waiting.caption');
  return (
    <Section id="committee-waiting" heading={heading}>
      <Facts
        label={heading}
        items={[{ label: t('insightReport.waiting.now'), value: formatReported(t, w.now) }]}
      />
      {w.snapshots.length === 0 ? (
        <p>{t('insightReport.waiting.none')}</p>
      ) : (
        <TableScroll label={caption}>
          <table className="table table--zebra table--compact" id="committee-waiting-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('insightReport.waiting.snapshot')}</th>
                <th scope="col">{t('insightReport.waiting.takenOn')}</th>
                <th scope="col" className="align-text-right">
                  {t('insightReport.waiting.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {w.snapshots.map((s) => (
                <tr key={`${s.takenOn}-${s.label}`}>
                  <th scope="row">{s.label}</th>
                  <td>
                    <DateText value={s.takenOn} />
                  </td>
                  <td className="align-text-right">{formatReported(t, s.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  );
}

/** A forecast band: the mean and the 80 % band, "38 (34–42)". */
function bandText(band: { mean: number; low: number; high: number } | null | undefined, decimals = 0) {
  if (!band) return null;
  const n = (v: number) => danishNumber(v, decimals);
  return `${n(band.mean)} (${n(band.low)}–${n(band.high)})`;
}

/** What a scenario changes against the baseline, in the reader's language (issue 19 §3). */
function scenarioChanges(t: TFunction, scenario: ReportedScenario): string[] {
  const s = scenario.scenario;
  return [
    ...Object.entries(s.quotaPercent ?? {}).map(([id, quota]) =>
      t('insightReport.planning.quota', {
        organisation: scenario.organisationNames[id] ?? '–',
        quota: danishNumber(quota, 0, 1),
      }),
    ),
    ...(s.builds ?? []).map((b) =>
      t('insightReport.planning.build', {
        units: formatWhole(b.units),
        date: isoToDanishDate(b.readyDate),
        share: danishNumber(b.allocationPercent, 0, 1),
      }),
    ),
    ...Object.entries(s.staffing ?? {}).flatMap(([method, staffing]) =>
      staffing
        ? [
            t('insightReport.planning.staffing', {
              method: method.toUpperCase(),
              fte: staffing.fte === undefined ? '–' : danishNumber(staffing.fte, 0, 1),
              norm: staffing.caseloadNorm == null ? '–' : formatWhole(staffing.caseloadNorm),
            }),
          ]
        : [],
    ),
    ...(s.shelterStayMonths === undefined
      ? []
      : [t('insightReport.planning.stay', { months: danishNumber(s.shelterStayMonths, 0, 1) })]),
    ...(s.preventionSuccessPercent === undefined
      ? []
      : [
          t('insightReport.planning.prevention', { percent: danishNumber(s.preventionSuccessPercent, 0, 1) }),
        ]),
  ];
}

/**
 * The planning scenarios added to the report (issue 19 §4): what each changes, a chart of the
 * expected waiting list at each forecast year's end with its table, and the years' key figures with
 * their bands.
 */
function Planning({ report }: { report: CommitteeReport }) {
  const { t } = useTranslation();
  const caption = t('insightReport.planning.caption');
  const years = report.planning[0]?.years ?? [];
  return (
    <Section id="committee-planning" heading={t('insightReport.planning.heading')}>
      {report.planning.length === 0 ? (
        <p>{t('insightReport.planning.none')}</p>
      ) : (
        <>
          <p>{t('insightReport.planning.intro')}</p>
          <ul>
            {report.planning.map((scenario) => {
              const changes = scenarioChanges(t, scenario);
              return (
                <li key={scenario.id}>
                  <strong>{scenario.name}</strong>:{' '}
                  {changes.length === 0 ? t('insightReport.planning.unchanged') : changes.join('; ')}
                </li>
              );
            })}
          </ul>
          <BarChart
            id="committee-planning"
            title={t('insightReport.planning.chart')}
            labelHeader={t('insightReport.planning.year')}
            labels={years.map((y) => t('insightReport.planning.yearLabel', { year: y.year }))}
            series={report.planning.map((scenario, i) => ({
              key: `scenario-${i}`,
              label: scenario.name,
              values: scenario.years.map((y) => Math.round(y.waiting.mean)),
            }))}
            valueFormat={formatWhole}
            headingLevel="h3"
          />
          <TableScroll label={caption}>
            <table className="table table--zebra table--compact" id="committee-planning-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insightReport.planning.scenario')}</th>
                  <th scope="col">{t('insightReport.planning.year')}</th>
                  <th scope="col" className="align-text-right">
                    {t('insightReport.planning.waiting')}
                  </th>
                  <th scope="col" className="align-text-right">
                    {t('insightReport.planning.waitingMonths')}
                  </th>
                  <th scope="col" className="align-text-right">
                    {t('insightReport.planning.countWeek6')}
                  </th>
                  <th scope="col" className="align-text-right">
                    {t('insightReport.planning.shelterDays')}
                  </th>
                  <th scope="col" className="align-text-right">
                    {t('insightReport.planning.netCost')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.planning.flatMap((scenario) =>
                  scenario.years.map((y) => (
                    <tr key={`${scenario.id}-${y.year}`}>
                      <th scope="row">{scenario.name}</th>
                      <td>{t('insightReport.planning.yearLabel', { year: y.year })}</td>
                      <td className="align-text-right">{bandText(y.waiting)}</td>
                      <td className="align-text-right">{bandText(y.waitingMonths, 1) ?? <NoValue />}</td>
                      <td className="align-text-right">{bandText(y.countWeek6?.homeless) ?? <NoValue />}</td>
                      <td className="align-text-right">{formatWhole(y.shelterDays)}</td>
                      <td className="align-text-right">{formatKroner(t, y.netCost)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </TableScroll>
          <p className="form-hint">{t('insightReport.planning.note')}</p>
        </>
      )}
    </Section>
  );
}

/** The report's files and the print button. */
function Downloads({ report }: { report: CommitteeReport }) {
  const { t } = useTranslation();
  const period = { from: report.from, to: report.to };
  return (
    <ul className="nobullet-list housing-downloads d-print-none">
      <li>
        <a href={committeeFileHref(period, 'pdf')} download className="function-link">
          {t('insightReport.files.pdf')}
        </a>
      </li>
      <li>
        <a href={committeeFileHref(period, 'xlsx')} download className="function-link">
          {t('insightReport.files.xlsx')}
        </a>
      </li>
      <li>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('insightReport.files.print')}
        </button>
      </li>
    </ul>
  );
}

function Report({ report, period }: { report: CommitteeReport; period: Period | null }) {
  const { t } = useTranslation();
  const refresh = useRefreshCommitteeReport(period);
  return (
    <>
      <p>
        {t('insightReport.summary', {
          municipality: report.municipality,
          from: isoToDanishDate(report.from),
          to: isoToDanishDate(report.to),
          madeOn: isoToDanishDate(report.madeOn),
        })}
      </p>
      <ComputedAt
        computedAt={report.computedAt}
        computing={refresh.isPending}
        onRefresh={() => refresh.mutate()}
      />
      <Downloads report={report} />
      <Introduction key={`${report.from}/${report.to}`} report={report} />
      <Indicators report={report} />
      <Flow report={report} />
      <Counts report={report} />
      <Youth report={report} />
      <Prevention report={report} />
      <WaitingList report={report} />
      <Planning report={report} />
      <p className="form-hint">{t('insightReport.suppressionNote')}</p>
    </>
  );
}

/**
 * /indsigt/udvalgsrapport: the status to the social committee of a chosen period (issue 18 §5) —
 * the introduction the administration writes, the outcome indicators, the monthly flow, the week-6
 * counts beside the national totals, the young people's transitions, eviction prevention and the
 * waiting list — with the same report as PDF and XLSX, and a layout that prints. Figures only, small
 * numbers suppressed as the server sends them.
 */
export function CommitteeReportPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = usePeriod();
  const query = useCommitteeReport(period);
  const shown = period ?? (query.data ? { from: query.data.from, to: query.data.to } : null);
  return (
    <Page title={t('insightReport.title')}>
      <p>{t('insightReport.intro')}</p>
      {shown ? <PeriodForm key={`${shown.from}/${shown.to}`} initial={shown} onChoose={setPeriod} /> : null}
      <QueryState query={query} loadingText={t('insightReport.loading')}>
        {(report) => <Report report={report} period={period} />}
      </QueryState>
    </Page>
  );
}
