import type { ServerModule } from '../platform/module';
import { module as access } from './access';
import { module as allocation } from './allocation';
import { module as audit } from './audit';
import { module as citizens } from './citizens';
import { module as count } from './count';
import { module as economics } from './economics';
import { module as housing } from './housing';
import { module as insight } from './insight';
import { module as placements } from './placements';
import { module as planning } from './planning';
import { module as plans } from './plans';
import { module as prevention } from './prevention';
import { module as retention } from './retention';
import { module as shelters } from './shelters';
import { module as sso } from './sso';
import { module as support } from './support';
import { module as tasks } from './tasks';
import { module as transitions } from './transitions';
import { module as youth } from './youth';

/**
 * Every server module, one line each, in the order their demo data is seeded and their task
 * providers run. Adding a module is its folder plus one line here (docs/ARCHITECTURE.md).
 */
export const serverModules: readonly ServerModule[] = [
  access,
  sso,
  audit,
  housing,
  citizens,
  allocation,
  prevention,
  plans,
  support,
  shelters,
  placements,
  transitions,
  youth,
  count,
  insight,
  economics,
  planning,
  retention,
  tasks,
];
