import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../../shared/allocation/model';
import { ALLOCATION_FLOW, type DashboardSeries, PREVENTION_FLOW } from '../../../shared/insight/dashboard';
import { BarChart, type ChartSeries } from '../../components/chart';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatKroner, formatReported, formatWhole } from '../../i18n/format';
import { ComputedAt } from './computed-at';
import { type Dashboard, useDashboard, useRefreshDashboard } from './dashboard.api';
import { IndicatorTable } from './indicator-table';
import { drawn, monthLabel } from './steering';

/** The chart series of a monthly count series: bars where shown, the table's cells as reported. */
function useCountSeries<K extends string>(
  data: DashboardSeries<K>,
  keys: readonly K[],
  label: (key: K) => string,
): { labels: string[]; series: ChartSeries[] } {
  const { t, i18n } = useTranslation();
  return {
    labels: data.months.map((m) => monthLabel(m.month, i18n.language)),
    series: keys.map((key) => ({
      key,
      label: label(key),
      values: data.months.map((m) => drawn(m[key])),
      cells: data.months.map((m) => formatReported(t, m[key])),
    })),
  };
}

/** A small table of figures: a row header and a value per row, with a caption. */
function FigureTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly { key: string; label: string; value: ReactNode }[];
}) {
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="align-text-right">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The period's total of each column of a series, under the chart. */
function Totals<K extends string>({
  data,
  keys,
  label,
}: {
  data: DashboardSeries<K>;
  keys: readonly K[];
  label: (key: K) => string;
}) {
  const { t } = useTranslation();
  return (
    <FigureTable
      caption={t('insightDashboard.totals')}
      rows={keys.map((key) => ({ key, label: label(key), value: formatReported(t, data.totals[key]) }))}
    />
  );
}

function Outcomes({ data }: { data: NonNullable<Dashboard['outcomes']> }) {
  const { t, i18n } = useTranslation();
  const labels = data.flow.map((m) => monthLabel(m.monthEnd, i18n.language));
  const series = (key: 'active' | 'inflow' | 'outflow') => ({
    key,
    label: t(`insightDashboard.outcomes.${key}`),
    values: data.flow.map((m) => drawn(m[key])),
    cells: data.flow.map((m) => formatReported(t, m[key])),
  });
  return (
    <Section id="dashboard-outcomes" heading={t('insightDashboard.outcomes.heading')}>
      <p>{t('insightDashboard.outcomes.intro')}</p>
      <IndicatorTable
        indicators={data.indicators}
        caption={t('insightDashboard.outcomes.caption')}
        empty={t('insightDashboard.outcomes.none')}
      />
      <BarChart
        id="dashboard-active"
        title={t('insightDashboard.outcomes.activeChart')}
        labelHeader={t('insightDashboard.month')}
        labels={labels}
        series={[series('active')]}
        valueFormat={formatWhole}
      />
      <BarChart
        id="dashboard-flow"
        title={t('insightDashboard.outcomes.flowChart')}
        labelHeader={t('insightDashboard.month')}
        labels={labels}
        series={[series('inflow'), series('outflow')]}
        valueFormat={formatWhole}
      />
    </Section>
  );
}

function Economy({ data }: { data: NonNullable<Dashboard['economy']> }) {
  const { t, i18n } = useTranslation();
  const kr = (v: number) => formatKroner(t, v);
  const money = (v: number | null) => (v === null ? null : kr(v));
  const series = (key: 'costs' | 'refunds' | 'net') => ({
    key,
    label: t(`insightDashboard.economy.${key}`),
    values: data.months.map((m) => m[key]),
    cells: data.months.map((m) => money(m[key])),
  });
  const supplyKeys = ['agreed', 'received', 'used', 'returnedUnused'] as const;
  return (
    <Section id="dashboard-economy" heading={t('insightDashboard.economy.heading')}>
      <p>{t('insightDashboard.economy.intro')}</p>
      <BarChart
        id="dashboard-costs"
        title={t('insightDashboard.economy.chart')}
        labelHeader={t('insightDashboard.month')}
        labels={data.months.map((m) => monthLabel(m.month, i18n.language))}
        series={[series('costs'), series('refunds'), series('net')]}
        valueFormat={kr}
      />
      <FigureTable
        caption={t('insightDashboard.totals')}
        rows={(['costs', 'refunds', 'net'] as const).map((key) => ({
          key,
          label: t(`insightDashboard.economy.total.${key}`),
          value: data.total[key] === null ? <NoValue /> : kr(data.total[key]),
        }))}
      />
      <h3>{t('insightDashboard.economy.supplyHeading')}</h3>
      <FigureTable
        caption={t('insightDashboard.economy.supplyCaption')}
        rows={[
          ...supplyKeys.map((key) => ({
            key,
            label: t(`insightDashboard.economy.supply.${key}`),
            value: data.supply[key].toLocaleString('da-DK'),
          })),
          {
            key: 'waiting',
            label: t('insightDashboard.waitingList'),
            value: formatReported(t, data.waitingList),
          },
        ]}
      />
    </Section>
  );
}

function Allocation({ data }: { data: NonNullable<Dashboard['allocation']> }) {
  const { t } = useTranslation();
  const label = (key: (typeof ALLOCATION_FLOW)[number]) => t(`insightDashboard.allocation.${key}`);
  const chart = useCountSeries(data.flow, ALLOCATION_FLOW, label);
  return (
    <Section id="dashboard-allocation" heading={t('insightDashboard.allocation.heading')}>
      <p>{t('insightDashboard.allocation.intro')}</p>
      <BarChart
        id="dashboard-allocation-flow"
        title={t('insightDashboard.allocation.chart')}
        labelHeader={t('insightDashboard.month')}
        labels={chart.labels}
        series={chart.series}
        valueFormat={formatWhole}
      />
      <Totals data={data.flow} keys={ALLOCATION_FLOW} label={label} />
      <FigureTable
        caption={t('insightDashboard.allocation.waitingCaption')}
        rows={[
          ...PRIORITIES.map((priority) => ({
            key: priority,
            label: t(`insightDashboard.allocation.priority.${priority}`),
            value: formatReported(t, data.waitingList.byPriority[priority] ?? 0),
          })),
          {
            key: 'total',
            label: t('insightDashboard.waitingList'),
            value: formatReported(t, data.waitingList.total),
          },
        ]}
      />
    </Section>
  );
}

function Prevention({ data }: { data: NonNullable<Dashboard['prevention']> }) {
  const { t } = useTranslation();
  const label = (key: (typeof PREVENTION_FLOW)[number]) => t(`insightDashboard.prevention.${key}`);
  const chart = useCountSeries(data.flow, PREVENTION_FLOW, label);
  return (
    <Section id="dashboard-prevention" heading={t('insightDashboard.prevention.heading')}>
      <p>{t('insightDashboard.prevention.intro')}</p>
      <BarChart
        id="dashboard-prevention-flow"
        title={t('insightDashboard.prevention.chart')}
        labelHeader={t('insightDashboard.month')}
        labels={chart.labels}
        series={chart.series}
        valueFormat={formatWhole}
      />
      <Totals data={data.flow} keys={PREVENTION_FLOW} label={label} />
    </Section>
  );
}

/**
 * /indsigt: the dashboard of the last 12 months (issue 18 §4) with the sections the user's role
 * steers by — the leader every outcome indicator and the flow, the economy role costs and supply,
 * the allocation and prevention teams their monthly flow — each chart with its table, printable.
 * Figures only, small numbers suppressed at the municipality's limit.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const query = useDashboard();
  const refresh = useRefreshDashboard();
  return (
    <Page title={t('insightDashboard.title')}>
      <p>{t('insightDashboard.intro')}</p>
      <QueryState query={query} loadingText={t('insightDashboard.loading')}>
        {(data) => (
          <>
            <p>
              {t('insightDashboard.period')} <DateText value={data.from} />–<DateText value={data.asOf} />.{' '}
              <button
                type="button"
                className="button button-secondary d-print-none"
                onClick={() => window.print()}
              >
                {t('insightDashboard.print')}
              </button>
            </p>
            <ComputedAt
              computedAt={data.computedAt}
              computing={refresh.isPending}
              onRefresh={() => refresh.mutate()}
            />
            {data.outcomes && <Outcomes data={data.outcomes} />}
            {data.economy && <Economy data={data.economy} />}
            {data.allocation && <Allocation data={data.allocation} />}
            {data.prevention && <Prevention data={data.prevention} />}
            <p className="form-hint">{t('insightDashboard.suppressionNote')}</p>
          </>
        )}
      </QueryState>
    </Page>
  );
}
