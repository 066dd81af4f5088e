import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageOutlet } from '../../components/page-outlet';
import { hasPermission, useSession } from '../../session';

/** A page of the eviction-prevention module in its side menu. */
interface PreventionPage {
  to: string;
  labelKey: string;
  /** Paths that belong to the page (a case under the inbox). */
  below?: (pathname: string) => boolean;
  permission: string;
}

/** The module's own pages; any other path under /udsaettelser/ is a case, which belongs to the inbox. */
const OWN_PATHS = [
  '/udsaettelser/ny',
  '/udsaettelser/import',
  '/udsaettelser/overvaagning',
  '/udsaettelser/indstillinger',
];

/** The eviction-prevention pages, in the order of the side menu. */
export const PREVENTION_PAGES: PreventionPage[] = [
  {
    to: '/udsaettelser',
    labelKey: 'preventionLayout.inbox',
    below: (pathname) => pathname.startsWith('/udsaettelser/') && !OWN_PATHS.includes(pathname),
    permission: 'prevention.read',
  },
  { to: '/udsaettelser/ny', labelKey: 'preventionLayout.create', permission: 'prevention.manage' },
  { to: '/udsaettelser/import', labelKey: 'preventionLayout.import', permission: 'prevention.manage' },
  {
    to: '/udsaettelser/overvaagning',
    labelKey: 'preventionLayout.monitoring',
    permission: 'prevention.reports',
  },
  { to: '/udsaettelser/indstillinger', labelKey: 'preventionLayout.settings', permission: 'prevention.read' },
];

/** `page` for the page itself, `true` for a page below it (a case under the inbox). */
function currentness(pathname: string, page: PreventionPage): 'page' | 'true' | undefined {
  if (pathname === page.to) return 'page';
  if (page.below?.(pathname)) return 'true';
  return undefined;
}

/**
 * The eviction-prevention module's frame: a DKFDS side menu (a `nav` of links, the current one marked
 * with aria-current) beside the page. Each link shows only with its permission; a leader who may only
 * read the monitoring sees that one.
 */
export function PreventionLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const user = useSession().data?.user;
  const pages = PREVENTION_PAGES.filter((page) => hasPermission(user, page.permission));
  if (pages.length === 0) return <PageOutlet />;
  return (
    <div className="row housing-layout prevention-layout">
      <div className="col-12 col-lg-3 col-xl-2">
        <nav aria-label={t('preventionLayout.label')} className="housing-sidenav">
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
