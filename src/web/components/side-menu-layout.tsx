import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasPermission, type SessionUser, useSession } from '../session';
import { PageOutlet } from './page-outlet';

/** A page of a module in its side menu. */
export interface SideMenuPage {
  to: string;
  labelKey: string;
  /** The permission the page needs, or a list of which any one will do; none: every user of the module. */
  permission?: string | readonly string[];
  /** Whether a path belongs to the page (a detail or a form below it). */
  below?: (pathname: string) => boolean;
}

/** Paths at or below any of the prefixes, for {@link SideMenuPage.below}. */
export const under =
  (...prefixes: string[]) =>
  (pathname: string): boolean =>
    prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

/** Whether the user may see the page in the menu. */
function mayOpen(user: SessionUser | null | undefined, page: SideMenuPage): boolean {
  if (page.permission === undefined) return true;
  const any = typeof page.permission === 'string' ? [page.permission] : page.permission;
  return any.some((permission) => hasPermission(user, permission));
}

/** `page` for the page itself, `true` for a page below it (a case under the inbox). */
function currentness(pathname: string, page: SideMenuPage): 'page' | 'true' | undefined {
  if (pathname === page.to) return 'page';
  if (page.below?.(pathname)) return 'true';
  return undefined;
}

/**
 * A module's frame: a DKFDS side menu (a `nav` named `labelKey`, its links each shown only with its
 * permission, the current one marked with aria-current) beside the page, and anything the module
 * adds below the menu (`aside`). Without a page the user may open, only the page.
 */
export function SideMenuLayout({
  labelKey,
  pages,
  className,
  aside,
}: {
  labelKey: string;
  pages: readonly SideMenuPage[];
  /** The module's own class beside `row housing-layout`, for its styles. */
  className?: string;
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const user = useSession().data?.user;
  const shown = pages.filter((page) => mayOpen(user, page));
  if (shown.length === 0) return <PageOutlet />;
  return (
    <div className={className ? `row housing-layout ${className}` : 'row housing-layout'}>
      <div className="col-12 col-lg-3 col-xl-2">
        <nav aria-label={t(labelKey)} className="housing-sidenav">
          <ul className="sidemenu">
            {shown.map((page) => {
              const current = currentness(pathname, page);
              return (
                <li key={page.to} className={current ? 'active current' : undefined}>
                  <Link to={page.to} className="nav-link" aria-current={current}>
                    <span>{t(page.labelKey)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        {aside}
      </div>
      <div className="col-12 col-lg-9 col-xl-10">
        <PageOutlet />
      </div>
    </div>
  );
}
