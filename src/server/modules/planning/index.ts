import '../../../shared/planning/errors';
import '../../../shared/planning/permissions';
import type { ServerModule } from '../../platform/module';
import * as m0037 from './migrations/2026-12-09-0037-planning';
import * as m0038 from './migrations/2026-12-10-0038-planning-history';
import { planningRoutes } from './planning.routes';
import { seedPlanningDemo } from './planning.seed';
import { planningHistoryJob } from './planning-history-job';

/**
 * Planning (issue 19, ADR 0018): a monthly stock-and-flow model of the municipality fitted on its
 * by-name history, the supply from its agreements and builds, its support staffing and its prices; a
 * seeded Monte Carlo forecast of the waiting list, homelessness, shelter days and costs 1–5 years
 * ahead under scenarios (quota per organisation, new builds, staffing, shelter stay, prevention),
 * run in a worker thread; scenarios saved, compared and added to the committee report (migration
 * 0037).
 */
export const module: ServerModule = {
  name: 'planning',
  routes: planningRoutes,
  migrations: {
    '2026-12-09-0037-planning': m0037,
    '2026-12-10-0038-planning-history': m0038,
  },
  seedDemo: seedPlanningDemo,
  jobs: (db, log) => [planningHistoryJob(db, log)],
};

// The scenarios added to the committee report and their schema (insight: the report's planning section).
export { reportedScenario } from './planning.schema';
export { reportedScenarios } from './planning.service';
