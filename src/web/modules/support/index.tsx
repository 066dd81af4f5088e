import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';
import { SupportLayout } from './support-layout';

const CaseloadPage = lazyPage(() => import('./caseload.page'), 'CaseloadPage');
const NewEnrollmentPage = lazyPage(() => import('./new-enrollment.page'), 'NewEnrollmentPage');
const EnrollmentPage = lazyPage(() => import('./enrollment.page'), 'EnrollmentPage');
const CataloguePage = lazyPage(() => import('./catalogue.page'), 'CataloguePage');
const FidelityPage = lazyPage(() => import('./fidelity.page'), 'FidelityPage');
const RetentionPage = lazyPage(() => import('./retention.page'), 'RetentionPage');

/**
 * Support (issue 15): "Mit caseload", enrollments with contacts and CTI phases, the method catalogue
 * with its fidelity norms, workers and teams; for leaders the fidelity overview and housing retention.
 */
export const supportModule: WebModule = {
  name: 'support',
  routes: [
    {
      element: <RequireAuth />,
      children: [
        {
          element: <SupportLayout />,
          children: [
            {
              element: <RequireAuth permission="support.read" />,
              children: [
                { path: '/stoette', element: <CaseloadPage /> },
                { path: '/stoette/forloeb/:id', element: <EnrollmentPage /> },
                { path: '/stoette/metoder', element: <CataloguePage /> },
              ],
            },
            {
              element: <RequireAuth permission="support.write" />,
              children: [{ path: '/stoette/nyt', element: <NewEnrollmentPage /> }],
            },
            {
              element: <RequireAuth permission="support.reports" />,
              children: [
                { path: '/stoette/fidelitet', element: <FidelityPage /> },
                { path: '/stoette/boligfastholdelse', element: <RetentionPage /> },
              ],
            },
          ],
        },
      ],
    },
  ],
  citizenActions: [
    {
      labelKey: 'support.citizenAction',
      permission: 'support.write',
      to: (citizenId) => `/stoette/nyt?citizenId=${encodeURIComponent(citizenId)}`,
    },
  ],
  nav: [
    { to: '/stoette', labelKey: 'nav.support', permission: 'support.read' },
    // Leaders and economy see the figures, not the caseloads.
    {
      to: '/stoette/fidelitet',
      labelKey: 'nav.support',
      permission: 'support.reports',
      unless: 'support.read',
    },
  ],
};
