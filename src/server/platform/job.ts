import type { DatabaseHandles } from '../db/database';
import type { Job } from './module';

/**
 * Runs `run` only if this process gets the named lock (`DatabaseHandles.tryLock`: a PostgreSQL
 * advisory lock held for the run), and answers whether it ran. While another process runs it, the
 * run is skipped: one process at a time does a job's work, whichever asks first (ADR 0023).
 */
export async function runAlone(
  db: Pick<DatabaseHandles, 'tryLock'>,
  name: string,
  run: () => Promise<void>,
): Promise<boolean> {
  const release = await db.tryLock(name);
  if (!release) return false;
  try {
    await run();
  } finally {
    await release();
  }
  return true;
}

/**
 * A job that runs `run` at start and then every `everyMs`, never twice at once (a tick while a
 * run is in progress is skipped); `stop` waits for a run in progress. With `alone`, a run also
 * takes that named lock (`runAlone`), so with several server processes one runs it at a time and
 * the others skip the tick. `onError` receives what a run threw, so a failed run is logged and the
 * next tick tries again. The timer does not keep the process alive.
 */
export function intervalJob(options: {
  everyMs: number;
  run: () => Promise<void>;
  onError: (error: unknown) => void;
  /** Whether the job runs at all (checked at start and at every tick). */
  enabled?: () => boolean;
  /** The lock's name and the database it is taken on: one process at a time runs the job. */
  alone?: { name: string; db: Pick<DatabaseHandles, 'tryLock'> };
}): Job {
  const enabled = options.enabled ?? (() => true);
  const { alone } = options;
  const once = alone ? () => runAlone(alone.db, alone.name, options.run).then(() => {}) : options.run;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (running || !enabled()) return;
    running = once()
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
  };
  return {
    start() {
      if (!enabled()) return;
      tick();
      timer = setInterval(tick, options.everyMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
