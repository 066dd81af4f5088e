import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const ResidentsPage = lazyPage(() => import('./residents.page'), 'ResidentsPage');
const SheltersAdminPage = lazyPage(() => import('./shelters-admin.page'), 'SheltersAdminPage');
const CitizensInSheltersPage = lazyPage(
  () => import('./citizens-in-shelters.page'),
  'CitizensInSheltersPage',
);

/** § 110 shelters (issue 16): the shelter staff's residents, admissions, notifications and discharges. */
export const sheltersModule: WebModule = {
  name: 'shelters',
  routes: [
    {
      element: <RequireAuth permission="shelters.stays" />,
      children: [{ path: '/herberg', element: <ResidentsPage /> }],
    },
    {
      element: <RequireAuth permission="shelters.casework" />,
      children: [{ path: '/herberg/borgere', element: <CitizensInSheltersPage /> }],
    },
    {
      element: <RequireAuth permission="shelters.manage" />,
      children: [{ path: '/herberger', element: <SheltersAdminPage /> }],
    },
  ],
  nav: [
    { to: '/herberg', labelKey: 'nav.shelter', permission: 'shelters.stays' },
    { to: '/herberger', labelKey: 'nav.shelters', permission: 'shelters.manage' },
    { to: '/herberg/borgere', labelKey: 'nav.shelter', permission: 'shelters.casework' },
  ],
};

export { SHELTERS_KEY } from './shelters.api';
