import { RequireAuth } from '../../components/require-auth';
import { lazyPage, type WebModule } from '../module';

const PlanPage = lazyPage(() => import('./plan.page'), 'PlanPage');
const PlansPage = lazyPage(() => import('./plans.page'), 'PlansPage');
const SanctionsPage = lazyPage(() => import('./sanctions.page'), 'SanctionsPage');
const SanctionsImportPage = lazyPage(() => import('./import.page'), 'SanctionsImportPage');
const DepositCasesPage = lazyPage(() => import('./deposit-cases.page'), 'DepositCasesPage');
const PlansSettingsPage = lazyPage(() => import('./settings.page'), 'PlansSettingsPage');

/**
 * Coherent plans (sammenhængende borgerforløb, issue 15 §6–7): the plan on the citizen, the
 * coordinator's overview, and the cross-sector alerts (benefit sanctions, deposit-loan cases).
 */
export const plansModule: WebModule = {
  name: 'plans',
  routes: [
    {
      element: <RequireAuth permission="plans.read" />,
      children: [
        { path: '/planer', element: <PlansPage /> },
        { path: '/borgere/:id/plan', element: <PlanPage /> },
      ],
    },
    {
      element: <RequireAuth permission="plans.alerts" />,
      children: [
        { path: '/planer/sanktioner', element: <SanctionsPage /> },
        { path: '/planer/sanktioner/import', element: <SanctionsImportPage /> },
        { path: '/planer/depositumslaan', element: <DepositCasesPage /> },
      ],
    },
    {
      element: <RequireAuth permission="settings.manage" />,
      children: [{ path: '/planer/indstillinger', element: <PlansSettingsPage /> }],
    },
  ],
  citizenActions: [
    {
      labelKey: 'plans.citizenAction',
      permission: 'plans.read',
      to: (citizenId) => `/borgere/${encodeURIComponent(citizenId)}/plan`,
    },
  ],
  nav: [
    { to: '/planer', labelKey: 'nav.plans', permission: 'plans.read' },
    { to: '/planer/sanktioner', labelKey: 'nav.plans', permission: 'plans.alerts', unless: 'plans.read' },
    // The administrator keeps the fast-track limit.
    {
      to: '/planer/indstillinger',
      labelKey: 'nav.plans',
      permission: 'settings.manage',
      unless: 'plans.read',
    },
  ],
};

export { PLANS_KEY } from './plans.api';
