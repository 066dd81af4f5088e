import '../../../shared/shelters/permissions';
import '../../../shared/shelters/errors';
import type { ServerModule } from '../../platform/module';
import * as m0022 from './migrations/2026-12-04-0022-shelters';
import * as m0023 from './migrations/2026-12-04-0023-shelters-action-plans';
import { sheltersRoutes } from './shelters.routes';
import { seedDemoShelters } from './shelters.seed';
import { sheltersTasks } from './shelters.tasks';

/** § 110 shelters (issue 16): shelters with places and rates, stays, the notification clock. */
export const module: ServerModule = {
  name: 'shelters',
  routes: (app) => sheltersRoutes(app),
  tasks: () => [sheltersTasks],
  migrations: {
    '2026-12-04-0022-shelters': m0022,
    '2026-12-04-0023-shelters-action-plans': m0023,
  },
  // Two shelters, the demo shelter user and a year of stays (issue 16 §11).
  seedDemo: seedDemoShelters,
};
