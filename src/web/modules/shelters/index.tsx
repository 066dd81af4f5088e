import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const ResidentsPage = lazyPage(() => import('./residents.page'), 'ResidentsPage');
const SheltersAdminPage = lazyPage(() => import('./shelters-admin.page'), 'SheltersAdminPage');

/** § 110 shelters (issue 16): the shelter staff's residents, admissions, notifications and discharges. */
export const sheltersModule: WebModule = {
  name: 'shelters',
  routes: [
    {
      element: <RequireAuth permission="shelters.stays" />,
      children: [{ path: '/herberg', element: <ResidentsPage /> }],
    },
    {
      element: <RequireAuth permission="shelters.manage" />,
      children: [{ path: '/herberger', element: <SheltersAdminPage /> }],
    },
  ],
  nav: [
    { to: '/herberg', labelKey: 'nav.shelter', permission: 'shelters.stays' },
    { to: '/herberger', labelKey: 'nav.shelters', permission: 'shelters.manage' },
  ],
};

export { SHELTERS_KEY } from './shelters.api';
