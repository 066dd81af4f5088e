import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const YouthListPage = lazyPage(() => import('./youth-list.page'), 'YouthListPage');
const YouthProfilePage = lazyPage(() => import('./youth-profile.page'), 'YouthProfilePage');
const ServiceAreasPage = lazyPage(() => import('./service-areas.page'), 'ServiceAreasPage');
const YouthIndicatorsPage = lazyPage(() => import('./indicators.page'), 'YouthIndicatorsPage');

/** Young people aged 15–29 (issue 17): the list, and each young person's youth profile. */
export const youthModule: WebModule = {
  name: 'youth',
  routes: [
    {
      element: <RequireAuth permission="youth.read" />,
      children: [
        { path: '/unge', element: <YouthListPage /> },
        { path: '/unge/:citizenId', element: <YouthProfilePage /> },
      ],
    },
    {
      // The leader's figures, small numbers suppressed (issue 17 §8).
      element: <RequireAuth permission="youth.indicators" />,
      children: [{ path: '/unge/indikatorer', element: <YouthIndicatorsPage /> }],
    },
    {
      element: <RequireAuth permission="users.manage" />,
      children: [{ path: '/admin/serviceomraader', element: <ServiceAreasPage /> }],
    },
  ],
  nav: [
    { to: '/unge', labelKey: 'nav.youth', permission: 'youth.read' },
    { to: '/unge/indikatorer', labelKey: 'nav.youthIndicators', permission: 'youth.indicators' },
    // The administrator puts caseworkers in the child/youth or the adult area (the pair needs both).
    { to: '/admin/serviceomraader', labelKey: 'nav.serviceAreas', permission: 'users.manage' },
  ],
  citizenActions: [
    {
      labelKey: 'youth.citizenAction',
      permission: 'youth.read',
      to: (citizenId) => `/unge/${encodeURIComponent(citizenId)}`,
    },
  ],
};

export { YOUTH_KEY } from './youth.api';
