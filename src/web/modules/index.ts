import { accessModule } from './access';
import { allocationModule } from './allocation';
import { auditModule } from './audit';
import { citizensModule } from './citizens';
import { countModule } from './count';
import { economicsModule } from './economics';
import { housingModule } from './housing';
import { insightModule } from './insight';
import type { WebModule } from './module';
import { placementsModule } from './placements';
import { planningModule } from './planning';
import { plansModule } from './plans';
import { preventionModule } from './prevention';
import { retentionModule } from './retention';
import { settingsModule } from './settings';
import { sheltersModule } from './shelters';
import { siteModule } from './site';
import { ssoModule } from './sso';
import { supportModule } from './support';
import { tasksModule } from './tasks';
import { transitionsModule } from './transitions';
import { youthModule } from './youth';

/**
 * The web modules, one line each, in the order of the main menu. Adding a module is its folder
 * (module.tsx with routes, menu entries and i18n/<name>.da.json / .en.json) plus one line here.
 */
export const WEB_MODULES: readonly WebModule[] = [
  tasksModule,
  citizensModule,
  housingModule,
  allocationModule,
  preventionModule,
  supportModule,
  plansModule,
  sheltersModule,
  placementsModule,
  youthModule,
  countModule,
  insightModule,
  planningModule,
  transitionsModule,
  economicsModule,
  accessModule,
  settingsModule,
  ssoModule,
  retentionModule,
  auditModule,
  siteModule,
];
