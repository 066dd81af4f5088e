import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageOutlet } from '../../components/page-outlet';
import { hasPermission, useSession } from '../../session';

interface SupportPage {
  to: string;
  labelKey: string;
  permission: string;
  below?: (pathname: string) => boolean;
}

/** The support pages, in the order of the side menu. */
const SUPPORT_PAGES: SupportPage[] = [
  {
    to: '/stoette',
    labelKey: 'supportLayout.caseload',
    permission: 'support.read',
    below: (pathname) => pathname.startsWith('/stoette/forloeb/'),
  },
  { to: '/stoette/nyt', labelKey: 'supportLayout.create', permission: 'support.write' },
  { to: '/stoette/fidelitet', labelKey: 'supportLayout.fidelity', permission: 'support.reports' },
  { to: '/stoette/boligfastholdelse', labelKey: 'supportLayout.retention', permission: 'support.reports' },
  { to: '/stoette/metoder', labelKey: 'supportLayout.catalogue', permission: 'support.read' },
];

/** The support module's frame: a DKFDS side menu beside the page, each link with its permission. */
export function SupportLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const user = useSession().data?.user;
  const pages = SUPPORT_PAGES.filter((page) => hasPermission(user, page.permission));
  if (pages.length === 0) return <PageOutlet />;
  return (
    <div className="row housing-layout">
      <div className="col-12 col-lg-3 col-xl-2">
        <nav aria-label={t('supportLayout.label')} className="housing-sidenav">
          <ul className="sidemenu">
            {pages.map((page) => {
              const current = pathname === page.to ? 'page' : page.below?.(pathname) ? 'true' : undefined;
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
