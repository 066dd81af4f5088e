import { Worker } from 'node:worker_threads';
import type { Forecast, ForecastInput } from '../../../shared/planning/simulate';

type Message = { kind: 'progress'; done: number } | { kind: 'done'; result: Forecast };

/**
 * Runs a forecast in a worker thread (issue 19 §6), so that the server keeps answering other
 * requests while a thousand paths are drawn; `onProgress` hears the share done. The worker loads the
 * TypeScript sources as the server does (tsx).
 */
export function runForecast(input: ForecastInput, onProgress?: (done: number) => void): Promise<Forecast> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./planning.worker.ts', import.meta.url), {
      workerData: input,
      execArgv: ['--import', 'tsx'],
    });
    let settled = false;
    worker.on('message', (message: Message) => {
      if (message.kind === 'progress') onProgress?.(message.done);
      else {
        settled = true;
        resolve(message.result);
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The forecast's worker stopped (exit code ${code}) before it was done`));
    });
  });
}
