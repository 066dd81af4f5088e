import { useTranslation } from 'react-i18next';
import { LENGTH_BANDS } from '../../../shared/shelters/statistics';
import { BarChart } from '../../components/chart';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatExpected, formatReported, formatWhole } from '../../i18n/format';
import { type StayLengths, useStayLengths } from './statistics.api';

/** A chart value: a suppressed count has no bar (the table says "under 5"). */
const value = (count: number | string) => (typeof count === 'number' ? count : null);

function Lengths({ data }: { data: StayLengths }) {
  const { t } = useTranslation();
  const nights = (n: number | null) => (n === null ? <NoValue /> : formatExpected(n));
  const rows = [
    ...data.shelters.map((s) => ({ key: s.id, name: s.name, f: s })),
    { key: 'total', name: t('stayLengths.total'), f: data.total },
  ];
  return (
    <>
      <Section id="stay-lengths-shelters" heading={t('stayLengths.perShelter')}>
        <p>
          {t('stayLengths.completedSince')} <DateText value={data.completedSince} />.
        </p>
        <TableScroll label={t('stayLengths.perShelter')}>
          <table className="table table--zebra table--compact">
            <caption className="sr-only">{t('stayLengths.perShelter')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stayLengths.shelter')}</th>
                <th scope="col" className="align-text-right">
                  {t('stayLengths.currentCount')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('stayLengths.currentMedian')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('stayLengths.completedCount')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('stayLengths.completedMedian')}
                </th>
                <th scope="col" className="align-text-right">
                  {t('stayLengths.completedMean')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ key, name, f }) => (
                <tr key={key}>
                  <th scope="row">{name}</th>
                  <td className="align-text-right">{formatReported(t, f.current.count)}</td>
                  <td className="align-text-right">{nights(f.current.medianNights)}</td>
                  <td className="align-text-right">{formatReported(t, f.completed.count)}</td>
                  <td className="align-text-right">{nights(f.completed.medianNights)}</td>
                  <td className="align-text-right">{nights(f.completed.meanNights)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p className="form-hint">{t('stayLengths.suppressionNote')}</p>
      </Section>
      <Section id="stay-lengths-distribution" heading={t('stayLengths.distributionHeading')}>
        <BarChart
          id="stay-length-distribution"
          title={t('stayLengths.distributionTitle')}
          labelHeader={t('stayLengths.band')}
          labels={LENGTH_BANDS.map((b) => t(`stayLengths.bands.${b.key}`))}
          series={data.shelters.map((s) => ({
            key: s.id,
            label: s.name,
            values: LENGTH_BANDS.map((b) => value(s.completed.distribution[b.key])),
            cells: LENGTH_BANDS.map((b) => formatReported(t, s.completed.distribution[b.key])),
          }))}
          valueFormat={formatWhole}
        />
      </Section>
      <Section id="stay-lengths-trend" heading={t('stayLengths.trendHeading')}>
        <BarChart
          id="stay-length-trend"
          title={t('stayLengths.trendTitle')}
          labelHeader={t('stayLengths.quarter')}
          labels={data.quarters.map((q) => q.quarter)}
          series={[
            {
              key: 'median',
              label: t('stayLengths.medianNights'),
              values: data.quarters.map((q) => q.medianNights),
            },
          ]}
          valueFormat={formatExpected}
        />
        <BarChart
          id="stay-count-trend"
          title={t('stayLengths.countTitle')}
          labelHeader={t('stayLengths.quarter')}
          labels={data.quarters.map((q) => q.quarter)}
          series={[
            {
              key: 'admitted',
              label: t('stayLengths.admitted'),
              values: data.quarters.map((q) => value(q.admitted)),
              cells: data.quarters.map((q) => formatReported(t, q.admitted)),
            },
            {
              key: 'completed',
              label: t('stayLengths.completed'),
              values: data.quarters.map((q) => value(q.completed)),
              cells: data.quarters.map((q) => formatReported(t, q.completed)),
            },
          ]}
          valueFormat={formatWhole}
        />
      </Section>
    </>
  );
}

/**
 * /herberg/opholdslaengder: how long stays last, per shelter and over time (issue 16 §10; the
 * reform aims to shorten them). Small numbers suppressed: the figures leave case work.
 */
export function StayLengthsPage() {
  const { t } = useTranslation();
  const query = useStayLengths();
  return (
    <Page title={t('stayLengths.title')}>
      <p>{t('stayLengths.intro')}</p>
      <QueryState query={query} loadingText={t('stayLengths.loading')} isEmpty={() => false}>
        {(data) => (data.shelters.length === 0 ? <p>{t('stayLengths.none')}</p> : <Lengths data={data} />)}
      </QueryState>
    </Page>
  );
}
