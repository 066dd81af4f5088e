import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const ResidentsPage = lazyPage(() => import('./residents.page'), 'ResidentsPage');

/** § 110 shelters (issue 16): the shelter staff's residents, admissions, notifications and discharges. */
export const sheltersModule: WebModule = {
  name: 'shelters',
  routes: [
    {
      element: <RequireAuth permission="shelters.stays" />,
      children: [{ path: '/herberg', element: <ResidentsPage /> }],
    },
  ],
  nav: [{ to: '/herberg', labelKey: 'nav.shelter', permission: 'shelters.stays' }],
};

export { SHELTERS_KEY } from './shelters.api';
