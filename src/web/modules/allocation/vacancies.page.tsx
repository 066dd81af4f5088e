import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { VACANCY_STATUSES, type VacancyStatus } from '../../../shared/allocation/model';
import { Alert } from '../../components/alert';
import { DateText } from '../../components/date-text';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { formatWhole } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { useVacancies, type VacancyView } from './vacancies.api';
import { emptyText, placeText, rentText } from './vacancy-format';

/** The status filter as it stands in the URL: a status, or `alle` for every vacancy. */
const ALL = 'alle';

function statusFromParams(params: URLSearchParams): VacancyStatus | null {
  const value = params.get('status');
  if (value === ALL) return null;
  return (VACANCY_STATUSES as readonly string[]).includes(value ?? '') ? (value as VacancyStatus) : 'open';
}

function FilterForm({
  status,
  onShow,
}: {
  status: VacancyStatus | null;
  onShow: (status: VacancyStatus | null) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string>(status ?? ALL);
  // Back/forward changes the URL: show its filter.
  useEffect(() => setValue(status ?? ALL), [status]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onShow(value === ALL ? null : (value as VacancyStatus));
  };
  const options = [
    ...VACANCY_STATUSES.map((s) => ({ value: s, label: t(`allocation.vacancyStatuses.${s}`) })),
    { value: ALL, label: t('vacancies.list.allStatuses') },
  ];
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('vacancies.list.filterLabel')}>
      <SelectField
        id="vacancies-status"
        label={t('vacancies.list.status')}
        options={options}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button-secondary">
        {t('vacancies.list.show')}
      </button>
    </form>
  );
}

function VacancyTable({ items, caption }: { items: VacancyView[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vacancies.columns.address')}</th>
            <th scope="col">{t('vacancies.columns.place')}</th>
            <th scope="col">{t('vacancies.columns.unitType')}</th>
            <th scope="col" className="align-text-right">
              {t('vacancies.columns.rooms')}
            </th>
            <th scope="col">{t('vacancies.columns.rent')}</th>
            <th scope="col">{t('vacancies.columns.availableOn')}</th>
            <th scope="col">{t('vacancies.columns.deadlineOn')}</th>
            <th scope="col">{t('vacancies.columns.status')}</th>
            <th scope="col">{t('vacancies.columns.liveOffer')}</th>
            <th scope="col">{t('vacancies.columns.empty')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((vacancy) => (
            <tr key={vacancy.id}>
              <th scope="row">
                <Link to={`/anvisning/boliger/${encodeURIComponent(vacancy.id)}`}>{vacancy.address}</Link>
              </th>
              <td>{placeText(t, vacancy)}</td>
              <td>{t(`allocation.unitTypes.${vacancy.unitType}`)}</td>
              <td className="align-text-right">{formatWhole(vacancy.rooms)}</td>
              <td className="nowrap">{rentText(t, vacancy)}</td>
              <td>
                <DateText value={vacancy.availableOn} />
              </td>
              <td>
                <DateText value={vacancy.deadlineOn} />
              </td>
              <td>{t(`allocation.vacancyStatuses.${vacancy.status}`)}</td>
              <td>{vacancy.liveOffer ? t('common.yes') : t('common.no')}</td>
              <td>{emptyText(t, vacancy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** /anvisning/boliger: the vacant units reported to the municipality, open ones first. */
export function VacanciesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = statusFromParams(params);
  const canManage = hasPermission(useSession().data?.user, 'allocation.manage');
  const list = useVacancies(status);
  const items = list.data?.items;
  const statusName = status ? t(`allocation.vacancyStatuses.${status}`) : t('vacancies.list.allStatuses');

  const onShow = (next: VacancyStatus | null) => {
    const search = new URLSearchParams();
    if (next !== 'open') search.set('status', next ?? ALL);
    setParams(search);
  };

  return (
    <Page title={t('vacancies.list.title')}>
      <p className="font-lead">{t('vacancies.list.intro')}</p>
      {canManage ? (
        <ul className="nobullet-list">
          <li>
            <Link to="/anvisning/boliger/ny" className="function-link">
              {t('vacancies.list.create')}
            </Link>
          </li>
          <li>
            <Link to="/anvisning/boliger/import" className="function-link">
              {t('vacancies.list.import')}
            </Link>
          </li>
        </ul>
      ) : null}
      <FilterForm status={status} onShow={onShow} />
      <section aria-labelledby="vacancies-results-heading" className="mt-6">
        <h2 id="vacancies-results-heading">{t('vacancies.list.resultsHeading', { status: statusName })}</h2>
        <QueryState query={list} headingLevel={3} />
        <div role="status">
          {items && !list.isFetching ? (
            <p>
              {status
                ? t('vacancies.list.count', { count: items.length, status: statusName })
                : t('vacancies.list.countAll', { count: items.length })}
            </p>
          ) : null}
        </div>
        {items && items.length === 0 && !list.isFetching ? (
          <Alert variant="info" heading={t('vacancies.list.emptyHeading')} headingLevel={3}>
            <p>{status === 'open' ? t('vacancies.list.emptyOpen') : t('vacancies.list.empty')}</p>
          </Alert>
        ) : null}
        {items && items.length > 0 ? (
          <VacancyTable
            items={items}
            caption={
              status
                ? t('vacancies.list.caption', { count: items.length, status: statusName })
                : t('vacancies.list.captionAll', { count: items.length })
            }
          />
        ) : null}
      </section>
    </Page>
  );
}
