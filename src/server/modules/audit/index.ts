import type { ServerModule } from '../../platform/module';
import { auditChainJob } from './audit.job';
import { auditPersonalData } from './audit.personal-data';
import { auditRoutes } from './audit.routes';
import * as m0019 from './migrations/2026-12-04-0019-audit-chain-in-background';

/** The append-only, hash-chained audit log: the auditor's search and the chain verification. */
export const module: ServerModule = {
  name: 'audit',
  personalData: auditPersonalData,
  routes: (app) => auditRoutes(app),
  migrations: { '2026-12-04-0019-audit-chain-in-background': m0019 },
  // Chains the committed rows every second (ADR 0009).
  jobs: (db, log) => [auditChainJob(db, log)],
};

export { auditChainJob, CHAIN_INTERVAL_MS } from './audit.job';
export { chainPending } from './audit.repository';
export { type ChainReport, verifyAllChains, verifyChain } from './audit.service';
