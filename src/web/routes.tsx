import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout';
import { LoginPage } from './modules/access/login.page';
import { RequireAuth } from './modules/access/require-auth';
import { UsersPage } from './modules/access/users.page';
import { AllocationLayout } from './modules/allocation/allocation-layout';
import { AllocationSettingsPage } from './modules/allocation/allocation-settings.page';
import { ApplicationPage } from './modules/allocation/application.page';
import { ApplicationsPage } from './modules/allocation/applications.page';
import { CensusPage } from './modules/allocation/census.page';
import { CreateApplicationPage } from './modules/allocation/create-application.page';
import { CreateVacancyPage } from './modules/allocation/create-vacancy.page';
import { EditApplicationPage } from './modules/allocation/edit-application.page';
import { PartnerVacanciesPage } from './modules/allocation/partner-vacancies.page';
import { VacanciesPage } from './modules/allocation/vacancies.page';
import { VacancyPage } from './modules/allocation/vacancy.page';
import { VacancyImportPage } from './modules/allocation/vacancy-import.page';
import { WaitingListPage } from './modules/allocation/waiting-list.page';
import { AuditPage } from './modules/audit/audit.page';
import { CitizenPage } from './modules/citizens/citizen.page';
import { CitizensPage } from './modules/citizens/citizens.page';
import { CreateCitizenPage } from './modules/citizens/create-citizen.page';
import { DuplicatesPage } from './modules/citizens/duplicates.page';
import { ImportPage } from './modules/citizens/import.page';
import { AgreementPage } from './modules/housing/agreement.page';
import { AgreementsPage } from './modules/housing/agreements.page';
import { DepartmentPage } from './modules/housing/department.page';
import { ElderlyPage } from './modules/housing/elderly.page';
import { ExpectedPage } from './modules/housing/expected.page';
import { HousingLayout } from './modules/housing/housing-layout';
import { HousingImportPage } from './modules/housing/import.page';
import { OrganisationsPage } from './modules/housing/organisations.page';
import { PipelinePage } from './modules/housing/pipeline.page';
import { PoolsPage } from './modules/housing/pools.page';
import { ReportPage } from './modules/housing/report.page';
import { EvictionCasePage } from './modules/prevention/case.page';
import { EvictionCasesPage } from './modules/prevention/cases.page';
import { CreateNoticePage } from './modules/prevention/create-notice.page';
import { EvictionImportPage } from './modules/prevention/import.page';
import { EvictionMonitoringPage } from './modules/prevention/monitoring.page';
import { PartnerNoticesPage } from './modules/prevention/partner-notices.page';
import { PreventionLayout } from './modules/prevention/prevention-layout';
import { EvictionSettingsPage } from './modules/prevention/settings.page';
import { SettingsPage } from './modules/settings/settings.page';
import { AccessibilityPage } from './modules/site/accessibility.page';
import { NotFoundPage } from './modules/site/not-found.page';
import { HomePage } from './modules/tasks/tasks.page';

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
