import '../../../shared/allocation/permissions';
import '../../../shared/allocation/errors';
import type { ServerModule } from '../../platform/module';
import { allocationPersonalData } from './allocation.personal-data';
import { allocationRoutes } from './allocation.routes';
import { seedDemoAllocation } from './allocation.seed';
import { allocationTasks } from './allocation.tasks';
import { allocationTimeline } from './allocation.timeline';
import { censusJob } from './census-job';
import * as m0012 from './migrations/2026-12-03-0012-allocation-handoff-fixes';
import * as m0046 from './migrations/2026-12-14-0046-allocation-recent-indexes';

/** Housing allocation: applications, the waiting list, vacancies, ranking, offers, tenancies, census. */
export const module: ServerModule = {
  name: 'allocation',
  personalData: allocationPersonalData,
  routes: (app) => allocationRoutes(app),
  tasks: () => [allocationTasks],
  timeline: [allocationTimeline],
  jobs: (db, log) => [censusJob(db, log)],
  // A year of applications, vacancies, offers and tenancies (issue 14 §4).
  seedDemo: seedDemoAllocation,
  migrations: {
    '2026-12-03-0012-allocation-handoff-fixes': m0012,
    '2026-12-14-0046-allocation-recent-indexes': m0046,
  },
};

// Days from approval to first offer (insight: the outcome indicators, issue 18 §3).
export {
  approvalToOfferDays,
  citizensWithOpenApplication,
  firstApplicationDates,
  openApplicationOf,
} from './allocation.applications.repository';
export { emptyRentByDepartment } from './allocation.empty-rent.service';
// The allocation team's monthly flow (insight: the dashboards, issue 18 §4), and the units received by
// origin (planning: subsidy-pool units).
export { type AllocationMonthRow, allocationMonths, vacanciesByOrigin } from './allocation.months.repository';
export { liveOffersOfCitizens, offersOf } from './allocation.offers.repository';
// The youth module's youth-unit alert (issue 17 §6): open vacancies and the youth age limit.
export { getSettings as allocationSettings } from './allocation.settings.service';
// Tenancies' lease and move-in dates (support: the CTI housing rule and housing retention).
export { movedInBetween, tenancyFacts } from './allocation.tenancy-facts.repository';
export { listVacancies } from './allocation.vacancies.repository';
export { receivedUnits } from './allocation.vacancies.service';
// The committee report and the dashboards (insight, issue 18 §4, §5): the waiting list now and at
// each budget follow-up; the dashboards suppress it outside case work as the allocation routes do.
export {
  listSnapshots,
  reducedFunctionApplicants,
  suppressWaitingCounts,
  waitingCounts,
} from './allocation.waiting-list.service';
// Who waited for a home when (planning: the forecast's history).
export { type WaitingSpell, waitingSpells } from './allocation.waiting-spells.service';
