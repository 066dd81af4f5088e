import type { Job } from './module';

/**
 * A job that runs `run` at start and then every `everyMs`, never twice at once (a tick while a
 * run is in progress is skipped); `stop` waits for a run in progress. `onError` receives what a
 * run threw, so a failed run is logged and the next tick tries again. The timer does not keep the
 * process alive.
 */
export function intervalJob(options: {
  everyMs: number;
  run: () => Promise<void>;
  onError: (error: unknown) => void;
  /** Whether the job runs at all (checked at start and at every tick). */
  enabled?: () => boolean;
}): Job {
  const enabled = options.enabled ?? (() => true);
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (running || !enabled()) return;
    running = options
      .run()
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
