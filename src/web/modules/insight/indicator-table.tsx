import { useTranslation } from 'react-i18next';
import type { ReportedIndicator } from '../../../shared/insight/indicators';
import { NoValue } from '../../components/no-value';
import { TableScroll } from '../../components/table-scroll';
import { formatReported } from '../../i18n/format';
import { formatIndicatorValue } from './steering';

/**
 * The outcome indicators of a period as one table (the committee report and the leader's
 * dashboard): a row per value with the basis it is taken over, suppressed values as reported.
 */
export function IndicatorTable({
  indicators,
  caption,
  empty,
  id,
}: {
  indicators: readonly ReportedIndicator[];
  /** The table's id, where a page links to it. */
  id?: string;
  caption: string;
  /** Shown instead of the table when there is no indicator. */
  empty: string;
}) {
  const { t } = useTranslation();
  if (indicators.length === 0) return <p>{empty}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insightReport.indicators.indicator')}</th>
            <th scope="col" className="align-text-right">
              {t('insightReport.indicators.value')}
            </th>
            <th scope="col" className="align-text-right">
              {t('insightReport.indicators.basis')}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.flatMap((indicator) =>
            Object.entries(indicator.values).map(([key, value]) => {
              const text = formatIndicatorValue(t, key, value);
              return (
                <tr key={`${indicator.key}-${key}`}>
                  <th scope="row">
                    {t(`insightReport.indicators.names.${indicator.key}`)},{' '}
                    {t(`insightReport.indicators.values.${key}`, { defaultValue: key })}
                  </th>
                  <td className="align-text-right">{text ?? <NoValue />}</td>
                  <td className="align-text-right">
                    {t(`insightReport.indicators.units.${indicator.unit}`, {
                      n: formatReported(t, indicator.n),
                    })}
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
