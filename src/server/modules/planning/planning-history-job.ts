import type { FastifyBaseLogger } from 'fastify';
import { today } from '../../../shared/dates';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { intervalJob } from '../../platform/job';
import { municipalityIds } from '../access';
import { dailyHistory, FIT_MONTHS } from './planning.inputs.service';

/** How often the job looks for a new day: a new month's first forecasts wait for it at most this long. */
const EVERY_MS = 10 * 60 * 1000;

/**
 * Computes the day's history (today by default) of every municipality that has none yet
 * (`dailyHistory`), so that the day's first forecast does not wait for it. Returns how many were
 * computed.
 */
export async function computeDailyHistories(db: DatabaseHandles, day = today()): Promise<number> {
  let computed = 0;
  for (const { id: m } of await municipalityIds(db.owner))
    if ((await withTenant(db.app, m, (trx) => dailyHistory(trx, m, day, FIT_MONTHS))).computed) computed++;
  return computed;
}

/**
 * At start and every ten minutes: a new day's histories are computed in its first minutes (until
 * then a forecast takes an earlier day's of the same month, `dailyHistory`).
 */
export function planningHistoryJob(db: DatabaseHandles, log: FastifyBaseLogger) {
  return intervalJob({
    everyMs: EVERY_MS,
    alone: { name: 'planning.history', db },
    run: async () => {
      const started = Date.now();
      const computed = await computeDailyHistories(db);
      if (computed > 0) log.info({ computed, ms: Date.now() - started }, 'planning histories computed');
    },
    onError: (error) => log.error({ err: error }, 'planning histories failed'),
  });
}
