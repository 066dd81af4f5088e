import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateText } from '../../components/date-text';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { TableScroll } from '../../components/table-scroll';
import { PageTasks } from '../tasks';
import { useYoungPeople, type YoungPersonItem } from './youth.api';

function PlacedCell({ p }: { p: YoungPersonItem }) {
  const { t } = useTranslation();
  if (p.placedNow) return <>{t('youth.placedNow')}</>;
  if (p.formerlyPlaced) return <>{t('youth.formerlyPlaced')}</>;
  return <>{t('youth.notPlaced')}</>;
}

function YouthTable({ items }: { items: YoungPersonItem[] }) {
  const { t } = useTranslation();
  const caption = t('youth.caption');
  return (
    <TableScroll label={caption}>
      <table className="table table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('youth.name')}</th>
            <th scope="col">{t('youth.age')}</th>
            <th scope="col">{t('youth.situation')}</th>
            <th scope="col">{t('youth.education')}</th>
            <th scope="col">{t('youth.placed')}</th>
            <th scope="col">{t('youth.deadline')}</th>
            <th scope="col">{t('youth.decision')}</th>
            <th scope="col">{t('youth.pair')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.citizenId}>
              <td>
                <Link to={`/unge/${encodeURIComponent(p.citizenId)}`}>
                  {p.name ?? p.citizenId.slice(0, 8)}
                </Link>
              </td>
              <td>{p.age}</td>
              <td>{p.situation ? t(`situations.${p.situation}`) : <NoValue />}</td>
              <td>{p.educationStatus ? t(`youth.educationStatus.${p.educationStatus}`) : <NoValue />}</td>
              <td>
                <PlacedCell p={p} />
              </td>
              <td>
                <DateText value={p.decisionDeadline} />
              </td>
              <td>{p.decisionOutcome ? t(`youth.outcomes.${p.decisionOutcome}`) : <NoValue />}</td>
              <td>
                {p.pair ? (
                  t('youth.pairText', { child: p.pair.childName ?? '', adult: p.pair.adultName ?? '' })
                ) : (
                  <NoValue />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** /unge: the young people aged 15–29 with status, placement, the § 111 deadline and the pair. */
export function YouthListPage() {
  const { t } = useTranslation();
  const query = useYoungPeople();
  return (
    <Page title={t('youth.title')}>
      <p className="font-lead">{t('youth.intro')}</p>
      <PageTasks />
      <QueryState query={query} empty={<p>{t('youth.empty')}</p>}>
        {(data) => <YouthTable items={data.items} />}
      </QueryState>
    </Page>
  );
}
