import '../../../shared/insight/errors';
import '../../../shared/insight/permissions';
import type { ServerModule } from '../../platform/module';
import { insightCommitteeRoutes } from './insight.committee.routes';
import { insightComparisonRoutes } from './insight.comparison.routes';
import { insightDashboardRoutes } from './insight.dashboard.routes';
import { insightFlowRoutes } from './insight.flow.routes';
import { insightIndicatorsRoutes } from './insight.indicators.routes';
import * as m0032 from './migrations/2026-12-06-0032-insight';
import * as m0033 from './migrations/2026-12-07-0033-insight-indicators';
import * as m0034 from './migrations/2026-12-07-0034-insight-sharing';
import * as m0035 from './migrations/2026-12-07-0035-insight-committee';
import * as m0036 from './migrations/2026-12-08-0036-insight-dashboard';
import * as m0048 from './migrations/2026-12-14-0048-insight-dashboard-snapshot';
import * as m0051 from './migrations/2026-12-16-0051-insight-kept-figures';

/**
 * Insight for steering (issue 18): the monthly by-name flow of Built for Zero (rule 35): active at
 * each month end, inflow (newly identified, returned from housing, returned from inactive) and
 * outflow (housed, moved to inactive, no longer meets the criteria), derived from the citizens
 * module's whereabouts and contacts with the inactivity policy (rule 36). Figures only, small numbers
 * suppressed. The outcome indicators of a period (issue 18 §3, docs/indicators.md): days homeless,
 * exits, returns, first-time homeless, retention, waiting time, units, evictions, stays and fidelity,
 * each from its module's set-based query, suppressed. The suppression limit of the municipality
 * (rule 33) and the comparison across municipalities (issue 18 §7): a municipality that opts in
 * shares its suppressed figures through `shared_indicator`, the one path across tenants, and sees
 * those of the others that share, per 10,000 inhabitants (migration 0034). The committee report of a period (issue 18 §5): the
 * indicators, flow, counts and the plan's three initiatives as JSON, PDF and XLSX, with an
 * introduction (migration 0035). No demo data: the demo's
 * ten years of whereabouts are its data.
 */
export const module: ServerModule = {
  name: 'insight',
  routes: async (app) => {
    await insightFlowRoutes(app);
    await insightIndicatorsRoutes(app);
    await insightComparisonRoutes(app);
    await insightCommitteeRoutes(app);
    await insightDashboardRoutes(app);
  },
  migrations: {
    '2026-12-06-0032-insight': m0032,
    '2026-12-07-0033-insight-indicators': m0033,
    '2026-12-07-0034-insight-sharing': m0034,
    '2026-12-07-0035-insight-committee': m0035,
    '2026-12-08-0036-insight-dashboard': m0036,
    '2026-12-14-0048-insight-dashboard-snapshot': m0048,
    '2026-12-16-0051-insight-kept-figures': m0051,
  },
};
