import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Icon } from '../../components/icon';
import { PageOutlet } from '../../components/page-outlet';
import { hasPermission, useSession } from '../../session';

/** A page of the housing module in its side menu. */
interface HousingPage {
  to: string;
  labelKey: string;
  /** Other paths that belong to the page (details and forms below it). */
  below?: string;
  permission?: string;
}

/** The housing module's pages, in the order of the side menu. */
export const HOUSING_PAGES: HousingPage[] = [
  { to: '/boliger', labelKey: 'housing.nav.organisations', below: '/boliger/afdelinger' },
  { to: '/boliger/aftaler', labelKey: 'housing.nav.agreements', below: '/boliger/aftaler' },
  { to: '/boliger/forventet', labelKey: 'housing.nav.expected' },
  { to: '/boliger/rapport', labelKey: 'housing.nav.report' },
  { to: '/boliger/puljer', labelKey: 'housing.nav.pools' },
  { to: '/boliger/nybyggeri', labelKey: 'housing.nav.pipeline' },
  { to: '/boliger/aeldre', labelKey: 'housing.nav.elderly' },
  { to: '/boliger/import', labelKey: 'housing.nav.import', permission: 'housing.manage' },
];

/** Where the whole module can be downloaded as one workbook. */
export const EXPORT_HREF = '/api/housing/export.xlsx';

/** `page` for the page itself, `true` for a page below it (an agreement under the agreements). */
function currentness(pathname: string, page: HousingPage): 'page' | 'true' | undefined {
  if (pathname === page.to) return 'page';
  if (page.below && pathname.startsWith(`${page.below}/`)) return 'true';
  return undefined;
}

/**
 * The housing module's frame: a DKFDS side menu (a `nav` of links, the current one marked with
 * aria-current) and the export of everything, beside the page.
 */
export function HousingLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const user = useSession().data?.user;
  const pages = HOUSING_PAGES.filter((page) => !page.permission || hasPermission(user, page.permission));
  return (
    <div className="row housing-layout">
      <div className="col-12 col-lg-3 col-xl-2">
        <nav aria-label={t('housing.nav.label')} className="housing-sidenav">
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
        <p className="housing-export">
          <a href={EXPORT_HREF} download className="function-link">
            <Icon name="file-excel" />
            {t('housing.nav.export')}
          </a>
        </p>
      </div>
      <div className="col-12 col-lg-9 col-xl-10">
        <PageOutlet />
      </div>
    </div>
  );
}
