import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const DashboardPage = lazyPage(() => import('./dashboard.page'), 'DashboardPage');
const FlowPage = lazyPage(() => import('./flow.page'), 'FlowPage');
const CommitteeReportPage = lazyPage(() => import('./committee.page'), 'CommitteeReportPage');
const ComparisonPage = lazyPage(() => import('./comparison.page'), 'ComparisonPage');
const InsightSettingsPage = lazyPage(() => import('./settings.page'), 'InsightSettingsPage');

/**
 * Insight for steering (issue 18): the dashboard of each role, the monthly by-name flow (rule 35), the committee report of a
 * period, the comparison with the municipalities that share, and the settings of figures that leave
 * case work (the suppression limit and the opt-in to sharing). Figures only.
 */
export const insightModule: WebModule = {
  name: 'insight',
  routes: [
    {
      element: <RequireAuth permission="insight.dashboard" />,
      children: [{ path: '/indsigt', element: <DashboardPage /> }],
    },
    {
      element: <RequireAuth permission="insight.flow" />,
      children: [{ path: '/indsigt/flow', element: <FlowPage /> }],
    },
    {
      element: <RequireAuth permission="insight.report" />,
      children: [{ path: '/indsigt/udvalgsrapport', element: <CommitteeReportPage /> }],
    },
    {
      element: <RequireAuth permission="insight.compare" />,
      children: [{ path: '/indsigt/sammenligning', element: <ComparisonPage /> }],
    },
    {
      element: <RequireAuth permission="insight.settings" />,
      children: [{ path: '/indsigt/indstillinger', element: <InsightSettingsPage /> }],
    },
  ],
  nav: [
    { to: '/indsigt', labelKey: 'nav.insightDashboard', permission: 'insight.dashboard' },
    { to: '/indsigt/flow', labelKey: 'nav.insightFlow', permission: 'insight.flow' },
    { to: '/indsigt/udvalgsrapport', labelKey: 'nav.insightReport', permission: 'insight.report' },
    { to: '/indsigt/sammenligning', labelKey: 'nav.insightCompare', permission: 'insight.compare' },
    { to: '/indsigt/indstillinger', labelKey: 'nav.insightSettings', permission: 'insight.settings' },
  ],
};

export { INSIGHT_KEY } from './insight.api';
