import type { FastifyBaseLogger } from 'fastify';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { intervalJob } from '../../platform/job';
import { municipalities } from './allocation.census.repository';
import { takeCensus } from './allocation.census.service';

const HOUR = 60 * 60 * 1000;

/**
 * The daily fairness census (issue 5 §7): for every municipality, today's snapshot of who was
 * eligible for each open vacancy and their rank. Runs at start and every hour; a day already
 * taken is skipped, so the hourly run only fills in what is missing (a new day, a new vacancy).
 */
export async function runCensus(db: DatabaseHandles): Promise<number> {
  let taken = 0;
  for (const m of await municipalities(db.owner))
    taken += await withTenant(db.app, m.id, (trx) => takeCensus(trx, m.id));
  return taken;
}

/** The hourly census: `start` after the server listens; `stop` waits for a run in progress. */
export function censusJob(db: DatabaseHandles, log: FastifyBaseLogger) {
  return intervalJob({
    everyMs: HOUR,
    alone: { name: 'allocation.census', db },
    run: async () => {
      const taken = await runCensus(db);
      if (taken > 0) log.info({ taken }, 'fairness census taken');
    },
    onError: (error) => log.error({ err: error }, 'fairness census failed'),
  });
}
