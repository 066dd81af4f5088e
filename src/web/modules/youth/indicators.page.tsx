import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReportedCount } from '../../../shared/suppression';
import type { YouthIndicators } from '../../../shared/youth/indicators';
import { api } from '../../api';
import { BarChart } from '../../components/chart';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatPercent, formatReported, formatWhole } from '../../i18n/format';
import { YOUTH_KEY } from './youth.api';

function useYouthIndicators() {
  return useQuery({
    queryKey: [...YOUTH_KEY, 'indicators'],
    queryFn: ({ signal }) => api.get<YouthIndicators>('/api/youth/indicators', { signal }),
  });
}

/** A chart value: a suppressed count has no bar (the table says "under 5" or "hidden"). */
const value = (count: ReportedCount) => (typeof count === 'number' ? count : null);

function Indicators({ data }: { data: YouthIndicators }) {
  const { t } = useTranslation();
  const years = data.years.map((y) => String(y.year));
  const pair = (
    id: string,
    title: string,
    a: { key: string; label: string; pick: (y: YouthIndicators['years'][number]) => ReportedCount },
    b: { key: string; label: string; pick: (y: YouthIndicators['years'][number]) => ReportedCount },
  ) => (
    <BarChart
      id={id}
      title={title}
      labelHeader={t('youthIndicators.year')}
      labels={years}
      series={[a, b].map((s) => ({
        key: s.key,
        label: s.label,
        values: data.years.map((y) => value(s.pick(y))),
        cells: data.years.map((y) => formatReported(t, s.pick(y))),
      }))}
      valueFormat={formatWhole}
    />
  );
  return (
    <>
      <Section id="youth-indicators-homeless" heading={t('youthIndicators.homelessHeading')}>
        {pair(
          'youth-homeless',
          t('youthIndicators.homelessTitle'),
          { key: 'age18to24', label: t('youthIndicators.age18to24'), pick: (y) => y.homeless18to24 },
          { key: 'age25to29', label: t('youthIndicators.age25to29'), pick: (y) => y.homeless25to29 },
        )}
      </Section>
      <Section id="youth-indicators-national" heading={t('youthIndicators.nationalHeading')}>
        <p>{t('youthIndicators.nationalIntro')}</p>
        <TableScroll label={t('youthIndicators.nationalHeading')}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('youthIndicators.nationalHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('youthIndicators.year')}</th>
                <th scope="col" className="align-text-right">
                  {t('youthIndicators.age18to24')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('youthIndicators.age25to29')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.national.map((n) => (
                <tr key={n.year}>
                  <th scope="row">{n.year}</th>
                  <td className="align-text-right">{formatWhole(n.age18to24)}</td>
                  <td className="align-text-right">{formatWhole(n.age25to29)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Section>
      <Section id="youth-indicators-placed" heading={t('youthIndicators.placedHeading')}>
        <TableScroll label={t('youthIndicators.placedHeading')}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('youthIndicators.placedHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('youthIndicators.year')}</th>
                <th scope="col" className="align-text-right">
                  {t('youthIndicators.formerlyPlaced')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('youthIndicators.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="align-text-right">{formatReported(t, y.formerlyPlaced)}</td>
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
      </Section>
      <Section id="youth-indicators-decisions" heading={t('youthIndicators.decisionsHeading')}>
        {pair(
          'youth-decisions',
          t('youthIndicators.decisionsTitle'),
          { key: 'onTime', label: t('youthIndicators.onTime'), pick: (y) => y.decisionsOnTime },
          { key: 'late', label: t('youthIndicators.late'), pick: (y) => y.decisionsLate },
        )}
      </Section>
      <Section id="youth-indicators-transitions" heading={t('youthIndicators.transitionsHeading')}>
        {pair(
          'youth-transitions',
          t('youthIndicators.transitionsTitle'),
          { key: 'withPlan', label: t('youthIndicators.withPlan'), pick: (y) => y.transitionsWithPlan },
          {
            key: 'withoutPlan',
            label: t('youthIndicators.withoutPlan'),
            pick: (y) => y.transitionsWithoutPlan,
          },
        )}
      </Section>
      <p className="form-hint">{t('youthIndicators.suppressionNote')}</p>
    </>
  );
}

/**
 * /unge/indikatorer: the youth indicators for the leader (issue 17 §8), per year of the last five,
 * with the national count beside them. Small numbers suppressed: the figures leave case work.
 */
export function YouthIndicatorsPage() {
  const { t } = useTranslation();
  const query = useYouthIndicators();
  return (
    <Page title={t('youthIndicators.title')}>
      <p>{t('youthIndicators.intro')}</p>
      <QueryState query={query} loadingText={t('youthIndicators.loading')} isEmpty={() => false}>
        {(data) => (
          <>
            <p>
              {t('youthIndicators.asOf')} <DateText value={data.asOf} />.
            </p>
            <Indicators data={data} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
