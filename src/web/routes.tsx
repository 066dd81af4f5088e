import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout';
import { LoginPage } from './modules/access/login.page';
import { RequireAuth } from './modules/access/require-auth';
import { UsersPage } from './modules/access/users.page';
import { AllocationLayout } from './modules/allocation/allocation-layout';
import { AuditPage } from './modules/audit/audit.page';
import { HousingLayout } from './modules/housing/housing-layout';
import { PreventionLayout } from './modules/prevention/prevention-layout';
import { SettingsPage } from './modules/settings/settings.page';
import { AccessibilityPage } from './modules/site/accessibility.page';
import { NotFoundPage } from './modules/site/not-found.page';
import { HomePage } from './modules/tasks/tasks.page';

/**
 * A page loaded when it is first shown, so the first page a user opens does not wait for every
 * module's code. The nearest `<Suspense>` (the page shell or a module's layout) shows the spinner.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const AllocationSettingsPage = lazyPage(
  () => import('./modules/allocation/allocation-settings.page'),
  'AllocationSettingsPage',
);
const ApplicationPage = lazyPage(() => import('./modules/allocation/application.page'), 'ApplicationPage');
const ApplicationsPage = lazyPage(() => import('./modules/allocation/applications.page'), 'ApplicationsPage');
const CensusPage = lazyPage(() => import('./modules/allocation/census.page'), 'CensusPage');
const CreateApplicationPage = lazyPage(
  () => import('./modules/allocation/create-application.page'),
  'CreateApplicationPage',
);
const CreateVacancyPage = lazyPage(
  () => import('./modules/allocation/create-vacancy.page'),
  'CreateVacancyPage',
);
const EditApplicationPage = lazyPage(
  () => import('./modules/allocation/edit-application.page'),
  'EditApplicationPage',
);
const PartnerVacanciesPage = lazyPage(
  () => import('./modules/allocation/partner-vacancies.page'),
  'PartnerVacanciesPage',
);
const VacanciesPage = lazyPage(() => import('./modules/allocation/vacancies.page'), 'VacanciesPage');
const VacancyPage = lazyPage(() => import('./modules/allocation/vacancy.page'), 'VacancyPage');
const VacancyImportPage = lazyPage(
  () => import('./modules/allocation/vacancy-import.page'),
  'VacancyImportPage',
);
const WaitingListPage = lazyPage(() => import('./modules/allocation/waiting-list.page'), 'WaitingListPage');
const CitizenPage = lazyPage(() => import('./modules/citizens/citizen.page'), 'CitizenPage');
const CitizensPage = lazyPage(() => import('./modules/citizens/citizens.page'), 'CitizensPage');
const CreateCitizenPage = lazyPage(
  () => import('./modules/citizens/create-citizen.page'),
  'CreateCitizenPage',
);
const DuplicatesPage = lazyPage(() => import('./modules/citizens/duplicates.page'), 'DuplicatesPage');
const ImportPage = lazyPage(() => import('./modules/citizens/import.page'), 'ImportPage');
const AgreementPage = lazyPage(() => import('./modules/housing/agreement.page'), 'AgreementPage');
const AgreementsPage = lazyPage(() => import('./modules/housing/agreements.page'), 'AgreementsPage');
const DepartmentPage = lazyPage(() => import('./modules/housing/department.page'), 'DepartmentPage');
const ElderlyPage = lazyPage(() => import('./modules/housing/elderly.page'), 'ElderlyPage');
const ExpectedPage = lazyPage(() => import('./modules/housing/expected.page'), 'ExpectedPage');
const HousingImportPage = lazyPage(() => import('./modules/housing/import.page'), 'HousingImportPage');
const OrganisationsPage = lazyPage(() => import('./modules/housing/organisations.page'), 'OrganisationsPage');
const PipelinePage = lazyPage(() => import('./modules/housing/pipeline.page'), 'PipelinePage');
const PoolsPage = lazyPage(() => import('./modules/housing/pools.page'), 'PoolsPage');
const ReportPage = lazyPage(() => import('./modules/housing/report.page'), 'ReportPage');
const EvictionCasePage = lazyPage(() => import('./modules/prevention/case.page'), 'EvictionCasePage');
const EvictionCasesPage = lazyPage(() => import('./modules/prevention/cases.page'), 'EvictionCasesPage');
const CreateNoticePage = lazyPage(
  () => import('./modules/prevention/create-notice.page'),
  'CreateNoticePage',
);
const EvictionImportPage = lazyPage(() => import('./modules/prevention/import.page'), 'EvictionImportPage');
const EvictionMonitoringPage = lazyPage(
  () => import('./modules/prevention/monitoring.page'),
  'EvictionMonitoringPage',
);
const PartnerNoticesPage = lazyPage(
  () => import('./modules/prevention/partner-notices.page'),
  'PartnerNoticesPage',
);
const EvictionSettingsPage = lazyPage(
  () => import('./modules/prevention/settings.page'),
  'EvictionSettingsPage',
);

/** Every page of the app; paths are Danish, as users see them. */
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/tilgaengelighed', element: <AccessibilityPage /> },
      {
        element: <RequireAuth />,
        children: [{ index: true, element: <HomePage /> }],
      },
      {
        element: <RequireAuth permission="users.manage" />,
        children: [{ path: '/admin/brugere', element: <UsersPage /> }],
      },
      {
        element: <RequireAuth permission="settings.manage" />,
        children: [{ path: '/admin/indstillinger', element: <SettingsPage /> }],
      },
      {
        element: <RequireAuth permission="citizens.read" />,
        children: [
          { path: '/borgere', element: <CitizensPage /> },
          { path: '/borgere/:id', element: <CitizenPage /> },
        ],
      },
      {
        element: <RequireAuth permission="citizens.write" />,
        children: [{ path: '/borgere/ny', element: <CreateCitizenPage /> }],
      },
      {
        element: <RequireAuth permission="citizens.import" />,
        children: [{ path: '/borgere/import', element: <ImportPage /> }],
      },
      {
        element: <RequireAuth permission="citizens.merge" />,
        children: [{ path: '/borgere/dubletter', element: <DuplicatesPage /> }],
      },
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
      {
        // Housing allocation (issue 5): vacancies, candidates, offers and tenancies, the census.
        element: <RequireAuth permission="allocation.read" />,
        children: [
          {
            element: <AllocationLayout />,
            children: [
              { path: '/anvisning/boliger', element: <VacanciesPage /> },
              { path: '/anvisning/boliger/:id', element: <VacancyPage /> },
              { path: '/anvisning', element: <ApplicationsPage /> },
              { path: '/anvisning/ansoegninger/:id', element: <ApplicationPage /> },
              { path: '/anvisning/venteliste', element: <WaitingListPage /> },
              { path: '/anvisning/indstillinger', element: <AllocationSettingsPage /> },
              {
                element: <RequireAuth permission="allocation.apply" />,
                children: [
                  { path: '/anvisning/ny', element: <CreateApplicationPage /> },
                  { path: '/anvisning/ansoegninger/:id/rediger', element: <EditApplicationPage /> },
                ],
              },
              {
                element: <RequireAuth permission="allocation.manage" />,
                children: [
                  { path: '/anvisning/boliger/ny', element: <CreateVacancyPage /> },
                  { path: '/anvisning/boliger/import', element: <VacancyImportPage /> },
                  { path: '/anvisning/optaelling', element: <CensusPage /> },
                ],
              },
            ],
          },
        ],
      },
      {
        // The housing organisations' own view of their vacancies (no citizen data).
        element: <RequireAuth permission="vacancies.report" />,
        children: [{ path: '/partner/boliger', element: <PartnerVacanciesPage /> }],
      },
      {
        // Eviction prevention (issue 6): the inbox of notices, cases, monitoring and settings. Each
        // page has its own permission; a leader may read only the monitoring.
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
      {
        element: <RequireAuth permission="audit.read" />,
        children: [{ path: '/revision', element: <AuditPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
