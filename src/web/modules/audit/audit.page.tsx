import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FieldError } from '../../api';
import { Alert } from '../../components/alert';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { NoValue } from '../../components/no-value';
import { Page } from '../../components/page';
import { Pagination } from '../../components/pagination';
import { QueryState } from '../../components/query-state';
import { TextField } from '../../components/text-field';
import { useForm } from '../../components/use-form';
import { formatDate, formatTime, isoDateTime, isoToDanishDate, parseDate } from '../../i18n/format';
import { i18n } from '../../i18n/index';
import { AUDIT_PAGE_SIZE, type AuditFilter, useAuditLog, useVerifyAuditChain } from './audit.api';

const FILTER_KEYS = ['from', 'to', 'action', 'entityType', 'entityId', 'actor'] as const;

function filterFromParams(params: URLSearchParams): AuditFilter {
  return {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    actor: params.get('actor') ?? '',
  };
}

function pageFromParams(params: URLSearchParams): number {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

function toSearch(filter: AuditFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (filter[key] !== '') params.set(key, filter[key]);
  }
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The form shows dates as dd.mm.åååå; the URL and the API use åååå-mm-dd. */
function toDisplay(filter: AuditFilter): AuditFilter {
  return { ...filter, from: isoToDanishDate(filter.from), to: isoToDanishDate(filter.to) };
}

/** Reads the typed values into a filter, or the field problems that stop the search. */
function readFilter(values: AuditFilter): { filter: AuditFilter; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const date = (path: 'from' | 'to'): string => {
    const text = values[path].trim();
    if (text === '') return '';
    const iso = parseDate(text);
    if (iso === null) problems.push({ path, code: 'invalid_date' });
    return iso ?? '';
  };
  const filter: AuditFilter = {
    from: date('from'),
    to: date('to'),
    action: values.action.trim(),
    entityType: values.entityType.trim(),
    entityId: values.entityId.trim(),
    actor: values.actor.trim(),
  };
  if (problems.length === 0 && filter.from !== '' && filter.to !== '' && filter.to < filter.from) {
    problems.push({ path: 'to', code: 'before_from' });
  }
  return { filter, problems };
}

function SearchForm({
  initial,
  onSearch,
}: {
  initial: AuditFilter;
  onSearch: (filter: AuditFilter) => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(initial);
  const form = useForm({
    formKey: 'audit.search',
    initial: () => toDisplay(initial),
    fields: {
      from: { id: 'audit-from', label: t('audit.search.from') },
      to: { id: 'audit-to', label: t('audit.search.to') },
      action: { id: 'audit-action', label: t('audit.search.action') },
      entityType: { id: 'audit-entity-type', label: t('audit.search.entityType') },
      entityId: { id: 'audit-entity-id', label: t('audit.search.entityId') },
      actor: { id: 'audit-actor', label: t('audit.search.actor') },
    },
  });
  const { values, setValues } = form;
  if (!FILTER_KEYS.every((key) => shown[key] === initial[key])) {
    // The URL changed (back/forward): show its filter, without remounting the form (keeps focus).
    setShown(initial);
    setValues(toDisplay(initial));
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { filter, problems } = readFilter(values);
    if (form.failed(problems)) return;
    form.clear();
    onSearch(filter);
  };

  const onReset = () => {
    const empty: AuditFilter = { from: '', to: '', action: '', entityType: '', entityId: '', actor: '' };
    setValues(empty);
    form.clear();
    onSearch(empty);
  };

  const text = (key: keyof AuditFilter) => (
    <TextField {...form.field(key)} widthClass="input-width-l" autoComplete="off" />
  );

  return (
    <section aria-labelledby="audit-search-heading">
      <h2 id="audit-search-heading">{t('audit.search.heading')}</h2>
      {form.problems ? <ErrorSummary items={form.summaryItems} focusKey={form.problems} /> : null}
      <form onSubmit={onSubmit} noValidate className="audit-search">
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField
              {...form.field('from')}
              hint={t('audit.search.dateHint')}
              autoComplete="off"
              widthClass="input-width-m"
            />
          </div>
          <div className="col-12 col-md-6">
            <TextField
              {...form.field('to')}
              hint={t('audit.search.dateHint')}
              autoComplete="off"
              widthClass="input-width-m"
            />
          </div>
          <div className="col-12 col-md-6">{text('action')}</div>
          <div className="col-12 col-md-6">{text('actor')}</div>
          <div className="col-12 col-md-6">{text('entityType')}</div>
          <div className="col-12 col-md-6">{text('entityId')}</div>
        </div>
        <div className="button-group mt-5">
          <button type="submit" className="button button-primary">
            {t('audit.search.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onReset}>
            {t('audit.search.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}

function Results({ filter, page }: { filter: AuditFilter; page: number }) {
  const { t } = useTranslation();
  const log = useAuditLog(filter, page);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(page);

  useEffect(() => {
    // After paging, start reading at the results, not at whichever link was clicked.
    if (shownPage.current !== page) heading.current?.focus();
    shownPage.current = page;
  }, [page]);

  const data = log.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || AUDIT_PAGE_SIZE))) : 1;

  return (
    <section aria-labelledby="audit-results-heading">
      <h2 id="audit-results-heading" ref={heading} tabIndex={-1}>
        {t('audit.results.heading')}
      </h2>
      <div role="status">
        {log.isFetching ? <Loading text={t('audit.results.loading')} announce={false} /> : null}
        {data && !log.isFetching ? <p>{t('audit.results.count', { count: data.total })}</p> : null}
      </div>
      <QueryState query={log} spinner={false} />
      {data && data.items.length > 0 ? (
        <>
          <div className="table--responsive-scroll">
            <table className="table table--zebra table--compact">
              <caption className="sr-only">
                {t('audit.results.caption', { page: data.page, total: totalPages })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.results.time')}</th>
                  <th scope="col">{t('audit.results.actor')}</th>
                  <th scope="col">{t('audit.results.action')}</th>
                  <th scope="col">{t('audit.results.entityType')}</th>
                  <th scope="col">{t('audit.results.entityId')}</th>
                  <th scope="col">{t('audit.results.purpose')}</th>
                  <th scope="col">{t('audit.results.ip')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={isoDateTime(entry.occurredAt)}>
                        {t('common.dateTime', {
                          date: formatDate(entry.occurredAt),
                          time: formatTime(entry.occurredAt, true),
                        })}
                      </time>
                    </td>
                    <td>{entry.actorUsername ?? <NoValue />}</td>
                    <td>{entry.action}</td>
                    <td>{entry.entityType}</td>
                    <td className="break-all">{entry.entityId ?? <NoValue />}</td>
                    <td>{entry.purpose ?? <NoValue />}</td>
                    <td>{entry.clientIp ?? <NoValue />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={data.page}
            totalPages={totalPages}
            label={t('audit.pagination.label')}
            previous={t('audit.pagination.previous')}
            next={t('audit.pagination.next')}
            status={t('audit.pagination.status', { page: data.page, total: totalPages })}
            hrefFor={(p) => toSearch(filter, p)}
          />
        </>
      ) : null}
    </section>
  );
}

function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyAuditChain();
  const result = verify.data;
  const reasonText = (reason: string) => {
    const key = `audit.verify.reasons.${reason}`;
    return i18n.exists(key) ? t(key) : reason;
  };

  return (
    <section aria-labelledby="audit-verify-heading">
      <h2 id="audit-verify-heading">{t('audit.verify.heading')}</h2>
      <p>{t('audit.verify.intro')}</p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          if (!verify.isPending) verify.mutate();
        }}
      >
        {t('audit.verify.button')}
      </button>
      <div role="status" className="mt-5">
        {verify.isPending ? <Loading text={t('audit.verify.running')} announce={false} /> : null}
        {result?.ok ? (
          <Alert variant="success" heading={t('audit.verify.okHeading')} headingLevel={3}>
            <p>{t('audit.verify.okText', { count: result.checked })}</p>
            {result.headHash ? (
              <p>
                {t('audit.verify.headHash')} <code className="break-all">{result.headHash}</code>
              </p>
            ) : null}
          </Alert>
        ) : null}
        {result && !result.ok ? (
          <Alert variant="error" heading={t('audit.verify.brokenHeading')} headingLevel={3}>
            {result.brokenAt ? (
              <p>
                {t('audit.verify.brokenText', {
                  seq: result.brokenAt.seq,
                  reason: reasonText(result.brokenAt.reason),
                })}
              </p>
            ) : null}
            <p>{t('audit.verify.checkedText', { count: result.checked })}</p>
          </Alert>
        ) : null}
        <QueryState query={verify} spinner={false} live={false} headingLevel={3} />
      </div>
    </section>
  );
}

/** /revision: search the audit log and check that its hash chain is unbroken. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const page = pageFromParams(params);

  return (
    <Page title={t('audit.title')}>
      <SearchForm initial={filter} onSearch={(next) => setParams(new URLSearchParams(toSearch(next, 1)))} />
      <Results filter={filter} page={page} />
      <VerifyChain />
    </Page>
  );
}
