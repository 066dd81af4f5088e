import { Link, type To } from 'react-router';

/** Props of {@link Pagination}; texts are translated by the caller, links built by `hrefFor`. */
export interface PaginationProps {
  page: number;
  totalPages: number;
  /** Accessible name of the navigation landmark, e.g. "Sider i auditloggen". */
  label: string;
  previous: string;
  next: string;
  /** "Side 2 af 7". */
  status: string;
  hrefFor: (page: number) => To;
  /** History state carried along (e.g. a search text kept out of the URL). */
  state?: unknown;
}

/** Previous / next links around a page status, as one labelled navigation; nothing for a single page. */
export function Pagination({
  page,
  totalPages,
  label,
  previous,
  next,
  status,
  hrefFor,
  state,
}: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination-bar" aria-label={label}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} state={state} className="button button-secondary">
          {previous}
        </Link>
      ) : null}
      <span>{status}</span>
      {page < totalPages ? (
        <Link to={hrefFor(page + 1)} state={state} className="button button-secondary">
          {next}
        </Link>
      ) : null}
    </nav>
  );
}
