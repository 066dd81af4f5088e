import '../../../shared/placements/errors';
import '../../../shared/placements/permissions';
import type { ServerModule } from '../../platform/module';
import * as m0025 from './migrations/2026-12-04-0025-placements';
import { placementsPersonalData } from './placements.personal-data';
import { placementsRoutes } from './placements.routes';
import { seedDemoPlacements } from './placements.seed';
import { placementsTasks } from './placements.tasks';

/**
 * Alternative housing (issue 16 §6): skæve boliger (almenboligloven § 149 a) with their tenancies,
 * and § 107 (temporary) / § 108 (long-term) residential care placements (serviceloven).
 */
export const module: ServerModule = {
  name: 'placements',
  personalData: placementsPersonalData,
  routes: (app) => placementsRoutes(app),
  tasks: () => [placementsTasks],
  migrations: { '2026-12-04-0025-placements': m0025 },
  // The 10 skæve boliger at Thorsholm, most let, and § 107 / § 108 placements (issue 16 §11).
  seedDemo: seedDemoPlacements,
};

// For the shelters module (rule 12) and the economics module (costs, § 176 a stk. 2).
export {
  type CareDecision,
  careDecisionOf,
  type PlacementForEconomics,
  placementsForEconomics,
} from './placements.economics';
