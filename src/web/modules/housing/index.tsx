import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';
import { HousingLayout } from './housing-layout';

const AgreementPage = lazyPage(() => import('./agreement.page'), 'AgreementPage');
const AgreementsPage = lazyPage(() => import('./agreements.page'), 'AgreementsPage');
const DepartmentPage = lazyPage(() => import('./department.page'), 'DepartmentPage');
const ElderlyPage = lazyPage(() => import('./elderly.page'), 'ElderlyPage');
const ExpectedPage = lazyPage(() => import('./expected.page'), 'ExpectedPage');
const HousingImportPage = lazyPage(() => import('./import.page'), 'HousingImportPage');
const OrganisationsPage = lazyPage(() => import('./organisations.page'), 'OrganisationsPage');
const PipelinePage = lazyPage(() => import('./pipeline.page'), 'PipelinePage');
const PoolsPage = lazyPage(() => import('./pools.page'), 'PoolsPage');
const ReportPage = lazyPage(() => import('./report.page'), 'ReportPage');

/** Social housing: organisations, departments, agreements, expected units, pools (issue 4). */
export const housingModule: WebModule = {
  name: 'housing',
  routes: [
    {
      element: <RequireAuth permission="housing.read" />,
      children: [
        {
          element: <HousingLayout />,
          children: [
            { path: '/boliger', element: <OrganisationsPage /> },
            { path: '/boliger/afdelinger/:id', element: <DepartmentPage /> },
            { path: '/boliger/aftaler', element: <AgreementsPage /> },
            { path: '/boliger/aftaler/:id', element: <AgreementPage /> },
            { path: '/boliger/forventet', element: <ExpectedPage /> },
            { path: '/boliger/rapport', element: <ReportPage /> },
            { path: '/boliger/puljer', element: <PoolsPage /> },
            { path: '/boliger/nybyggeri', element: <PipelinePage /> },
            { path: '/boliger/aeldre', element: <ElderlyPage /> },
            {
              element: <RequireAuth permission="housing.manage" />,
              children: [
                { path: '/boliger/aftaler/ny', element: <AgreementPage /> },
                { path: '/boliger/import', element: <HousingImportPage /> },
              ],
            },
          ],
        },
      ],
    },
  ],
  nav: [{ to: '/boliger', labelKey: 'nav.housing', permission: 'housing.read' }],
};

// What other modules may use (they import this folder, never its files).
export { type Department, HOUSING_KEY, useDepartments } from './housing.api';
export { AreaStatusText, departmentName } from './housing-format';
