import '../../../shared/economics/permissions';
import '../../../shared/economics/errors';
import type { ServerModule } from '../../platform/module';
import { economicsRoutes } from './economics.routes';
import { seedDemoEconomics } from './economics.seed';
import * as m0026 from './migrations/2026-12-04-0026-economics';

/**
 * Economics (issue 16 §7–8): the municipality's costs and refunds as handlekommune (§ 110 stays,
 * support, § 107/108 placements; the stay refund and § 176 a stk. 1–2), per month and citizen group,
 * the reform's dilemma in kroner, and the dated settings they rest on.
 */
export const module: ServerModule = {
  name: 'economics',
  routes: (app) => economicsRoutes(app),
  migrations: { '2026-12-04-0026-economics': m0026 },
  // Earlier daily rates and two years of stays, so the page shows plausible figures at first start.
  seedDemo: seedDemoEconomics,
};

// The municipality's costs and refunds per month (insight: the economy dashboard, issue 18 §4).
export { economicsReport, planningEconomics } from './economics.service';
