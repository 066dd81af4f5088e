import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const ResidentsPage = lazyPage(() => import('./residents.page'), 'ResidentsPage');
const SheltersAdminPage = lazyPage(() => import('./shelters-admin.page'), 'SheltersAdminPage');
const StayLengthsPage = lazyPage(() => import('./stay-lengths.page'), 'StayLengthsPage');
const StayReportPage = lazyPage(() => import('./stay-report.page'), 'StayReportPage');
const ShelterNotificationsPage = lazyPage(() => import('./notifications.page'), 'ShelterNotificationsPage');
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
      children: [
        { path: '/herberg/borgere', element: <CitizensInSheltersPage /> },
        { path: '/herberg/underretninger', element: <ShelterNotificationsPage /> },
      ],
    },
    {
      element: <RequireAuth permission="shelters.statistics" />,
      children: [{ path: '/herberg/opholdslaengder', element: <StayLengthsPage /> }],
    },
    {
      element: <RequireAuth permission="shelters.stays" />,
      children: [{ path: '/herberg/indberetning', element: <StayReportPage /> }],
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
    { to: '/herberg/indberetning', labelKey: 'nav.stayReport', permission: 'shelters.stays' },
    { to: '/herberg/opholdslaengder', labelKey: 'nav.stayLengths', permission: 'shelters.statistics' },
  ],
};

export { SHELTERS_KEY } from './shelters.api';
