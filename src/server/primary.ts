import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { Config } from './config';
import { loggerOptions } from './logger';
import { banner, openOrFail, seedIfAsked } from './serve';

/** A worker that lived at least this long before it died is restarted at once, else after a backoff. */
const STEADY_MS = 60_000;
/** The first restart's wait, doubled for each quick death in a row, at most MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;

/**
 * The primary of several server processes (server mode, WEB_CONCURRENCY > 1; ADR 0023). It
 * migrates the database and seeds the demo once, then forks WEB_CONCURRENCY workers that each open
 * their own pools, build the app and listen on the same port (node:cluster hands the connections
 * round). It serves no request and holds no connection. It prints the banner once every worker
 * listens, restarts a worker that dies (after a backoff when it keeps dying), and on SIGINT/SIGTERM
 * tells every worker to close gracefully and exits when they have; a second signal kills them.
 */
export async function runPrimary(config: Config): Promise<void> {
  const log = pino(loggerOptions(config.LOG_LEVEL));
  const processes = config.WEB_CONCURRENCY;
  const db = await openOrFail(config, { migrate: true });
  const demoUsers = await seedIfAsked(config, db);
  const bannerText = await banner(config, db, demoUsers, processes);
  await db.close();

  /** Each worker's slot (1…N), so that a restarted worker takes the place of the one that died. */
  const slotOf = new Map<Worker, number>();
  const startedAt = new Map<number, number>();
  const quickDeaths = new Map<number, number>();
  const listening = new Set<number>();
  let started = false;
  let closing = false;
  let failed = false;

  const fork = (slot: number) => {
    const worker = cluster.fork({ HJEMVEJ_WORKER: String(slot) });
    slotOf.set(worker, slot);
    startedAt.set(slot, Date.now());
  };
  const exitWhenAllGone = () => {
    if (slotOf.size === 0) process.exit(failed ? 1 : 0);
  };
  const stopAll = (signal: NodeJS.Signals) => {
    for (const worker of slotOf.keys()) worker.process.kill(signal);
    exitWhenAllGone();
  };

  cluster.on('listening', (worker) => {
    const slot = slotOf.get(worker) ?? 0;
    log.info({ worker: slot, workerPid: worker.process.pid }, 'worker listening');
    if (started) return;
    listening.add(slot);
    if (listening.size === processes) {
      started = true;
      console.log(bannerText);
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const slot = slotOf.get(worker) ?? 0;
    slotOf.delete(worker);
    if (closing) {
      if (code !== 0) failed = true;
      exitWhenAllGone();
      return;
    }
    if (!started) {
      // A worker that cannot start (a port taken, the database gone) would fail again: stop.
      log.error(
        { worker: slot, workerPid: worker.process.pid, code, signal },
        'worker failed to start: stopping',
      );
      closing = true;
      failed = true;
      stopAll('SIGTERM');
      return;
    }
    const lived = Date.now() - (startedAt.get(slot) ?? 0);
    const deaths = lived >= STEADY_MS ? 0 : (quickDeaths.get(slot) ?? 0) + 1;
    quickDeaths.set(slot, deaths);
    const waitMs = deaths === 0 ? 0 : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (deaths - 1));
    log.warn(
      { worker: slot, workerPid: worker.process.pid, code, signal, restartInMs: waitMs },
      'worker exited unexpectedly: starting a new one',
    );
    setTimeout(() => {
      if (!closing) fork(slot);
    }, waitMs);
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      log.warn({ signal }, 'second signal: killing the workers');
      failed = true;
      stopAll('SIGKILL');
      process.exit(1);
    }
    closing = true;
    log.info({ signal, workers: slotOf.size }, 'shutting down');
    stopAll('SIGTERM');
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  // Workers run main.ts whatever script imported it (e2e/serve.ts does), with the same Node options.
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./main.ts', import.meta.url)) });
  log.info({ workers: processes }, 'starting workers');
  for (let slot = 1; slot <= processes; slot++) fork(slot);
}
