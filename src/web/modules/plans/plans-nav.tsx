import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasPermission, useSession } from '../../session';

const PAGES = [
  { to: '/planer', labelKey: 'plansNav.plans', permission: 'plans.read' },
  { to: '/planer/sanktioner', labelKey: 'plansNav.sanctions', permission: 'plans.alerts' },
  { to: '/planer/sanktioner/import', labelKey: 'plansNav.import', permission: 'plans.alerts' },
  { to: '/planer/depositumslaan', labelKey: 'plansNav.deposit', permission: 'plans.alerts' },
  { to: '/planer/indstillinger', labelKey: 'plansNav.settings', permission: 'settings.manage' },
];

/** The module's pages as a row of links (the current one marked), each shown with its permission. */
export function PlansNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const user = useSession().data?.user;
  const pages = PAGES.filter((p) => hasPermission(user, p.permission));
  if (pages.length < 2) return null;
  return (
    <nav aria-label={t('plansNav.label')} className="mb-5">
      <ul className="nobullet-list d-flex flex-wrap">
        {pages.map((p) => (
          <li key={p.to} className="mr-5">
            <Link to={p.to} aria-current={pathname === p.to ? 'page' : undefined}>
              {t(p.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
