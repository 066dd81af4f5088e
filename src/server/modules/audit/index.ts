import type { ServerModule } from '../../platform/module';
import { auditRoutes } from './audit.routes';

/** The append-only, hash-chained audit log: the auditor's search and the chain verification. */
export const module: ServerModule = {
  name: 'audit',
  routes: (app) => auditRoutes(app),
};

export { type ChainReport, verifyAllChains, verifyChain } from './audit.service';
