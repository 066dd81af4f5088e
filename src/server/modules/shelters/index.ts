import '../../../shared/shelters/permissions';
import '../../../shared/shelters/errors';
import type { ServerModule } from '../../platform/module';
import * as m0022 from './migrations/2026-12-04-0022-shelters';
import * as m0023 from './migrations/2026-12-04-0023-shelters-action-plans';
import * as m0024 from './migrations/2026-12-04-0024-shelters-notifications';
import * as m0027 from './migrations/2026-12-04-0027-shelters-statistics';
import { seedShelterHistory } from './shelters.history.seed';
import { sheltersPersonalData } from './shelters.personal-data';
import { sheltersRoutes } from './shelters.routes';
import { seedDemoShelters } from './shelters.seed';
import { shelterStatisticsRoutes } from './shelters.statistics.routes';
import { sheltersTasks } from './shelters.tasks';

/** § 110 shelters (issue 16): shelters with places and rates, stays, the notification clock. */
export const module: ServerModule = {
  name: 'shelters',
  personalData: sheltersPersonalData,
  routes: async (app) => {
    await sheltersRoutes(app);
    await shelterStatisticsRoutes(app);
  },
  tasks: () => [sheltersTasks],
  migrations: {
    '2026-12-04-0022-shelters': m0022,
    '2026-12-04-0023-shelters-action-plans': m0023,
    '2026-12-04-0024-shelters-notifications': m0024,
    '2026-12-04-0027-shelters-statistics': m0027,
  },
  // Two shelters, the demo shelter user and a year of stays (issue 16 §11).
  seedDemo: async (trx, demo) => {
    await seedDemoShelters(trx, demo);
    await seedShelterHistory(trx, demo);
  },
};

// The shelters a citizen stayed at in a week (the week-6 count's units, issue 18 §1).
export { shelterNamesOfStays } from './shelters.repository';
// Stay lengths of a period (insight: the outcome indicators, issue 18 §3).
export { stayNightsBetween } from './shelters.statistics.repository';
