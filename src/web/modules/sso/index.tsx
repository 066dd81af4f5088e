import { RequireAuth } from '../../components/require-auth';
import type { WebModule } from '../module';
import { SsoRefusedPage } from './sso-refused.page';
import { SsoSettingsPage } from './sso-settings.page';

/** Single sign-on: the administrator's settings and the page of a refused login. */
export const ssoModule: WebModule = {
  name: 'sso',
  routes: [
    { path: '/login/sso', element: <SsoRefusedPage /> },
    {
      element: <RequireAuth permission="settings.manage" />,
      children: [{ path: '/admin/single-sign-on', element: <SsoSettingsPage /> }],
    },
  ],
  nav: [{ to: '/admin/single-sign-on', labelKey: 'nav.sso', permission: 'settings.manage' }],
};

// The login page's buttons (the access module's login page shows them).
export { SsoLoginChoices } from './sso-login';
