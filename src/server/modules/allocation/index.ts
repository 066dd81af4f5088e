import '../../../shared/allocation/permissions';
import '../../../shared/allocation/errors';
import type { ServerModule } from '../../platform/module';
import { allocationRoutes } from './allocation.routes';
import { allocationTasks } from './allocation.tasks';
import { allocationTimeline } from './allocation.timeline';
import { censusJob } from './census-job';

/** Housing allocation: applications, the waiting list, vacancies, ranking, offers, tenancies, census. */
export const module: ServerModule = {
  name: 'allocation',
  routes: (app) => allocationRoutes(app),
  tasks: () => [allocationTasks],
  timeline: [allocationTimeline],
  jobs: (db, log) => [censusJob(db, log)],
};

export { receivedUnits } from './allocation.vacancies.service';
export { reducedFunctionApplicants } from './allocation.waiting-list.service';
