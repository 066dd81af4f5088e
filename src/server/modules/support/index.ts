import '../../../shared/support/permissions';
import '../../../shared/support/errors';
import type { ServerModule } from '../../platform/module';
import * as m0016 from './migrations/2026-12-04-0016-support';
import * as m0018 from './migrations/2026-12-04-0018-support-indexes';
import { supportPersonalData } from './support.personal-data';
import { supportRoutes } from './support.routes';
import { seedDemoSupport } from './support.seed';
import { supportTasks } from './support.tasks';
import { supportTimeline } from './support.timeline';

/** Support (issue 15): method catalogue, workers and teams, enrollments, contacts, fidelity, retention. */
export const module: ServerModule = {
  name: 'support',
  personalData: supportPersonalData,
  routes: (app) => supportRoutes(app),
  tasks: () => [supportTasks],
  timeline: [supportTimeline],
  migrations: {
    '2026-12-04-0016-support': m0016,
    '2026-12-04-0018-support-indexes': m0018,
  },
  // Workers, teams and a year of enrollments and contacts (issue 15 §10).
  seedDemo: seedDemoSupport,
};

// What other modules may call: citizens' enrollment alerts (an eviction notice, an early end) and
// the support workers (user ids) of citizens' active enrollments.
export { type EnrollmentAlert, enrollmentAlertsOfCitizens } from './support.alerts';
// Shelters: whether support is decided before a municipal discharge (§ 110 stk. 5 nr. 3).
export { citizensWithDecidedSupport } from './support.decided-support.repository';
// The dated method costs (economics: support months × method cost, § 176 a stk. 1), and each
// method's staffing (planning: support places = FTE × norm).
export {
  caseloadOn,
  loadSettings as supportSettings,
  type MethodCapacity,
  methodCapacity,
  supportWorkerUserIds,
} from './support.service';
// Who had which method's support when (planning: the forecast's history).
export { type SupportSpell, supportSpells } from './support.spells.repository';
