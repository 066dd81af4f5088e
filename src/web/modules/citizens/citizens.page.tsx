import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { looksLikeCpr } from '../../../shared/citizens/cpr';
import { AGE_BANDS, STATUSES } from '../../../shared/citizens/status';
import { SITUATIONS } from '../../../shared/citizens/whereabouts';
import { Alert } from '../../components/alert';
import { CheckboxField } from '../../components/checkbox-field';
import { DateField } from '../../components/date-field';
import { DateText } from '../../components/date-text';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { Pagination } from '../../components/pagination';
import { QueryState } from '../../components/query-state';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { isoToDanishDate, parseDate } from '../../i18n/format';
import { hasPermission, useSession } from '../../session';
import { CprText, citizenName } from './citizen-format';
import { CITIZENS_PAGE_SIZE, type CitizenFilter, SEXES, useCitizens, useDuplicates } from './citizens.api';

const EMPTY_FILTER: CitizenFilter = {
  q: '',
  status: '',
  situation: '',
  ageBand: '',
  sex: '',
  youth: false,
  statusOn: '',
};

function oneOf(value: string | null, allowed: readonly string[]): string {
  return value !== null && allowed.includes(value) ? value : '';
}

/**
 * The search text lives in the history entry's state, not in the URL: a CPR number must not end up
 * in the browser history, bookmarks or proxy logs. The filters are codes and stay in the URL.
 */
interface SearchState {
  q?: string;
}

function searchText(state: unknown): string {
  const q = (state as SearchState | null)?.q;
  return typeof q === 'string' ? q : '';
}

function filterFromLocation(params: URLSearchParams, state: unknown): CitizenFilter {
  return {
    q: searchText(state),
    status: oneOf(params.get('status'), STATUSES),
    situation: oneOf(params.get('situation'), SITUATIONS),
    ageBand: oneOf(params.get('ageBand'), AGE_BANDS),
    sex: oneOf(params.get('sex'), SEXES),
    youth: params.get('youth') === 'true',
    // A date in the URL as åååå-mm-dd; anything else is no choice.
    statusOn: parseDate(params.get('statusOn') ?? '') ?? '',
  };
}

function pageFromParams(params: URLSearchParams): number {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/** The URL query of a filter and page (everything but the search text). */
function toSearch(filter: CitizenFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.status !== '') params.set('status', filter.status);
  if (filter.situation !== '') params.set('situation', filter.situation);
  if (filter.ageBand !== '') params.set('ageBand', filter.ageBand);
  if (filter.sex !== '') params.set('sex', filter.sex);
  if (filter.youth) params.set('youth', 'true');
  if (filter.statusOn !== '') params.set('statusOn', filter.statusOn);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

const sameFilter = (a: CitizenFilter, b: CitizenFilter) =>
  a.q === b.q &&
  a.status === b.status &&
  a.situation === b.situation &&
  a.ageBand === b.ageBand &&
  a.sex === b.sex &&
  a.youth === b.youth &&
  a.statusOn === b.statusOn;

const isEmptyFilter = (filter: CitizenFilter) => sameFilter(filter, EMPTY_FILTER);

function SearchForm({
  initial,
  onSearch,
}: {
  initial: CitizenFilter;
  onSearch: (filter: CitizenFilter) => void;
}) {
  const { t } = useTranslation();
  // The form shows the date as dd.mm.åååå; the URL and the API use åååå-mm-dd.
  const display = (filter: CitizenFilter): CitizenFilter => ({
    ...filter,
    statusOn: isoToDanishDate(filter.statusOn),
  });
  const form = useForm({
    formKey: 'citizens',
    initial: () => display(initial),
    fields: {
      q: { id: 'citizens-q', label: t('citizens.search.q') },
      status: { id: 'citizens-status', label: t('citizens.search.status') },
      situation: { id: 'citizens-situation', label: t('citizens.search.situation') },
      ageBand: { id: 'citizens-age-band', label: t('citizens.search.ageBand') },
      sex: { id: 'citizens-sex', label: t('citizens.search.sex') },
      youth: { id: 'citizens-youth', label: t('citizens.search.youth') },
      statusOn: { id: 'citizens-status-on', label: t('citizens.search.statusOn') },
    },
  });
  const { values, setValues } = form;
  const [shown, setShown] = useState(initial);
  if (!sameFilter(shown, initial)) {
    // The URL changed (back/forward): show its filter without remounting the form (keeps focus).
    setShown(initial);
    setValues(display(initial));
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = values.q.trim();
    const dateText = values.statusOn.trim();
    const statusOn = dateText === '' ? '' : parseDate(dateText);
    if (form.failed(statusOn === null ? [{ path: 'statusOn', code: 'invalid_date' }] : [])) return;
    form.clear();
    // A CPR number is stored without the hyphen; a name is searched as typed.
    onSearch({ ...values, q: looksLikeCpr(q) ? q.replace('-', '') : q, statusOn: statusOn ?? '' });
  };

  const onReset = () => {
    form.clear();
    setValues(EMPTY_FILTER);
    onSearch(EMPTY_FILTER);
  };

  return (
    <section aria-labelledby="citizens-search-heading">
      <h2 id="citizens-search-heading">{t('citizens.search.heading')}</h2>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate className="citizens-search">
        <TextField
          {...form.field('q')}
          type="search"
          hint={t('citizens.search.qHint')}
          autoComplete="off"
          spellCheck={false}
          widthClass="input-width-l"
        />
        <div className="row">
          <div className="col-12 col-md-6">
            <SelectField
              {...form.field('status')}
              placeholder={t('citizens.search.any')}
              options={STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            />
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              {...form.field('situation')}
              placeholder={t('citizens.search.any')}
              options={SITUATIONS.map((s) => ({ value: s, label: t(`situations.${s}`) }))}
            />
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              {...form.field('ageBand')}
              placeholder={t('citizens.search.any')}
              options={AGE_BANDS.map((b) => ({ value: b, label: t(`ageBands.${b}`) }))}
            />
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              {...form.field('sex')}
              placeholder={t('citizens.search.any')}
              options={SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }))}
            />
          </div>
        </div>
        <div className="form-group">
          <CheckboxField {...form.checkbox('youth')} />
        </div>
        <DateField {...form.field('statusOn')} hint={t('citizens.search.statusOnHint')} />
        <div className="button-group mt-5">
          <button type="submit" className="button button-primary">
            {t('citizens.search.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onReset}>
            {t('citizens.search.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EmptyRegistry({ canWrite, canImport }: { canWrite: boolean; canImport: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert variant="info" heading={t('citizens.empty.heading')} headingLevel={3}>
      <p>{t('citizens.empty.text')}</p>
      {canWrite || canImport ? (
        <ul>
          {canWrite ? (
            <li>
              <Link to="/borgere/ny">{t('citizens.empty.register')}</Link>
            </li>
          ) : null}
          {canImport ? (
            <li>
              <Link to="/borgere/import">{t('citizens.empty.import')}</Link>
            </li>
          ) : null}
        </ul>
      ) : (
        <p>{t('citizens.empty.readOnly')}</p>
      )}
    </Alert>
  );
}

function Results({
  filter,
  page,
  canWrite,
  canImport,
}: {
  filter: CitizenFilter;
  page: number;
  canWrite: boolean;
  canImport: boolean;
}) {
  const { t } = useTranslation();
  const list = useCitizens(filter, page);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(page);

  useEffect(() => {
    // After paging, start reading at the results, not at whichever link was clicked.
    if (shownPage.current !== page) heading.current?.focus();
    shownPage.current = page;
  }, [page]);

  const data = list.data;
  // The leader's list carries no CPR numbers: no column for them (issue 20 (d)).
  const showCpr = hasPermission(useSession().data?.user, 'citizens.identity');
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || CITIZENS_PAGE_SIZE))) : 1;

  return (
    <section aria-labelledby="citizens-results-heading">
      <h2 id="citizens-results-heading" ref={heading} tabIndex={-1}>
        {t('citizens.results.heading')}
      </h2>
      <div role="status">
        {list.isFetching ? <Loading text={t('citizens.results.loading')} announce={false} /> : null}
        {data && !list.isFetching && data.total > 0 ? (
          <p>
            {filter.statusOn !== ''
              ? t('citizens.results.countOn', { count: data.total, date: isoToDanishDate(filter.statusOn) })
              : t('citizens.results.count', { count: data.total })}
          </p>
        ) : null}
        {data && !list.isFetching && data.total === 0 && !isEmptyFilter(filter) ? (
          <p>{t('citizens.results.none')}</p>
        ) : null}
      </div>
      <QueryState query={list} spinner={false} headingLevel={3} />
      {data && data.total === 0 && isEmptyFilter(filter) && !list.isFetching ? (
        <EmptyRegistry canWrite={canWrite} canImport={canImport} />
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <div className="table--responsive-scroll">
            <table className="table table--zebra table--compact">
              <caption className="sr-only">
                {t('citizens.results.caption', { page: data.page, total: totalPages })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('citizens.results.name')}</th>
                  {showCpr ? <th scope="col">{t('citizens.results.cpr')}</th> : null}
                  <th scope="col">{t('citizens.results.birthDate')}</th>
                  <th scope="col">{t('citizens.results.age')}</th>
                  <th scope="col">{t('citizens.results.status')}</th>
                  <th scope="col">{t('citizens.results.situation')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((citizen) => (
                  <tr key={citizen.id}>
                    <th scope="row">
                      <Link to={`/borgere/${encodeURIComponent(citizen.id)}`}>{citizenName(t, citizen)}</Link>
                    </th>
                    {showCpr ? (
                      <td>
                        <CprText value={citizen.cpr} />
                      </td>
                    ) : null}
                    <td>
                      <DateText value={citizen.birthDate} />
                    </td>
                    <td>{citizen.age}</td>
                    <td>{t(`statuses.${citizen.status}`)}</td>
                    <td>{t(`situations.${citizen.situation}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={data.page}
            totalPages={totalPages}
            label={t('citizens.pagination.label')}
            previous={t('citizens.pagination.previous')}
            next={t('citizens.pagination.next')}
            status={t('citizens.pagination.status', { page: data.page, total: totalPages })}
            hrefFor={(p) => toSearch(filter, p)}
            state={{ q: filter.q }}
          />
        </>
      ) : null}
    </section>
  );
}

function Actions({
  canWrite,
  canImport,
  canMerge,
}: {
  canWrite: boolean;
  canImport: boolean;
  canMerge: boolean;
}) {
  const { t } = useTranslation();
  const duplicates = useDuplicates(canMerge);
  if (!canWrite && !canImport && !canMerge) return null;
  const count = duplicates.data?.items.length;
  return (
    <ul className="citizens-actions nobullet-list">
      {canWrite ? (
        <li>
          <Link to="/borgere/ny" className="button button-primary">
            {t('citizens.actions.create')}
          </Link>
        </li>
      ) : null}
      {canImport ? (
        <li>
          <Link to="/borgere/import" className="button button-secondary">
            {t('citizens.actions.import')}
          </Link>
        </li>
      ) : null}
      {canMerge ? (
        <li>
          <Link to="/borgere/dubletter" className="button button-secondary">
            {count === undefined
              ? t('citizens.actions.duplicates')
              : t('citizens.actions.duplicatesCount', { count })}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}

/** /borgere: the by-name list, searchable by CPR or name and filtered like the national count. */
export function CitizensPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const user = useSession().data?.user;
  const filter = filterFromLocation(params, location.state);
  const page = pageFromParams(params);
  const canWrite = hasPermission(user, 'citizens.write');
  const canImport = hasPermission(user, 'citizens.import');
  const canMerge = hasPermission(user, 'citizens.merge');

  return (
    <Page title={t('citizens.title')}>
      <p className="font-lead">{t('citizens.intro')}</p>
      <Actions canWrite={canWrite} canImport={canImport} canMerge={canMerge} />
      <SearchForm
        initial={filter}
        onSearch={(next) => {
          const state: SearchState = { q: next.q };
          void navigate({ pathname: location.pathname, search: toSearch(next, 1) }, { state });
        }}
      />
      <Results filter={filter} page={page} canWrite={canWrite} canImport={canImport} />
    </Page>
  );
}
