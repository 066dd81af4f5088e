import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const PlanningPage = lazyPage(() => import('./planning.page'), 'PlanningPage');

/**
 * Planning (issue 19): forecasts of the waiting list, homelessness, shelter days and costs 1–5 years
 * ahead under scenarios, compared side by side and added to the committee report.
 */
export const planningModule: WebModule = {
  name: 'planning',
  routes: [
    {
      element: <RequireAuth permission="planning.read" />,
      children: [{ path: '/planlaegning', element: <PlanningPage /> }],
    },
  ],
  nav: [{ to: '/planlaegning', labelKey: 'nav.planning', permission: 'planning.read' }],
};

export { PLANNING_KEY } from './planning.api';
