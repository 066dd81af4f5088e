import '../../../shared/youth/errors';
import '../../../shared/youth/permissions';
import type { ServerModule } from '../../platform/module';
import * as m0028 from './migrations/2026-12-05-0028-youth';
import * as m0030 from './migrations/2026-12-05-0030-youth-indicators';
import { youthIndicatorsRoutes } from './youth.indicators.routes';
import { youthPersonalData } from './youth.personal-data';
import { youthRoutes } from './youth.routes';
import { seedDemoYouth } from './youth.seed';
import { youthTasks } from './youth.tasks';

/**
 * Young people aged 15–29 (issue 17): the youth profile (education, KUI, own goals, housing),
 * placements outside the home, supports (ungestøtte …), the decision on youth support due 6 months
 * before the 18th birthday (rule 31), youth-unit eligibility (rule 26), the caseworker pair
 * (parløb) of the child/youth and adult areas, and their tasks.
 */
export const module: ServerModule = {
  name: 'youth',
  personalData: youthPersonalData,
  routes: async (app) => {
    await youthRoutes(app);
    await youthIndicatorsRoutes(app);
  },
  tasks: () => [youthTasks],
  migrations: { '2026-12-05-0028-youth': m0028, '2026-12-05-0030-youth-indicators': m0030 },
  // The plan's young homeless with profiles, placed young people and a caseworker pair (issue 17 §9).
  seedDemo: seedDemoYouth,
};

// The committee report (insight, issue 18 §5): the young people's transitions per year.
export { youthIndicators } from './youth.indicators.service';
