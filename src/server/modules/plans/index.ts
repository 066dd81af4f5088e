import '../../../shared/plans/permissions';
import '../../../shared/plans/errors';
import type { ServerModule } from '../../platform/module';
import * as m0017 from './migrations/2026-12-04-0017-plans';
import * as m0021 from './migrations/2026-12-04-0021-plans-close-reason';
import { plansPersonalData } from './plans.personal-data';
import { plansRoutes } from './plans.routes';
import { seedDemoPlans } from './plans.seed';
import { plansTasks } from './plans.tasks';
import { plansTimeline } from './plans.timeline';

/**
 * Coherent plans (sammenhængende borgerforløb): one coordinator and one plan per citizen, goals,
 * actions owned by departments, reviews, participation, sharing under consent; and cross-sector
 * alerts (benefit sanctions and stops, deposit-loan and § 81 cases past the fast-track limit).
 */
export const module: ServerModule = {
  name: 'plans',
  personalData: plansPersonalData,
  routes: (app) => plansRoutes(app),
  tasks: () => [plansTasks],
  timeline: [plansTimeline],
  migrations: {
    '2026-12-04-0017-plans': m0017,
    '2026-12-04-0021-plans-close-reason': m0021,
  },
  seedDemo: seedDemoPlans,
};

// What other modules may ask: which citizens have an active coherent plan (shelters, rule 11).
export { citizensWithActivePlan } from './plans.service';
