import { parentPort, workerData } from 'node:worker_threads';
import { type ForecastInput, forecast } from '../../../shared/planning/simulate';

/**
 * A worker thread's entry (`runForecast`): runs one Monte Carlo forecast off the server's event
 * loop, posting its progress (the share of draws done) and then the forecast.
 */
const port = parentPort;
if (!port) throw new Error('planning.worker.ts runs as a worker thread only');
const result = forecast(workerData as ForecastInput, (done) => port.postMessage({ kind: 'progress', done }));
port.postMessage({ kind: 'done', result });
