import { RequireAuth } from '../../components/require-auth';
import type { WebModule } from '../module';
import { SettingsPage } from './settings.page';

/** The municipality's settings (when a citizen becomes inactive). */
export const settingsModule: WebModule = {
  name: 'settings',
  routes: [
    {
      element: <RequireAuth permission="settings.manage" />,
      children: [{ path: '/admin/indstillinger', element: <SettingsPage /> }],
    },
  ],
  nav: [{ to: '/admin/indstillinger', labelKey: 'nav.settings', permission: 'settings.manage' }],
};
