import { useTranslation } from 'react-i18next';
import { AGE_BANDS } from '../../../shared/citizens/status';
import { INFLOW_KINDS, OUTFLOW_KINDS } from '../../../shared/insight/flow';
import type { ReportedFlowMonth } from '../../../shared/insight/report';
import type { ReportedCount } from '../../../shared/suppression';
import { BarChart } from '../../components/chart';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatReported, formatWhole } from '../../i18n/format';
import { type InsightFlow, useMonthlyFlow } from './insight.api';

/** A chart value: a suppressed count has no bar (the table says "under 5" or "hidden"). */
const value = (count: ReportedCount) => (typeof count === 'number' ? count : null);

/** "nov. 2026" / "Nov 2026"; the current month, judged on today, says so. */
function useMonthLabel(asOf: string) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language.startsWith('en') ? 'en-GB' : 'da-DK', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (monthEnd: string) => {
    const name = format.format(new Date(`${monthEnd}T00:00:00Z`));
    return monthEnd === asOf ? t('insightFlow.toDate', { month: name }) : name;
  };
}

/** Active, inflow and outflow of one population: two charts (each with its table) and the full table. */
function FlowSection({
  id,
  heading,
  months,
  label,
}: {
  id: string;
  heading: string;
  months: readonly ReportedFlowMonth[];
  label: (monthEnd: string) => string;
}) {
  const { t } = useTranslation();
  const labels = months.map((m) => label(m.monthEnd));
  const series = (key: 'active' | 'inflow' | 'outflow') => ({
    key,
    label: t(`insightFlow.${key}`),
    values: months.map((m) => value(m[key])),
    cells: months.map((m) => formatReported(t, m[key])),
  });
  const caption = t('insightFlow.tableCaption', { heading });
  const columns = [...INFLOW_KINDS, 'inflow', ...OUTFLOW_KINDS, 'outflow'] as const;
  return (
    <Section id={id} heading={heading}>
      <BarChart
        id={`${id}-active`}
        title={t('insightFlow.activeTitle')}
        labelHeader={t('insightFlow.month')}
        labels={labels}
        series={[series('active')]}
        valueFormat={formatWhole}
      />
      <BarChart
        id={`${id}-flow`}
        title={t('insightFlow.flowTitle')}
        labelHeader={t('insightFlow.month')}
        labels={labels}
        series={[series('inflow'), series('outflow')]}
        valueFormat={formatWhole}
      />
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insightFlow.month')}</th>
              <th scope="col" className="align-text-right">
                {t('insightFlow.activeBefore')}
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" className="align-text-right">
                  {t(`insightFlow.${c}`)}
                </th>
              ))}
              <th scope="col" className="align-text-right">
                {t('insightFlow.active')}
              </th>
              <th scope="col">{t('insightFlow.balanced')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.monthEnd}>
                <th scope="row">{label(m.monthEnd)}</th>
                <td className="align-text-right">{formatReported(t, m.activeBefore)}</td>
                {columns.map((c) => (
                  <td key={c} className="align-text-right">
                    {formatReported(t, m[c])}
                  </td>
                ))}
                <td className="align-text-right">{formatReported(t, m.active)}</td>
                <td>
                  {m.balanced === null ? <NoValue /> : t(m.balanced ? 'insightFlow.yes' : 'insightFlow.no')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

/** Active, inflow and outflow per age band and month. */
function BandsSection({ data, label }: { data: InsightFlow; label: (monthEnd: string) => string }) {
  const { t } = useTranslation();
  const caption = t('insightFlow.bandsCaption');
  return (
    <Section id="insight-flow-bands" heading={t('insightFlow.bandsHeading')}>
      <p>{t('insightFlow.bandsIntro')}</p>
      <TableScroll label={caption}>
        <table className="table table--zebra table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('insightFlow.month')}
              </th>
              {AGE_BANDS.map((band) => (
                <th key={band} scope="colgroup" colSpan={3}>
                  {t(`insightFlow.bands.${band}`)}
                </th>
              ))}
            </tr>
            <tr>
              {AGE_BANDS.map((band) =>
                (['active', 'inflow', 'outflow'] as const).map((measure) => (
                  <th key={`${band}-${measure}`} scope="col" className="align-text-right">
                    {t(`insightFlow.short.${measure}`)}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {data.byAgeBand.map((m) => (
              <tr key={m.monthEnd}>
                <th scope="row">{label(m.monthEnd)}</th>
                {m.bands.map((b) =>
                  (['active', 'inflow', 'outflow'] as const).map((measure) => (
                    <td key={`${b.band}-${measure}`} className="align-text-right">
                      {formatReported(t, b[measure])}
                    </td>
                  )),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
}

function Flow({ data }: { data: InsightFlow }) {
  const { t } = useTranslation();
  const label = useMonthLabel(data.asOf);
  return (
    <>
      <FlowSection
        id="insight-flow-overall"
        heading={t('insightFlow.overallHeading')}
        months={data.overall}
        label={label}
      />
      <FlowSection
        id="insight-flow-youth"
        heading={t('insightFlow.youthHeading')}
        months={data.youth}
        label={label}
      />
      <BandsSection data={data} label={label} />
      <Section id="insight-flow-definitions" heading={t('insightFlow.definitionsHeading')}>
        <dl>
          {(['active', ...INFLOW_KINDS, ...OUTFLOW_KINDS, 'balanced'] as const).map((key) => (
            <div key={key}>
              <dt>{t(`insightFlow.${key}`)}</dt>
              <dd>{t(`insightFlow.definitions.${key}`, { ...data.policy })}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <p className="form-hint">{t('insightFlow.suppressionNote')}</p>
    </>
  );
}

/** Nobody on the list in the window: nothing to show. */
const isEmpty = (data: InsightFlow) =>
  data.overall.every((m) => m.activeBefore === 0 && m.active === 0 && m.inflow === 0 && m.outflow === 0);

/**
 * /indsigt/flow: the monthly by-name flow of Built for Zero (issue 18 §2, rule 35) for the last 24
 * months: active at each month end, inflow and outflow by kind, for everyone, for the young people
 * aged 18–29 and by age band. Figures only, small numbers suppressed: they leave case work.
 */
export function FlowPage() {
  const { t } = useTranslation();
  const query = useMonthlyFlow();
  return (
    <Page title={t('insightFlow.title')}>
      <p>{t('insightFlow.intro')}</p>
      <QueryState
        query={query}
        loadingText={t('insightFlow.loading')}
        isEmpty={isEmpty}
        empty={<p>{t('insightFlow.empty')}</p>}
      >
        {(data) => (
          <>
            <p>
              {t('insightFlow.asOf')} <DateText value={data.asOf} />.{' '}
              {t('insightFlow.policy', {
                noContactDays: data.policy.noContactDays,
                institutionDays: data.policy.institutionDays,
              })}
            </p>
            <Flow data={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
