import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const TransitionsPage = lazyPage(() => import('./transitions.page'), 'TransitionsPage');
const TransitionPlanPage = lazyPage(() => import('./transition-plan.page'), 'TransitionPlanPage');
const YouthOffersPage = lazyPage(() => import('./youth-offers.page'), 'YouthOffersPage');

/**
 * Transitions into adult life (issue 17 §4–5): young people's transition plans with meetings and
 * actions, and the catalogue of youth offers.
 */
export const transitionsModule: WebModule = {
  name: 'transitions',
  routes: [
    {
      element: <RequireAuth permission="transitions.read" />,
      children: [
        { path: '/overgange', element: <TransitionsPage /> },
        { path: '/overgange/:planId', element: <TransitionPlanPage /> },
        { path: '/ungetilbud', element: <YouthOffersPage /> },
      ],
    },
  ],
  nav: [
    // Caseworkers and support workers; the administrator, who keeps the catalogue, sees no plan.
    { to: '/overgange', labelKey: 'nav.transitions', permission: 'transitions.write' },
    { to: '/ungetilbud', labelKey: 'nav.youthOffers', permission: 'transitions.read' },
  ],
};

export { TRANSITIONS_KEY } from './transitions.api';
