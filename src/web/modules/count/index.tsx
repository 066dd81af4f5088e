import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const CountsPage = lazyPage(() => import('./counts.page'), 'CountsPage');
const CountPage = lazyPage(() => import('./count.page'), 'CountPage');
const CountReportPage = lazyPage(() => import('./report.page'), 'CountReportPage');

/**
 * The week-6 homelessness count (issue 18 §1): the counts, the registration of a year's count from
 * the by-name list, and the report beside earlier counts and the national totals.
 */
export const countModule: WebModule = {
  name: 'count',
  routes: [
    {
      // The list leads to the report, so those who read only figures reach it too.
      element: <RequireAuth permission="count.report" />,
      children: [
        { path: '/taelling', element: <CountsPage /> },
        { path: '/taelling/:year/rapport', element: <CountReportPage /> },
      ],
    },
    {
      element: <RequireAuth permission="count.read" />,
      children: [{ path: '/taelling/:year', element: <CountPage /> }],
    },
  ],
  nav: [
    { to: '/taelling', labelKey: 'nav.count', permission: 'count.read' },
    // Leader, economy, administrator: the list and the reports, no people.
    { to: '/taelling', labelKey: 'nav.countReport', permission: 'count.report', unless: 'count.read' },
  ],
};

export { COUNT_KEY } from './count.api';
