import '../../../shared/citizens/permissions';
import '../../../shared/citizens/errors';
import type { ServerModule } from '../../platform/module';
import { citizensPersonalData } from './citizens.personal-data';
import { citizensRoutes } from './citizens.routes';
import { seedDemoCitizens } from './citizens.seed';
import { expiredConsentTasks } from './citizens.tasks';
import * as m0039 from './migrations/2026-12-11-0039-citizens-need-to-know';
import * as m0045 from './migrations/2026-12-14-0045-citizens-name-search-by-municipality';
import * as m0049 from './migrations/2026-12-15-0049-citizens-current-whereabouts-by-municipality';
import * as m0050 from './migrations/2026-12-15-0050-citizens-caseload-created-by';

/** The by-name registry: citizens, whereabouts, contacts, consents, households, duplicates and merges. */
export const module: ServerModule = {
  name: 'citizens',
  personalData: citizensPersonalData,
  routes: (app, { timelineProviders }) => citizensRoutes(app, { timelineProviders }),
  tasks: () => [expiredConsentTasks],
  // The registry's tables are the platform's (db/migrations/0003); need-to-know is the module's own.
  migrations: {
    '2026-12-11-0039-citizens-need-to-know': m0039,
    '2026-12-14-0045-citizens-name-search-by-municipality': m0045,
    '2026-12-15-0049-citizens-current-whereabouts-by-municipality': m0049,
    '2026-12-15-0050-citizens-caseload-created-by': m0050,
  },
  // The by-name list is registered by the demo caseworker.
  seedDemo: async (trx, demo) => {
    await seedDemoCitizens(
      trx,
      demo.actorOf('caseworker', ['citizens.read', 'citizens.all', 'citizens.write', 'citizens.sensitive']),
    );
  },
};

// The homelessness spells' figures of a period and the whereabouts in force on dates (insight: the
// outcome indicators, issue 18 §3).
export { homelessnessFacts, situationsOn } from './citizens.indicator-facts.repository';
// The inactivity policy and every citizen's status facts (insight: the monthly flow, rule 35).
export { policy as inactivityPolicy } from './citizens.repository';
export type { CitizenInput, CitizenRequest } from './citizens.schema';
// Demo seeds: a registration dated to when the list first met the person.
export { backdateCitizenActivity, backdateRegistration } from './citizens.seed.repository';
export {
  addEpisode,
  createCitizen,
  displayName,
  existingCitizenOf,
  flagDuplicatesOf,
  requireConsent,
} from './citizens.service';
// Every citizen's history for a status on any past date (insight: the monthly flow; planning).
export { type CitizenHistory, statusHistories } from './citizens.status-histories.service';
// Whereabouts in force (support: own home before CTI, housing retention).
export { whereaboutsFacts } from './citizens.whereabouts-facts.repository';
// The week-6 count's list to register (issue 18 §1).
export { homelessOnDays } from './homeless-on-days';
export { citizensByCpr, registerCitizensFromNotices } from './register-from-notices';
