import '../../../shared/retention/errors';
import '../../../shared/retention/permissions';
import type { ServerModule } from '../../platform/module';
import * as m0042 from './migrations/2026-12-12-0042-retention';
import { retentionRoutes } from './retention.routes';
import { seedDemoRetention } from './retention.seed';

/**
 * Retention and deletion (issue 20 §6, GDPR art. 5(1)(e)) and the register of processing
 * (art. 30), both from the other modules' declarations of personal data (`personalData`): a
 * policy per municipality, dry runs, deletion runs with pseudonymised audit subjects (ADR 0021).
 */
export const module: ServerModule = {
  name: 'retention',
  routes: retentionRoutes,
  migrations: { '2026-12-12-0042-retention': m0042 },
  // A few demo citizens quiet for more than five years, for the dry run to find.
  seedDemo: seedDemoRetention,
};

export { tablesNeedingDeclaration } from './retention.service';
