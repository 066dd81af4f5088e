import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageOutlet } from '../../components/page-outlet';
import { hasPermission, useSession } from '../../session';

/** A page of the allocation module in its side menu. */
interface AllocationPage {
  to: string;
  labelKey: string;
  /** Paths that belong to the page (details and forms below it). */
  below?: string[];
  /** The permission the page needs, or a list of which any one will do. */
  permission: string | readonly string[];
}

/** The allocation module's pages, in the order of the side menu. */
export const ALLOCATION_PAGES: AllocationPage[] = [
  {
    to: '/anvisning',
    labelKey: 'allocationLayout.applications',
    below: ['/anvisning/ansoegninger', '/anvisning/ny'],
    permission: 'allocation.read',
  },
  {
    to: '/anvisning/venteliste',
    labelKey: 'allocationLayout.waitingList',
    // Leaders and economy see the waiting-list figures (allocation.reports), not the names.
    permission: ['allocation.read', 'allocation.reports'],
  },
  {
    to: '/anvisning/boliger',
    labelKey: 'allocationLayout.vacancies',
    below: ['/anvisning/boliger'],
    permission: 'allocation.read',
  },
  { to: '/anvisning/optaelling', labelKey: 'allocationLayout.census', permission: 'allocation.manage' },
  { to: '/anvisning/indstillinger', labelKey: 'allocationLayout.settings', permission: 'allocation.read' },
];

/** `page` for the page itself, `true` for a page below it (an application under the applications). */
function currentness(pathname: string, page: AllocationPage): 'page' | 'true' | undefined {
  if (pathname === page.to) return 'page';
  if (page.below?.some((below) => pathname === below || pathname.startsWith(`${below}/`))) return 'true';
  return undefined;
}

/**
 * The allocation module's frame: a DKFDS side menu (a `nav` of links, the current one marked with
 * aria-current) beside the page. Each link shows only with its permission.
 */
export function AllocationLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const user = useSession().data?.user;
  const pages = ALLOCATION_PAGES.filter((page) =>
    (typeof page.permission === 'string' ? [page.permission] : page.permission).some((p) =>
      hasPermission(user, p),
    ),
  );
  return (
    <div className="row housing-layout allocation-layout">
      <div className="col-12 col-lg-3 col-xl-2">
        <nav aria-label={t('allocationLayout.label')} className="housing-sidenav">
          <ul className="sidemenu">
            {pages.map((page) => {
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
      </div>
      <div className="col-12 col-lg-9 col-xl-10">
        <PageOutlet />
      </div>
    </div>
  );
}
