import '../../../shared/insight/permissions';
import type { ServerModule } from '../../platform/module';
import { insightFlowRoutes } from './insight.flow.routes';
import * as m0032 from './migrations/2026-12-06-0032-insight';

/**
 * Insight for steering (issue 18): the monthly by-name flow of Built for Zero (rule 35): active at
 * each month end, inflow (newly identified, returned from housing, returned from inactive) and
 * outflow (housed, moved to inactive, no longer meets the criteria), derived from the citizens
 * module's whereabouts and contacts with the inactivity policy (rule 36). Figures only, small numbers
 * suppressed. No tables of its own and no demo data: the demo's ten years of whereabouts are its data.
 */
export const module: ServerModule = {
  name: 'insight',
  routes: (app) => insightFlowRoutes(app),
  migrations: { '2026-12-06-0032-insight': m0032 },
};
