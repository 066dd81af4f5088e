import '../../../shared/housing/permissions';
import '../../../shared/housing/errors';
import type { ServerModule } from '../../platform/module';
import { housingRoutes } from './housing.routes';
import { linkDemoPartner, seedDemoHousing } from './housing.seed';
import { poolEndingTasks } from './housing.tasks';

/** Housing supply: organisations, departments, area status, agreements, expected units, pools, pipeline. */
export const module: ServerModule = {
  name: 'housing',
  routes: (app) => housingRoutes(app),
  tasks: () => [poolEndingTasks],
  // The housing supply is kept by the demo allocation officer; the demo housing-organisation user
  // reports vacancies for the first organisation.
  seedDemo: async (trx, demo) => {
    await seedDemoHousing(trx, demo.actorOf('allocation', ['housing.read', 'housing.manage']));
    await linkDemoPartner(trx, demo.municipalityId, demo.userIdOf('partner_housing'));
  },
};

// What other modules may call: the access module links a housing-organisation user to its organisation.
export {
  linkPartnerUser,
  organisationChoices,
  organisationExists,
  partnerOrganisationsOf,
} from './housing.partner-users.service';
// The agreements' lines in force and the projects to come (planning: the forecast's supply).
export { type PlanningSupply, planningSupply } from './housing.planning.service';
// The units agreed for a period per department (insight: agreed against received and used units).
export { agreedUnits } from './housing.report.service';
