import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';
import { AllocationLayout } from './allocation-layout';

const AllocationSettingsPage = lazyPage(() => import('./allocation-settings.page'), 'AllocationSettingsPage');
const ApplicationPage = lazyPage(() => import('./application.page'), 'ApplicationPage');
const ApplicationsPage = lazyPage(() => import('./applications.page'), 'ApplicationsPage');
const CensusPage = lazyPage(() => import('./census.page'), 'CensusPage');
const CreateApplicationPage = lazyPage(() => import('./create-application.page'), 'CreateApplicationPage');
const CreateVacancyPage = lazyPage(() => import('./create-vacancy.page'), 'CreateVacancyPage');
const EditApplicationPage = lazyPage(() => import('./edit-application.page'), 'EditApplicationPage');
const PartnerVacanciesPage = lazyPage(() => import('./partner-vacancies.page'), 'PartnerVacanciesPage');
const VacanciesPage = lazyPage(() => import('./vacancies.page'), 'VacanciesPage');
const VacancyPage = lazyPage(() => import('./vacancy.page'), 'VacancyPage');
const VacancyImportPage = lazyPage(() => import('./vacancy-import.page'), 'VacancyImportPage');
const WaitingListPage = lazyPage(() => import('./waiting-list.page'), 'WaitingListPage');

/**
 * Housing allocation (issue 5): applications, the waiting list, vacancies, candidates, offers and
 * tenancies, the census; and the housing organisations' own view of their vacancies.
 */
export const allocationModule: WebModule = {
  name: 'allocation',
  routes: [
    {
      // The waiting list: the list itself with allocation.read, its figures alone (no names, small
      // numbers suppressed) with allocation.reports (leaders, economy; issue 14 §3).
      element: <RequireAuth permission={['allocation.read', 'allocation.reports']} />,
      children: [
        {
          element: <AllocationLayout />,
          children: [{ path: '/anvisning/venteliste', element: <WaitingListPage /> }],
        },
      ],
    },
    {
      element: <RequireAuth permission="allocation.read" />,
      children: [
        {
          element: <AllocationLayout />,
          children: [
            { path: '/anvisning/boliger', element: <VacanciesPage /> },
            { path: '/anvisning/boliger/:id', element: <VacancyPage /> },
            { path: '/anvisning', element: <ApplicationsPage /> },
            { path: '/anvisning/ansoegninger/:id', element: <ApplicationPage /> },
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
  ],
  citizenActions: [
    {
      labelKey: 'applications.citizenLink',
      permission: 'allocation.apply',
      to: (citizenId) => `/anvisning/ny?citizenId=${encodeURIComponent(citizenId)}`,
    },
  ],
  nav: [
    { to: '/anvisning', labelKey: 'nav.allocation', permission: 'allocation.read' },
    // Leaders and economy see the waiting-list figures, not the applications.
    {
      to: '/anvisning/venteliste',
      labelKey: 'nav.allocation',
      permission: 'allocation.reports',
      unless: 'allocation.read',
    },
    { to: '/partner/boliger', labelKey: 'nav.partnerVacancies', permission: 'vacancies.report' },
  ],
};

// What other modules may use (they import this folder, never its files).
export { PARTNER_KEY, usePartnerDepartments } from './vacancies.api';
