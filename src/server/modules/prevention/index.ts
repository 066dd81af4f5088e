import '../../../shared/prevention/permissions';
import '../../../shared/prevention/errors';
import type { ServerModule } from '../../platform/module';
import * as m0047 from './migrations/2026-12-14-0047-prevention-fast-track-due-index';
import { preventionPersonalData } from './prevention.personal-data';
import { preventionRoutes } from './prevention.routes';
import { seedDemoPrevention } from './prevention.seed';
import { preventionTasks } from './prevention.tasks';
import { preventionTimeline } from './prevention.timeline';

/** Eviction prevention: notices, cases, § 5 a duties, actions, outcomes and monitoring. */
export const module: ServerModule = {
  name: 'prevention',
  personalData: preventionPersonalData,
  routes: (app) => preventionRoutes(app),
  tasks: () => [preventionTasks],
  timeline: [preventionTimeline],
  // A year of notices, actions and outcomes (issue 14 §4).
  seedDemo: seedDemoPrevention,
  migrations: { '2026-12-14-0047-prevention-fast-track-due-index': m0047 },
};

// Open eviction cases' latest notices of given citizens (support: a task to the support worker).
export { openNoticesOfCitizens } from './prevention.citizen-notices.repository';
// The prevention team's monthly flow (insight: the dashboards, issue 18 §4).
export { type NoticeMonthRow, noticeMonths } from './prevention.months.repository';
// Notices and outcomes of a period (insight: the outcome indicators, issue 18 §3).
export { noticeOutcomeFigures } from './prevention.repository';
