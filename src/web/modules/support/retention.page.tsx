import { useTranslation } from 'react-i18next';
import { RETENTION_MONTHS } from '../../../shared/support/model';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { TableScroll } from '../../components/table-scroll';
import { formatDate } from '../../i18n/format';
import { type RetentionReport, useRetention } from './support.api';
import { reported } from './support-format';

function RetentionTable({ data, group }: { data: RetentionReport; group: 'all' | 'method' | 'team' }) {
  const { t } = useTranslation();
  const rows = data.rows.filter((r) => r.group === group);
  const caption = t(`retention.captions.${group}`);
  const label = (key: string) =>
    key === 'all'
      ? t('retention.all')
      : key === 'none'
        ? t('retention.none')
        : group === 'method'
          ? t(`support.methods.${key}`)
          : key;
  if (rows.length === 0) return <p>{t('retention.noRows')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`retention.groups.${group}`)}</th>
            <th scope="col" className="align-text-right">
              {t('retention.tenancies')}
            </th>
            {RETENTION_MONTHS.map((m) => (
              <th key={m} scope="col" className="align-text-right">
                {t('retention.after', { months: m })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{label(r.key)}</th>
              <td className="align-text-right">{reported(t, r.tenancies)}</td>
              {RETENTION_MONTHS.map((m) => {
                const cell = r.cells[`m${m}`];
                return (
                  <td key={m} className="align-text-right">
                    {cell.due === 0 ? (
                      <NoValue />
                    ) : (
                      t('retention.cell', {
                        housed: reported(t, cell.housed),
                        due: reported(t, cell.due),
                        percent: cell.percent === null ? '' : ` (${cell.percent.toLocaleString('da-DK')} %)`,
                      })
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** /stoette/boligfastholdelse: whether citizens housed by allocation still live there after 3–24 months. */
export function RetentionPage() {
  const { t } = useTranslation();
  const retention = useRetention();
  return (
    <Page title={t('retention.title')}>
      <p className="font-lead">{t('retention.intro')}</p>
      <p>{t('support.suppressionNote')}</p>
      <QueryState query={retention}>
        {(data) => (
          <>
            <p>{t('retention.onDate', { date: formatDate(data.onDate) })}</p>
            <Section id="retention-all" heading={t('retention.allHeading')}>
              <RetentionTable data={data} group="all" />
            </Section>
            <Section id="retention-method" heading={t('retention.methodHeading')}>
              <RetentionTable data={data} group="method" />
            </Section>
            <Section id="retention-team" heading={t('retention.teamHeading')}>
              <RetentionTable data={data} group="team" />
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
