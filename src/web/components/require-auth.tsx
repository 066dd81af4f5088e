import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../i18n/errors';
import { hasPermission, useSession } from '../session';
import { Alert } from './alert';
import { Loading } from './loading';
import { Page } from './page';

/** Where the login page sends the user back to. */
export interface LoginRedirectState {
  from?: { pathname: string; search?: string; hash?: string };
}

/** Shown when the session cannot be checked at all (server down, network error). */
export function SessionErrorPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Page title={t('sessionError.title')}>
      <Alert variant="error" live="alert">
        <p>{errorMessage(t, error)}</p>
      </Alert>
      <button type="button" className="button button-primary" onClick={onRetry}>
        {t('sessionError.retry')}
      </button>
    </Page>
  );
}

/** Shown to a signed-in user who lacks the permission a page needs. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')}>
      <p>{t('forbidden.text')}</p>
    </Page>
  );
}

/** Props of {@link RequireAuth}. */
export interface RequireAuthProps {
  /**
   * The permission the pages below need (or a list: any one of them will do); without it any
   * signed-in user may see them.
   */
  permission?: string | readonly string[];
}

/**
 * Guards the pages below it: not signed in → /login (remembering where the user was going);
 * signed in without the permission → a "no access" page.
 */
export function RequireAuth({ permission }: RequireAuthProps) {
  const location = useLocation();
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (session.isError)
    return <SessionErrorPage error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const state: LoginRedirectState = {
      from: { pathname: location.pathname, search: location.search, hash: location.hash },
    };
    return <Navigate to="/login" replace state={state} />;
  }
  const user = session.data.user;
  const anyOf = typeof permission === 'string' ? [permission] : (permission ?? []);
  if (anyOf.length > 0 && !anyOf.some((p) => hasPermission(user, p))) return <ForbiddenPage />;
  return <Outlet />;
}
