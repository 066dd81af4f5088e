import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { DateText } from '../../components/date-text';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { Pagination } from '../../components/pagination';
import { QueryState } from '../../components/query-state';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { hasPermission, useSession } from '../../session';
import { type CaseStatus, caseHref, type InboxCase, useCases } from './prevention.api';
import { arrearsText, ChildrenBadge, DutyList, PlaceText } from './prevention-format';

/** The URL parameters of the open/closed filter and the page. */
const STATUS_PARAM = 'status';
const PAGE_PARAM = 'page';

function statusFromParams(params: URLSearchParams): CaseStatus {
  return params.get(STATUS_PARAM) === 'closed' ? 'closed' : 'open';
}

function pageFromParams(params: URLSearchParams): number {
  const page = Number.parseInt(params.get(PAGE_PARAM) ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

function toSearch(status: CaseStatus, page: number): string {
  const params = new URLSearchParams();
  if (status !== 'open') params.set(STATUS_PARAM, status);
  if (page > 1) params.set(PAGE_PARAM, String(page));
  const search = params.toString();
  return search ? `?${search}` : '';
}

function StatusFilter({ status, onChoose }: { status: CaseStatus; onChoose: (status: CaseStatus) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string>(status);
  const [shown, setShown] = useState(status);
  if (shown !== status) {
    // Back/forward changed the filter: show it without remounting (keeps focus).
    setShown(status);
    setValue(status);
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChoose(value === 'closed' ? 'closed' : 'open');
  };
  return (
    <form onSubmit={onSubmit} noValidate className="housing-filter">
      <SelectField
        id="eviction-cases-status"
        label={t('evictionCases.list.status')}
        options={[
          { value: 'open', label: t('evictionCases.list.open') },
          { value: 'closed', label: t('evictionCases.list.closed') },
        ]}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button-secondary">
        {t('evictionCases.list.show')}
      </button>
    </form>
  );
}

/** No open cases: say where they come from and what to do. */
function EmptyState({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const canManage = hasPermission(useSession().data?.user, 'prevention.manage');
  if (status === 'closed') return <p>{t('evictionCases.list.noneClosed')}</p>;
  return (
    <Alert variant="info" heading={t('evictionCases.list.emptyHeading')} headingLevel={3}>
      <p>{t('evictionCases.list.emptyText')}</p>
      {canManage ? (
        <ul>
          <li>
            <Link to="/udsaettelser/ny">{t('evictionCases.list.toCreate')}</Link>
          </li>
          <li>
            <Link to="/udsaettelser/import">{t('evictionCases.list.toImport')}</Link>
          </li>
        </ul>
      ) : null}
    </Alert>
  );
}

function CaseRow({ item, status }: { item: InboxCase; status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">
        <Link to={caseHref(item.id)}>{item.tenantName}</Link>
        {item.childrenUnder18 || item.knownNeed ? (
          <span className="d-block">
            {item.childrenUnder18 ? <ChildrenBadge /> : null}{' '}
            {item.knownNeed ? (
              <span className="badge badge-info">{t('evictionCases.format.knownNeed')}</span>
            ) : null}
          </span>
        ) : null}
      </th>
      <td>{item.address}</td>
      <td>
        <PlaceText organisationName={item.organisationName} departmentName={item.departmentName} />
      </td>
      <td>{t(`prevention.steps.${item.step}`)}</td>
      <td className="align-text-right nowrap">{arrearsText(t, item.arrearsAmount)}</td>
      <td>
        <DateText value={item.evictionDate} />
      </td>
      <td>
        {status === 'open' ? (
          <DutyList duties={item.duties} />
        ) : item.outcome ? (
          t(`prevention.outcomes.${item.outcome}`)
        ) : (
          <NoValue />
        )}
      </td>
    </tr>
  );
}

/**
 * /udsaettelser: the inbox of eviction cases, a page at a time, most urgent first as the server
 * orders all of them (overdue duties, then children under 18, then the nearest date), so the first
 * page holds exactly the most urgent cases. The counts cover every page. Overdue duties and
 * children are said in words, not by colour alone.
 */
export function EvictionCasesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = statusFromParams(params);
  const page = pageFromParams(params);
  const list = useCases(status, page);
  const data = list.data;
  const items = data?.items ?? [];
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || 1))) : 1;
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(page);
  useEffect(() => {
    // After paging, start reading at the list, not at the link that was clicked.
    if (shownPage.current !== page) heading.current?.focus();
    shownPage.current = page;
  }, [page]);
  const caption =
    status === 'open'
      ? t('evictionCases.list.captionOpen', { page: data?.page ?? page, total: totalPages })
      : t('evictionCases.list.captionClosed', { page: data?.page ?? page, total: totalPages });
  const counts = data
    ? status === 'open'
      ? `${t('evictionCases.list.countOpen', { count: data.total })} ${
          data.overdue > 0
            ? t('evictionCases.list.countOverdue', { count: data.overdue })
            : t('evictionCases.list.noneOverdue')
        }`
      : t('evictionCases.list.countClosed', { count: data.total })
    : '';

  return (
    <Page title={t('evictionCases.list.title')}>
      <p className="font-lead">{t('evictionCases.list.intro')}</p>
      <StatusFilter status={status} onChoose={(next) => setParams(new URLSearchParams(toSearch(next, 1)))} />
      <section aria-labelledby="eviction-cases-heading" className="citizen-section">
        <h2 id="eviction-cases-heading" ref={heading} tabIndex={-1}>
          {status === 'open' ? t('evictionCases.list.openHeading') : t('evictionCases.list.closedHeading')}
        </h2>
        <div role="status">
          {list.isFetching ? <Loading text={t('evictionCases.list.loading')} announce={false} /> : null}
          {data && !list.isFetching && data.total > 0 ? <p>{counts}</p> : null}
        </div>
        <QueryState query={list} spinner={false} headingLevel={3} />
        {data && data.total === 0 && !list.isFetching ? <EmptyState status={status} /> : null}
        {items.length > 0 ? (
          <TableScroll label={caption}>
            <table className="table table--zebra table--compact prevention-inbox">
              <caption className="sr-only">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evictionCases.list.tenant')}</th>
                  <th scope="col">{t('evictionCases.list.address')}</th>
                  <th scope="col">{t('evictionCases.list.place')}</th>
                  <th scope="col">{t('evictionCases.list.step')}</th>
                  <th scope="col" className="align-text-right">
                    {t('evictionCases.list.arrears')}
                  </th>
                  <th scope="col">{t('evictionCases.list.evictionDate')}</th>
                  <th scope="col">
                    {status === 'open' ? t('evictionCases.list.duties') : t('evictionCases.list.outcome')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <CaseRow key={item.id} item={item} status={status} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        {data ? (
          <Pagination
            page={data.page}
            totalPages={totalPages}
            label={t('evictionCases.pagination.label')}
            previous={t('evictionCases.pagination.previous')}
            next={t('evictionCases.pagination.next')}
            status={t('evictionCases.pagination.status', { page: data.page, total: totalPages })}
            hrefFor={(p) => toSearch(status, p)}
          />
        ) : null}
      </section>
    </Page>
  );
}
