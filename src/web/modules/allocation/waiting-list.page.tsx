import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type {
  WaitingListCounts,
  WaitingListQuery,
  WaitingListSnapshot,
} from '../../../shared/allocation/api';
import {
  HOUSEHOLD_SIZES,
  type HouseholdSizeBand,
  PRIORITIES,
  type Priority,
  TARGET_GROUNDS,
  type TargetGround,
  WAITING_AGE_BANDS,
  WAITING_BANDS,
  type WaitingAgeBand,
  type WaitingBand,
} from '../../../shared/allocation/model';
import type { ReportedCount, Suppressed } from '../../../shared/suppression';
import { api } from '../../api';
import { Alert } from '../../components/alert';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Icon } from '../../components/icon';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { Pagination } from '../../components/pagination';
import { QueryState } from '../../components/query-state';
import { Section } from '../../components/section';
import { SelectField } from '../../components/select-field';
import { TableScroll } from '../../components/table-scroll';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatKroner, formatReported } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { targetGroundsText } from './application-format';
import {
  ALLOCATION_KEY,
  applicationHref,
  useCreateSnapshot,
  useWaitingList,
  WAITING_LIST_PAGE_SIZE,
  WAITING_LIST_XLSX_HREF,
} from './applications.api';

/**
 * Counts as the server reports them: exact in case work, else small numbers suppressed at the
 * municipality's limit ("<5", "x"), shown as "under 5" and "skjult" (`formatReported`).
 */
type ReportedCounts = Suppressed<WaitingListCounts>;
type ReportedSnapshot = Omit<WaitingListSnapshot, 'counts'> & { counts: ReportedCounts };

/** The count for plural forms: a suppressed count reads as "several". */
const pluralCount = (count: ReportedCount) => (typeof count === 'number' ? count : 5);

/** GET /api/allocation/snapshots: the budget follow-up figures (allocation.reports). */
function useSnapshots() {
  return useQuery({
    queryKey: [...ALLOCATION_KEY, 'snapshots'],
    queryFn: ({ signal }) => api.get<{ items: ReportedSnapshot[] }>('/api/allocation/snapshots', { signal }),
  });
}

/** GET /api/allocation/waiting-list/counts: today's figures without names (allocation.reports). */
function useWaitingCounts(enabled: boolean) {
  return useQuery({
    queryKey: [...ALLOCATION_KEY, 'waiting-list-counts'],
    queryFn: ({ signal }) =>
      api.get<{ counts: ReportedCounts; onDate: string }>('/api/allocation/waiting-list/counts', { signal }),
    enabled,
  });
}

/** The filters as they stand in the URL; empty strings mean "any". */
interface Filter {
  targetGround: TargetGround | '';
  ageBand: WaitingAgeBand | '';
  householdSize: HouseholdSizeBand | '';
  waitingBand: WaitingBand | '';
  priority: Priority | '';
}

const EMPTY_FILTER: Filter = {
  targetGround: '',
  ageBand: '',
  householdSize: '',
  waitingBand: '',
  priority: '',
};
const FILTER_KEYS = Object.keys(EMPTY_FILTER) as (keyof Filter)[];

/** Each filter's choices and the catalogue group that names them. */
const CHOICES: Record<keyof Filter, { values: readonly string[]; group: string }> = {
  targetGround: { values: TARGET_GROUNDS, group: 'allocation.targetGrounds' },
  ageBand: { values: WAITING_AGE_BANDS, group: 'allocation.ageBands' },
  householdSize: { values: HOUSEHOLD_SIZES, group: 'allocation.householdSizes' },
  waitingBand: { values: WAITING_BANDS, group: 'allocation.waitingBands' },
  priority: { values: PRIORITIES, group: 'allocation.priorities' },
};

function filterFromParams(params: URLSearchParams): Filter {
  const filter = { ...EMPTY_FILTER };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null && CHOICES[key].values.includes(value))
      (filter as Record<string, string>)[key] = value;
  }
  return filter;
}

function pageFromParams(params: URLSearchParams): number {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

function toSearch(filter: Filter, page: number): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key] !== '') params.set(key, filter[key]);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

const sameFilter = (a: Filter, b: Filter) => FILTER_KEYS.every((key) => a[key] === b[key]);

function FilterForm({ initial, onShow }: { initial: Filter; onShow: (filter: Filter) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initial,
    fields: Object.fromEntries(
      FILTER_KEYS.map((key) => [key, { id: `waiting-${key}`, label: t(`waitingList.filter.${key}`) }]),
    ),
  });
  const [shown, setShown] = useState(initial);
  if (!sameFilter(shown, initial)) {
    // Back/forward changed the filter: show it without remounting (keeps focus).
    setShown(initial);
    form.setValues(initial);
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onShow(form.values);
  };
  return (
    <section aria-labelledby="waiting-filter-heading">
      <h2 id="waiting-filter-heading">{t('waitingList.filter.heading')}</h2>
      <form onSubmit={onSubmit} noValidate className="citizens-search">
        <div className="row">
          {FILTER_KEYS.map((key) => (
            <div className="col-12 col-md-6" key={key}>
              <SelectField
                {...form.field(key)}
                placeholder={t('waitingList.filter.any')}
                options={CHOICES[key].values.map((value) => ({
                  value,
                  label: t(`${CHOICES[key].group}.${value}`),
                }))}
              />
            </div>
          ))}
        </div>
        <div className="button-group mt-5">
          <button type="submit" className="button button-primary">
            {t('waitingList.filter.show')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              form.setValues(EMPTY_FILTER);
              onShow(EMPTY_FILTER);
            }}
          >
            {t('waitingList.filter.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** One breakdown of the counts as a small table. */
function CountTable({
  id,
  heading,
  rows,
}: {
  id: string;
  heading: string;
  rows: { label: string; count: ReportedCount }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="col-12 col-md-6 col-xl-4">
      <h3 id={`${id}-heading`}>{heading}</h3>
      <table className="table table--compact" aria-labelledby={`${id}-heading`}>
        <thead>
          <tr>
            <th scope="col">{t('waitingList.counts.group')}</th>
            <th scope="col" className="align-text-right">
              {t('waitingList.counts.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="align-text-right">{formatReported(t, row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function countRows(
  t: TFunction,
  values: readonly string[],
  group: string,
  counts: Record<string, ReportedCount>,
): { label: string; count: ReportedCount }[] {
  return values.map((value) => ({ label: t(`${group}.${value}`), count: counts[value] ?? 0 }));
}

function CountsSection({ counts, suppressed = false }: { counts: ReportedCounts; suppressed?: boolean }) {
  const { t } = useTranslation();
  return (
    <Section id="waiting-counts" heading={t('waitingList.counts.heading')}>
      <p>{suppressed ? t('waitingList.figures.suppression') : t('waitingList.counts.intro')}</p>
      <ul className="housing-totals nobullet-list">
        <li>
          <span className="housing-total-value">{formatReported(t, counts.total)}</span>{' '}
          <span className="housing-total-label">
            {t('waitingList.counts.total', { count: pluralCount(counts.total) })}
          </span>
        </li>
        {PRIORITIES.map((priority) => (
          <li key={priority}>
            <span className="housing-total-value">{formatReported(t, counts.byPriority[priority] ?? 0)}</span>{' '}
            <span className="housing-total-label">
              {t('waitingList.counts.priorityLabel', { priority: t(`allocation.priorities.${priority}`) })}
            </span>
          </li>
        ))}
      </ul>
      <div className="row">
        <CountTable
          id="waiting-counts-target"
          heading={t('waitingList.counts.byTargetGround')}
          rows={countRows(t, TARGET_GROUNDS, 'allocation.targetGrounds', counts.byTargetGround)}
        />
        <CountTable
          id="waiting-counts-age"
          heading={t('waitingList.counts.byAgeBand')}
          rows={countRows(t, WAITING_AGE_BANDS, 'allocation.ageBands', counts.byAgeBand)}
        />
        <CountTable
          id="waiting-counts-household"
          heading={t('waitingList.counts.byHouseholdSize')}
          rows={countRows(t, HOUSEHOLD_SIZES, 'allocation.householdSizes', counts.byHouseholdSize)}
        />
        <CountTable
          id="waiting-counts-waiting"
          heading={t('waitingList.counts.byWaitingBand')}
          rows={countRows(t, WAITING_BANDS, 'allocation.waitingBands', counts.byWaitingBand)}
        />
        <CountTable
          id="waiting-counts-priority"
          heading={t('waitingList.counts.byPriority')}
          rows={countRows(t, PRIORITIES, 'allocation.priorities', counts.byPriority)}
        />
      </div>
    </Section>
  );
}

function roomsText(t: TFunction, min: number, max: number | null): string {
  if (max === null) return t('applications.detail.roomsFrom', { min });
  if (max === min) return t('applications.detail.roomsExactly', { min });
  return t('applications.detail.roomsRange', { min, max });
}

function Results({ filter, page }: { filter: Filter; page: number }) {
  const { t } = useTranslation();
  const query: WaitingListQuery = { page, pageSize: WAITING_LIST_PAGE_SIZE };
  for (const key of FILTER_KEYS) if (filter[key] !== '') Object.assign(query, { [key]: filter[key] });
  const list = useWaitingList(query);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(page);
  useEffect(() => {
    // After paging, start reading at the results, not at whichever link was clicked.
    if (shownPage.current !== page) heading.current?.focus();
    shownPage.current = page;
  }, [page]);

  const data = list.data;
  const filtered = !sameFilter(filter, EMPTY_FILTER);
  const totalPages = data
    ? Math.max(1, Math.ceil(data.total / (data.pageSize || WAITING_LIST_PAGE_SIZE)))
    : 1;
  const caption = t('waitingList.results.caption', { page: data?.page ?? page, total: totalPages });

  return (
    <>
      {data ? <CountsSection counts={data.counts} /> : null}
      <section aria-labelledby="waiting-results-heading" className="citizen-section">
        <h2 id="waiting-results-heading" ref={heading} tabIndex={-1}>
          {t('waitingList.results.heading')}
        </h2>
        <div role="status">
          {list.isFetching ? <Loading text={t('waitingList.results.loading')} announce={false} /> : null}
          {data && !list.isFetching && data.total > 0 ? (
            <p>
              {filtered
                ? t('waitingList.results.countFiltered', { count: data.total })
                : t('waitingList.results.count', { count: data.total })}
            </p>
          ) : null}
          {data && !list.isFetching && data.total === 0 && filtered && data.counts.total > 0 ? (
            <p>{t('waitingList.results.none')}</p>
          ) : null}
        </div>
        <QueryState query={list} spinner={false} headingLevel={3} />
        {data && data.counts.total === 0 && !list.isFetching ? (
          <Alert variant="info" heading={t('waitingList.empty.heading')} headingLevel={3}>
            <p>{t('waitingList.empty.text')}</p>
          </Alert>
        ) : null}
        {data && data.items.length > 0 ? (
          <>
            <TableScroll label={caption}>
              <table className="table table--zebra table--compact">
                <caption className="sr-only">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('waitingList.results.citizen')}</th>
                    <th scope="col" className="align-text-right">
                      {t('waitingList.results.age')}
                    </th>
                    <th scope="col">{t('waitingList.results.targetGrounds')}</th>
                    <th scope="col" className="align-text-right">
                      {t('waitingList.results.householdSize')}
                    </th>
                    <th scope="col">{t('waitingList.results.priority')}</th>
                    <th scope="col">{t('waitingList.results.waitingSince')}</th>
                    <th scope="col">{t('waitingList.results.status')}</th>
                    <th scope="col">{t('waitingList.results.rooms')}</th>
                    <th scope="col" className="align-text-right">
                      {t('waitingList.results.maxRent')}
                    </th>
                    <th scope="col">{t('waitingList.results.offer')}</th>
                    <th scope="col" className="align-text-right">
                      {t('waitingList.results.refusals')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.applicationId}>
                      <th scope="row">
                        <Link to={applicationHref(item.applicationId)}>{item.citizenName}</Link>
                        {item.youthWish ? (
                          <span className="d-block form-hint">{t('waitingList.results.youthWish')}</span>
                        ) : null}
                      </th>
                      <td className="align-text-right">{item.age}</td>
                      <td>{targetGroundsText(t, item.targetGrounds)}</td>
                      <td className="align-text-right">{item.householdSize}</td>
                      <td>
                        {t(`allocation.priorities.${item.priority}`)}
                        {item.priorityReason ? (
                          <span className="d-block form-hint">{item.priorityReason}</span>
                        ) : null}
                      </td>
                      <td>
                        <DateText value={item.waitingSince} />
                        <span className="d-block form-hint">
                          {t('waitingList.results.days', { count: item.waitingDays })}
                        </span>
                      </td>
                      <td>
                        {t(`allocation.statuses.${item.status}`)}
                        {item.pausedUntil ? (
                          <span className="d-block form-hint">
                            {t('waitingList.results.pausedUntil')} <DateText value={item.pausedUntil} />
                          </span>
                        ) : null}
                      </td>
                      <td className="nowrap">{roomsText(t, item.roomsMin, item.roomsMax)}</td>
                      <td className="align-text-right nowrap">{formatKroner(t, item.maxRent)}</td>
                      <td>{item.hasLiveOffer ? t('waitingList.results.hasOffer') : <NoValue />}</td>
                      <td className="align-text-right">{item.refusals}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pagination
              page={data.page}
              totalPages={totalPages}
              label={t('waitingList.pagination.label')}
              previous={t('waitingList.pagination.previous')}
              next={t('waitingList.pagination.next')}
              status={t('waitingList.pagination.status', { page: data.page, total: totalPages })}
              hrefFor={(p) => toSearch(filter, p)}
            />
          </>
        ) : null}
        <p className="mt-5">
          <a href={WAITING_LIST_XLSX_HREF} download className="function-link">
            <Icon name="file-excel" />
            {t('waitingList.download')}
          </a>
        </p>
      </section>
    </>
  );
}

function SnapshotForm() {
  const { t } = useTranslation();
  const create = useCreateSnapshot();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({
    formKey: 'waitingList.snapshots',
    initial: { label: '' },
    fields: { label: { id: 'snapshot-label', label: t('waitingList.snapshots.label') } },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    setSaved(null);
    const text = form.values.label.trim();
    if (form.failed(text === '' ? [{ path: 'label', code: 'required' }] : [])) return;
    create.mutate(text, {
      onSuccess: (snapshot) => {
        form.clear();
        form.reset();
        setSaved(snapshot.label);
      },
      onError: form.reportError,
    });
  };
  return (
    <>
      <h3>{t('waitingList.snapshots.formHeading')}</h3>
      <div role="status">
        {saved ? (
          <Alert variant="success" headingLevel={3}>
            <p>{t('waitingList.snapshots.saved', { label: saved })}</p>
          </Alert>
        ) : null}
      </div>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('label')}
          hint={t('waitingList.snapshots.labelHint')}
          autoComplete="off"
          widthClass="input-width-l"
        />
        <div className="mt-5">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t('waitingList.snapshots.submit')}
          </button>
        </div>
        {create.isPending ? <Loading text={t('common.saving')} /> : null}
      </form>
    </>
  );
}

function SnapshotTable({ snapshots }: { snapshots: ReportedSnapshot[] }) {
  const { t } = useTranslation();
  const sorted = [...snapshots].sort((a, b) => b.takenOn.localeCompare(a.takenOn));
  return (
    <TableScroll label={t('waitingList.snapshots.caption')}>
      <table className="table table--zebra table--compact">
        <caption className="sr-only">{t('waitingList.snapshots.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('waitingList.snapshots.takenOn')}</th>
            <th scope="col">{t('waitingList.snapshots.label')}</th>
            <th scope="col">{t('waitingList.snapshots.takenBy')}</th>
            <th scope="col" className="align-text-right">
              {t('waitingList.snapshots.total')}
            </th>
            {PRIORITIES.map((priority) => (
              <th scope="col" className="align-text-right" key={priority}>
                {t(`allocation.priorities.${priority}`)}
              </th>
            ))}
            {TARGET_GROUNDS.map((ground) => (
              <th scope="col" className="align-text-right" key={ground}>
                {t(`allocation.targetGrounds.${ground}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((snapshot) => (
            <tr key={snapshot.id}>
              <td className="nowrap">
                <DateText value={snapshot.takenOn} />
              </td>
              <th scope="row">{snapshot.label}</th>
              <td>{snapshot.takenByName}</td>
              <td className="align-text-right">{formatReported(t, snapshot.counts.total)}</td>
              {PRIORITIES.map((priority) => (
                <td className="align-text-right" key={priority}>
                  {formatReported(t, snapshot.counts.byPriority[priority] ?? 0)}
                </td>
              ))}
              {TARGET_GROUNDS.map((ground) => (
                <td className="align-text-right" key={ground}>
                  {formatReported(t, snapshot.counts.byTargetGround[ground] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function SnapshotsSection({ canSave }: { canSave: boolean }) {
  const { t } = useTranslation();
  const snapshots = useSnapshots();
  return (
    <Section id="waiting-snapshots" heading={t('waitingList.snapshots.heading')}>
      <p>{t('waitingList.snapshots.intro')}</p>
      <QueryState query={snapshots} announce={false} headingLevel={3} />
      {snapshots.data && snapshots.data.items.length === 0 ? <p>{t('waitingList.snapshots.none')}</p> : null}
      {snapshots.data && snapshots.data.items.length > 0 ? (
        <SnapshotTable snapshots={snapshots.data.items} />
      ) : null}
      {canSave ? <SnapshotForm /> : null}
    </Section>
  );
}

/**
 * The waiting list as a leader or the economy role sees it (issue 14 §3): today's figures and the
 * budget follow-up snapshots, no names, small numbers suppressed by the server.
 */
function WaitingFigures() {
  const { t } = useTranslation();
  const counts = useWaitingCounts(true);
  return (
    <Page title={t('waitingList.title')}>
      <p className="font-lead">{t('waitingList.figures.intro')}</p>
      <QueryState query={counts} headingLevel={2} />
      {counts.data ? <CountsSection counts={counts.data.counts} suppressed /> : null}
      <SnapshotsSection canSave={false} />
    </Page>
  );
}

/** /anvisning/venteliste: the approved and paused applicants by priority and waiting time, with the counts. */
export function WaitingListPage() {
  const user = useSession().data?.user;
  // Without allocation.read the page shows the figures alone (allocation.reports: leader, economy).
  if (!hasPermission(user, 'allocation.read')) return <WaitingFigures />;
  return <WaitingList />;
}

function WaitingList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const user = useSession().data?.user;
  const filter = filterFromParams(params);
  const page = pageFromParams(params);
  const canManage = hasPermission(user, 'allocation.manage');
  const canReport = canManage || hasPermission(user, 'allocation.reports');
  return (
    <Page title={t('waitingList.title')}>
      <p className="font-lead">{t('waitingList.intro')}</p>
      <FilterForm initial={filter} onShow={(next) => setParams(new URLSearchParams(toSearch(next, 1)))} />
      <Results filter={filter} page={page} />
      {canReport ? <SnapshotsSection canSave={canManage} /> : null}
    </Page>
  );
}
