/**
 * Loading, error and empty states of one TanStack query, with the same markup everywhere.
 *
 * ```tsx
 * // spinner while pending, an error alert, then the data (and the error alert stays above stale data)
 * <QueryState query={pools} loadingText={t('…loading')}
 *   empty={<p>{t('housing.pools.none')}</p>} isEmpty={(data) => data.items.length === 0}>
 *   {(data) => <PoolList pools={data.items} />}
 * </QueryState>
 *
 * // only the spinner and the error, when the data is shown elsewhere on the page
 * <QueryState query={roles} />
 *
 * // a search that keeps its results while it refetches: spinner on every fetch, not announced
 * <QueryState query={list} fetching announce={false} loadingText={t('…loading')} />
 *
 * // two queries behind one spinner and one error (data once both have theirs)
 * <QueryState query={combineQueries({ organisations, departments })} />
 *
 * // the error only (the spinner sits in the page's own status region); a 404 told elsewhere
 * <QueryState query={citizen} spinner={false} renderError={() => (notFound ? null : undefined)} />
 * ```
 *
 * The spinner is `<Loading>` (role="status" unless `announce={false}`); the error is
 * `<Alert variant="error" live="alert">` with `errorMessage(t, error)` in a paragraph (`live={false}`
 * for a static one, `errorText` for another text, `renderError` to replace the alert, e.g. a 404).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';
import { Alert } from './alert';
import { Loading } from './loading';

/** What {@link QueryState} reads of a TanStack query result. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  isError: boolean;
  isFetching?: boolean;
}

/** Props of {@link QueryState}. */
export interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** What is loading; defaults to the generic "Indlæser …". */
  loadingText?: string;
  /** Set to false inside an element that is already a live region. */
  announce?: boolean;
  /** Show the spinner on every fetch (a new search), not only before the first data. */
  fetching?: boolean;
  /** `false` when the page shows the spinner elsewhere (inside its own status region). */
  spinner?: boolean;
  /** `'alert'` (default) announces the error; `false` renders a static alert. */
  live?: 'alert' | false;
  /** Heading level of the error alert (it sits under an h2 inside a section). */
  headingLevel?: 2 | 3;
  /** Another text for the error than the error catalogue's. */
  errorText?: (error: unknown) => string;
  /** Replaces the error alert (return `undefined` to keep it), e.g. for a 404 with its own text. */
  renderError?: (error: unknown) => ReactNode | undefined;
  /** Shown instead of the children when the data is empty. */
  empty?: ReactNode;
  /** When the data counts as empty; defaults to an empty array or an empty `items` array. */
  isEmpty?: (data: T) => boolean;
  /** The content, given the data (rendered whenever data is there, even after a failed refetch). */
  children?: (data: T) => ReactNode;
}

/**
 * Several queries as one for {@link QueryState}: pending while any is, failed with the first error,
 * and its data (each query's by name) once every one has data.
 */
export function combineQueries<T extends Record<string, unknown>>(
  queries: {
    [K in keyof T]: QueryLike<T[K]>;
  },
): QueryLike<T> {
  const all = Object.values(queries) as QueryLike<unknown>[];
  const failed = all.find((q) => q.isError);
  const complete = all.every((q) => q.data !== undefined);
  return {
    data: complete
      ? (Object.fromEntries(
          Object.entries(queries).map(([k, q]) => [k, (q as QueryLike<unknown>).data]),
        ) as T)
      : undefined,
    error: failed?.error ?? null,
    isPending: all.some((q) => q.isPending),
    isError: failed !== undefined,
    isFetching: all.some((q) => q.isFetching ?? q.isPending),
  };
}

function emptyByDefault(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  if (data && typeof data === 'object' && 'items' in data && Array.isArray(data.items))
    return data.items.length === 0;
  return false;
}

/** The loading spinner, the error alert, the empty text and the content of one query. */
export function QueryState<T>({
  query,
  loadingText,
  announce,
  fetching,
  spinner = true,
  live = 'alert',
  headingLevel,
  errorText,
  renderError,
  empty,
  isEmpty = emptyByDefault,
  children,
}: QueryStateProps<T>) {
  const { t } = useTranslation();
  const loading = !spinner ? false : fetching ? (query.isFetching ?? query.isPending) : query.isPending;
  const replaced = query.isError && renderError ? renderError(query.error) : undefined;
  const data = query.data;
  return (
    <>
      {loading ? <Loading text={loadingText} announce={announce} /> : null}
      {query.isError ? (
        replaced !== undefined ? (
          replaced
        ) : (
          <Alert variant="error" live={live === false ? undefined : live} headingLevel={headingLevel}>
            <p>{errorText ? errorText(query.error) : errorMessage(t, query.error)}</p>
          </Alert>
        )
      ) : null}
      {data !== undefined && empty !== undefined && isEmpty(data) ? empty : null}
      {data !== undefined && children && !(empty !== undefined && isEmpty(data)) ? children(data) : null}
    </>
  );
}
