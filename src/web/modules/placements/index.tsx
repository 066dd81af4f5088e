import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const PlacementsPage = lazyPage(() => import('./placements.page'), 'PlacementsPage');
const SkaeveBoligerPage = lazyPage(() => import('./skaeve-boliger.page'), 'SkaeveBoligerPage');

/** Alternative housing (issue 16 §6): § 107 / § 108 placements (botilbud) and skæve boliger. */
export const placementsModule: WebModule = {
  name: 'placements',
  routes: [
    {
      element: <RequireAuth permission="placements.read" />,
      children: [
        { path: '/botilbud', element: <PlacementsPage /> },
        { path: '/skaeve-boliger', element: <SkaeveBoligerPage /> },
      ],
    },
  ],
  nav: [
    { to: '/botilbud', labelKey: 'nav.placements', permission: 'placements.read' },
    { to: '/skaeve-boliger', labelKey: 'nav.skaeveBoliger', permission: 'placements.read' },
  ],
};

export { PLACEMENTS_KEY } from './placements.api';
