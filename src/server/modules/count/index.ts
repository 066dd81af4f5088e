import '../../../shared/count/errors';
import '../../../shared/count/permissions';
import type { ServerModule } from '../../platform/module';
import { countPersonalData } from './count.personal-data';
import { countRoutes } from './count.routes';
import { seedDemoCounts } from './count.seed';
import * as m0031 from './migrations/2026-12-06-0031-count';

/**
 * The week-6 count (issue 18 §1): a count per count year (ISO week 6, rule 5), the by-name list's
 * people to register with the units that met them, one registration per person (rule 6), homeless
 * migrants apart (rule 7), the report by situation and age band (rule 8) beside earlier counts and
 * the national totals (rule 9), small numbers suppressed, and the export for VIVE.
 */
export const module: ServerModule = {
  name: 'count',
  personalData: countPersonalData,
  routes: countRoutes,
  migrations: { '2026-12-06-0031-count': m0031 },
  // The 2019 and 2022 counts of the plan (84 and 67 homeless), registered from the by-name list.
  seedDemo: seedDemoCounts,
};

// The comparison (latest total) and the committee report (the counts beside the national totals).
export { countReport, latestCountTotal, listCounts } from './count.service';
