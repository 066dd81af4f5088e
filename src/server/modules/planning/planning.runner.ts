import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Forecast, ForecastInput } from '../../../shared/planning/simulate';
import { threadPriorityWorks } from '../../platform/thread-priority';
import type { WorkerReply, WorkerRequest } from './planning.worker';

/**
 * Forecasts run in worker threads (issue 19 §6), so that the server keeps answering other requests
 * while a thousand paths are drawn. The threads are long-lived and shared: booting one loads the
 * TypeScript sources through tsx (about 0.3 s), which a fresh thread per forecast paid every time.
 *
 * The pool holds a thread per core, each at a lower scheduling priority (nice 10, Linux:
 * `lowerThreadPriority`), so that the threads that answer requests and the database take a core
 * whenever they have work and the forecasts use what is left; where a thread's priority cannot be
 * lowered, one thread fewer than the cores (at least one), so that the main thread keeps a core for
 * the requests. Threads start when a forecast needs one, forecasts
 * wait their turn in the order they came (FIFO), a thread that crashes is dropped (its forecast is
 * rejected, the next forecast starts a new one), and an idle thread is unref'd, so that it never
 * keeps a process (a test run, the CLI) alive.
 */

interface Job {
  id: number;
  input: ForecastInput;
  onProgress: ((done: number) => void) | undefined;
  resolve: (forecast: Forecast) => void;
  reject: (error: Error) => void;
}

interface PoolThread {
  worker: Worker;
  job: Job | null;
}

/** The pool's threads at most. */
export const FORECAST_THREADS = threadPriorityWorks
  ? availableParallelism()
  : Math.max(1, availableParallelism() - 1);
const threads: PoolThread[] = [];
const queue: Job[] = [];
let nextId = 1;

/**
 * Runs a forecast in one of the pool's worker threads; `onProgress` hears the share of draws done.
 * The result is what `forecast(input)` gives in the process.
 */
export function runForecast(input: ForecastInput, onProgress?: (done: number) => void): Promise<Forecast> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, input, onProgress, resolve, reject });
    dispatch();
  });
}

/**
 * Terminates the pool's threads: forecasts still running or waiting are rejected. A later
 * `runForecast` starts threads again.
 */
export async function closeForecastWorkers(): Promise<void> {
  const waiting = queue.splice(0);
  for (const job of waiting)
    job.reject(new Error('The forecast workers were closed before the forecast ran'));
  const closing = threads.splice(0);
  for (const thread of closing) {
    thread.job?.reject(new Error('The forecast workers were closed before the forecast was done'));
    thread.job = null;
  }
  await Promise.all(closing.map((t) => t.worker.terminate()));
}

/** Hands waiting forecasts to idle threads, starting threads up to the pool's size. */
function dispatch(): void {
  while (queue.length > 0) {
    let thread = threads.find((t) => t.job === null);
    if (!thread) {
      if (threads.length >= FORECAST_THREADS) return;
      thread = startThread();
    }
    const job = queue.shift() as Job;
    try {
      thread.worker.postMessage({ id: job.id, input: job.input } satisfies WorkerRequest);
    } catch (error) {
      // An input that cannot be copied to a thread (a function in it, say) fails alone.
      job.reject(error instanceof Error ? error : new Error(String(error)));
      continue;
    }
    thread.job = job;
    // A thread at work keeps the process alive until its forecast is answered.
    thread.worker.ref();
  }
}

function startThread(): PoolThread {
  const worker = new Worker(new URL('./planning.worker.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
  });
  const thread: PoolThread = { worker, job: null };
  threads.push(thread);
  worker.unref();
  worker.on('message', (reply: WorkerReply) => {
    const job = thread.job;
    if (!job || job.id !== reply.id) return;
    if (reply.kind === 'progress') {
      job.onProgress?.(reply.done);
      return;
    }
    thread.job = null;
    worker.unref();
    if (reply.kind === 'done') job.resolve(reply.result);
    else job.reject(reply.error);
    dispatch();
  });
  // A thread that fails outside a forecast's own error (out of memory, a crash in loading) is gone:
  // its forecast is rejected and the next one gets a new thread.
  const lost = (error: Error) => {
    const index = threads.indexOf(thread);
    if (index < 0) return;
    threads.splice(index, 1);
    const job = thread.job;
    thread.job = null;
    job?.reject(error);
    dispatch();
  };
  worker.on('error', lost);
  worker.on('exit', (code) => {
    lost(new Error(`The forecast's worker stopped (exit code ${code}) before it was done`));
  });
  return thread;
}
