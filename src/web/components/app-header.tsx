import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { hasPermission, logout, type SessionUser, useSession } from '../session';
import { Icon } from './icon';
import { LanguageSwitch } from './language-switch';
import { useNavigation } from './navigation';

function isCurrent(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function MainMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // The main menu: every module's entries in the order of the module list, each only with its permission.
  const items = useNavigation().filter(
    (item) => hasPermission(user, item.permission) && !(item.unless && hasPermission(user, item.unless)),
  );
  if (items.length === 0) return null;
  return (
    <div className="navigation-menu">
      <div className="navigation-menu-inner container">
        <nav className="nav" aria-label={t('header.mainMenu')}>
          <ul className="mainmenu">
            {items.map((item) => {
              const current = isCurrent(pathname, item.to);
              return (
                <li key={item.to} className={current ? 'active current' : undefined}>
                  <Link to={item.to} className="nav-link" aria-current={current ? 'page' : undefined}>
                    <span>{t(item.labelKey)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>
    </div>
  );
}

function UserBox({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const onLogout = async () => {
    try {
      const provider = await logout(queryClient);
      // A single sign-on session ends at the provider too, which sends the browser back to /login.
      if (provider) {
        window.location.assign(provider);
        return;
      }
    } catch (error) {
      // The local session is gone either way; the server's session expires on its own.
      console.warn('Logout request failed', error);
    }
    await navigate('/login', { replace: true });
  };

  return (
    <>
      <p className="user">
        {t('header.user', {
          name: user.displayName,
          role: t(`roles.${user.role}`, { defaultValue: user.role }),
        })}
      </p>
      <Link to="/konto/totrin" className="function-link">
        {t('header.secondFactor')}
      </Link>
      <button type="button" className="function-link log-off" onClick={() => void onLogout()}>
        <Icon name="lock" />
        {t('header.logout')}
      </button>
    </>
  );
}

/** The DKFDS header: user and language on top, the solution and municipality, then the main menu. */
export function AppHeader() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const user = session?.user;
  return (
    <header className="header">
      <div className="portal-info">
        <div className="portal-info-inner container">
          <div className="portal-user">
            <LanguageSwitch />
            {user ? <UserBox user={user} /> : null}
          </div>
        </div>
      </div>
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading">
            <Link to="/">{t('app.name')}</Link>
          </div>
          {user ? (
            <div className="additional-info">
              <p>
                <strong className="authority-name">{user.municipality.name}</strong>
              </p>
            </div>
          ) : null}
        </div>
      </div>
      {user ? <MainMenu user={user} /> : null}
    </header>
  );
}
