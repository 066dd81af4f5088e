import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandles } from '../../db/database';
import { intervalJob } from '../../platform/job';
import type { Job } from '../../platform/module';
import { chainPending } from './audit.repository';

/** How often committed audit rows are chained (ADR 0009): the longest a committed row waits. */
export const CHAIN_INTERVAL_MS = 1000;

/**
 * Chains every municipality's committed audit rows at start and then every second, as long as
 * rows keep coming (a call chains at most 20,000 rows per municipality). Every server process has
 * the job, and one at a time runs it (the `audit.chain` lock, ADR 0023): the others skip the tick
 * instead of queueing on the chain heads' locks. Those locks (ADR 0009) still make any concurrent
 * call — `audit:verify`, the auditor's check — safe: a row is never chained twice.
 */
export function auditChainJob(db: DatabaseHandles, log: FastifyBaseLogger): Job {
  return intervalJob({
    everyMs: CHAIN_INTERVAL_MS,
    alone: { name: 'audit.chain', db },
    run: async () => {
      while ((await chainPending(db.app)) >= 20_000);
    },
    onError: (error) => {
      const { code } = error as { code?: unknown };
      log.error({ code }, 'audit chaining failed');
    },
  });
}
