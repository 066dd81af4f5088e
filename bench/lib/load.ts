import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';

/** Latency (milliseconds) and throughput of one load run. */
export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  /** Failed requests: non-2xx answers, connection errors, timeouts, thrown queries. */
  errors: number;
  /** Of the errors, requests that got no answer within the timeout. */
  timeouts: number;
  /** The message of the first failure of a function run (loadFunction), if any failed. */
  firstError?: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The value below which `q` of the sorted samples lie (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(
  samples: number[],
  seconds: number,
  failures: { errors: number; timeouts: number },
  connections: number,
): LoadResult {
  const sorted = samples.toSorted((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    connections,
    seconds: round(seconds),
    requests: sorted.length,
    ...failures,
    rps: round(sorted.length / seconds),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

export interface HttpRequest {
  path: string;
  headers: Record<string, string>;
}

/** Seconds without an answer after which a request counts as timed out. */
export const TIMEOUT_SECONDS = 10;

/**
 * Drives an HTTP server with autocannon (closed loop: each connection sends its next request when
 * the previous answer arrives). `next` gives every request its own path and headers. Latencies
 * are taken per response, so percentiles are exact rather than autocannon's fixed buckets. Only
 * answers that arrive within the run count; requests still open at the end are dropped.
 */
export async function loadHttp(options: {
  url: string;
  connections: number;
  seconds: number;
  next: () => HttpRequest;
}): Promise<LoadResult> {
  const samples: number[] = [];
  let failures = 0;
  const started = performance.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: TIMEOUT_SECONDS,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, ...options.next() }) }],
    setupClient: (client) => {
      client.on('response', (statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
        else failures++;
      });
    },
  });
  const seconds = (performance.now() - started) / 1000;
  return summarize(
    samples,
    seconds,
    { errors: failures + result.errors, timeouts: result.timeouts },
    options.connections,
  );
}

/**
 * `loadHttp` with the load generator in a worker thread of its own, so that building requests and
 * reading answers does not take the thread that serves the application (a server's clients are
 * elsewhere; the raw SQL baseline has no HTTP client at all). The requests are taken in turn from
 * `requests`.
 */
export async function loadHttpApart(options: {
  url: string;
  connections: number;
  seconds: number;
  requests: readonly HttpRequest[];
}): Promise<LoadResult> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { ...options, timeout: TIMEOUT_SECONDS },
  });
  const [done] = (await Promise.race([
    once(worker, 'message'),
    once(worker, 'error').then(([error]) => Promise.reject(error)),
  ])) as [{ samples: number[]; seconds: number; errors: number; timeouts: number }];
  await worker.terminate();
  return summarize(
    done.samples,
    done.seconds,
    { errors: done.errors, timeouts: done.timeouts },
    options.connections,
  );
}

/**
 * The same closed loop for an async function (the raw SQL baseline): `connections` workers, each
 * calling `call` again as soon as the previous call settles, until `seconds` have passed. As with
 * autocannon, calls that finish after the end do not count (but are awaited).
 */
export async function loadFunction(options: {
  connections: number;
  seconds: number;
  call: () => Promise<unknown>;
}): Promise<LoadResult> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const end = performance.now() + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await options.call();
          const t1 = performance.now();
          if (t1 <= end) samples.push(t1 - t0);
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  if (errors > 0 && samples.length === 0) throw firstError;
  const result = summarize(samples, options.seconds, { errors, timeouts: 0 }, options.connections);
  return firstError === undefined
    ? result
    : { ...result, firstError: String((firstError as Error).message ?? firstError) };
}
