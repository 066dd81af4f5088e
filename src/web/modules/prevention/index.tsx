import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';
import { PreventionLayout } from './prevention-layout';

const EvictionCasePage = lazyPage(() => import('./case.page'), 'EvictionCasePage');
const EvictionCasesPage = lazyPage(() => import('./cases.page'), 'EvictionCasesPage');
const CreateNoticePage = lazyPage(() => import('./create-notice.page'), 'CreateNoticePage');
const EvictionImportPage = lazyPage(() => import('./import.page'), 'EvictionImportPage');
const EvictionMonitoringPage = lazyPage(() => import('./monitoring.page'), 'EvictionMonitoringPage');
const PartnerNoticesPage = lazyPage(() => import('./partner-notices.page'), 'PartnerNoticesPage');
const EvictionSettingsPage = lazyPage(() => import('./settings.page'), 'EvictionSettingsPage');

/**
 * Eviction prevention (issue 6): the inbox of notices, cases, monitoring and settings; and the
 * housing organisations' notices of rent arrears in their own departments.
 */
export const preventionModule: WebModule = {
  name: 'prevention',
  routes: [
    {
      // Each page has its own permission; a leader may read only the monitoring.
      element: <RequireAuth />,
      children: [
        {
          element: <PreventionLayout />,
          children: [
            {
              element: <RequireAuth permission="prevention.read" />,
              children: [
                { path: '/udsaettelser', element: <EvictionCasesPage /> },
                { path: '/udsaettelser/:id', element: <EvictionCasePage /> },
                { path: '/udsaettelser/indstillinger', element: <EvictionSettingsPage /> },
              ],
            },
            {
              element: <RequireAuth permission="prevention.manage" />,
              children: [
                { path: '/udsaettelser/ny', element: <CreateNoticePage /> },
                { path: '/udsaettelser/import', element: <EvictionImportPage /> },
              ],
            },
            {
              element: <RequireAuth permission="prevention.reports" />,
              children: [{ path: '/udsaettelser/overvaagning', element: <EvictionMonitoringPage /> }],
            },
          ],
        },
      ],
    },
    {
      // The housing organisations' notices of rent arrears in their own departments.
      element: <RequireAuth permission="notices.report" />,
      children: [{ path: '/partner/underretninger', element: <PartnerNoticesPage /> }],
    },
  ],
  nav: [
    { to: '/udsaettelser', labelKey: 'nav.prevention', permission: 'prevention.read' },
    // Leaders and economy see the prevention figures, not the cases.
    {
      to: '/udsaettelser/overvaagning',
      labelKey: 'nav.prevention',
      permission: 'prevention.reports',
      unless: 'prevention.read',
    },
    { to: '/partner/underretninger', labelKey: 'nav.partnerNotices', permission: 'notices.report' },
  ],
};
