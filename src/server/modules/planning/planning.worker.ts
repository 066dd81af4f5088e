import { parentPort } from 'node:worker_threads';
import { type Forecast, type ForecastInput, forecast } from '../../../shared/planning/simulate';
import { lowerThreadPriority } from '../../platform/thread-priority';

/** A forecast asked of a pool thread (`runForecast`). */
export interface WorkerRequest {
  id: number;
  input: ForecastInput;
}

/** What a pool thread answers about the forecast of `id`: progress, then the forecast or its error. */
export type WorkerReply =
  | { id: number; kind: 'progress'; done: number }
  | { id: number; kind: 'done'; result: Forecast }
  | { id: number; kind: 'failed'; error: Error };

/**
 * A pool thread's entry (`runForecast`): runs Monte Carlo forecasts off the server's event loop one
 * at a time, as they are asked, posting each one's progress (the share of draws done) and then the
 * forecast. A forecast that throws is answered with its error and the thread serves the next.
 */
const port = parentPort;
if (!port) throw new Error('planning.worker.ts runs as a worker thread only');
// Below the threads that answer requests: they take a core whenever they have work.
lowerThreadPriority();
port.on('message', ({ id, input }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const result = forecast(input, (done) =>
      port.postMessage({ id, kind: 'progress', done } satisfies WorkerReply),
    );
    reply = { id, kind: 'done', result };
  } catch (error) {
    reply = { id, kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
  port.postMessage(reply);
});
