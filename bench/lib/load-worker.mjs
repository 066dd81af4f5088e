// The closed-loop HTTP load of `loadHttpApart` (load.ts), run in a worker thread so that the load
// generator's own work (building requests, parsing answers) does not run on the thread that serves
// the application under test. Plain JavaScript: a worker thread gets no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, connections, seconds, timeout, requests } = workerData;
const samples = [];
let failures = 0;
let turn = 0;
const started = performance.now();
const result = await autocannon({
  url,
  connections,
  duration: seconds,
  timeout,
  requests: [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, ...requests[turn++ % requests.length] }),
    },
  ],
  setupClient: (client) => {
    client.on('response', (statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
      else failures++;
    });
  },
});
parentPort.postMessage({
  samples,
  seconds: (performance.now() - started) / 1000,
  errors: failures + result.errors,
  timeouts: result.timeouts,
});
