import { percentile } from './load';
import type { Random } from './random';

/**
 * An open-loop load generator: requests are sent at scheduled times whatever became of the earlier
 * ones, and each latency runs from the time the request was scheduled, not from when it was sent,
 * so a generator or server that falls behind shows in the latencies (no coordinated omission).
 */

/**
 * Milliseconds from the start of a run at which requests are due: rate × seconds arrivals spread
 * uniformly at random over the window, in order — a Poisson process conditioned on its count, so
 * the arrivals come in the bursts and gaps of independent users while every step of a search sends
 * exactly its rate (a free Poisson count of a short step can be off by a third).
 */
export function poissonArrivals(rate: number, seconds: number, random: Random): number[] {
  const n = Math.round(rate * seconds);
  const end = seconds * 1000;
  return Array.from({ length: n }, () => random.next() * end).sort((a, b) => a - b);
}

/** What one request came to. */
export interface Outcome {
  ok: boolean;
  /** For a failure: what was answered (status and the start of the body) or thrown. */
  error?: string;
}

export interface OpenLoopSample {
  label: string;
  /** From the scheduled time to the answer, ms. */
  ms: number;
  ok: boolean;
}

export interface PathLatency {
  label: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface OpenLoopResult {
  /** Requests per second asked for. */
  targetRate: number;
  /** Requests scheduled in the window ÷ its seconds. */
  scheduledRate: number;
  /** Requests sent ÷ the seconds from the start to the last send (at least the window's). */
  sentRate: number;
  seconds: number;
  requests: number;
  errors: number;
  /** Of the errors, requests with no answer within the timeout. */
  timeouts: number;
  /** The first few failures, as answered. */
  firstErrors: string[];
  /** How late the generator sent requests, ms (p95 and max): it is in the latencies too. */
  sendLagP95: number;
  sendLagMax: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  paths: PathLatency[];
}

export interface OpenLoopOptions<T> {
  rate: number;
  seconds: number;
  random: Random;
  /** The request due at a scheduled time: drawn when it is due (so the state it needs is current). */
  pick: (random: Random) => T;
  label: (item: T) => string;
  send: (item: T) => Promise<Outcome>;
  /** A request without an answer after this long counts as a timed-out error. */
  timeoutMs?: number;
  /** The clock (ms); performance.now by default. */
  now?: () => number;
  /** Waits `ms`; setTimeout by default. */
  sleep?: (ms: number) => Promise<void>;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function spread(samples: readonly number[]) {
  const sorted = samples.toSorted((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Requests, errors and latency percentiles per label, the most frequent first. */
export function pathLatencies(samples: readonly OpenLoopSample[]): PathLatency[] {
  const byLabel = new Map<string, OpenLoopSample[]>();
  for (const s of samples) {
    const list = byLabel.get(s.label) ?? [];
    list.push(s);
    byLabel.set(s.label, list);
  }
  return [...byLabel.entries()]
    .map(([label, list]) => ({
      label,
      requests: list.length,
      errors: list.filter((s) => !s.ok).length,
      ...spread(list.map((s) => s.ms)),
    }))
    .sort((a, b) => b.requests - a.requests);
}

/**
 * Runs one open-loop window: every request is sent at its scheduled time (or as soon after as the
 * event loop allows), never waiting for earlier answers; then waits for the last answers (at most
 * the timeout). Failed requests count as errors and their latency still counts in the percentiles.
 */
export async function runOpenLoop<T>(o: OpenLoopOptions<T>): Promise<OpenLoopResult> {
  const now = o.now ?? (() => performance.now());
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = o.timeoutMs ?? 10_000;
  const schedule = poissonArrivals(o.rate, o.seconds, o.random);
  const samples: OpenLoopSample[] = [];
  const firstErrors: string[] = [];
  const lags: number[] = [];
  let timeouts = 0;
  let lastSend = 0;
  const pending: Promise<void>[] = [];
  const start = now();
  const fail = (error: string) => {
    if (firstErrors.length < 5) firstErrors.push(error);
  };
  for (const offset of schedule) {
    const due = start + offset;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    const sentAt = now();
    lastSend = sentAt - start;
    lags.push(Math.max(0, sentAt - due));
    const item = o.pick(o.random);
    const label = o.label(item);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, error: `timeout after ${timeoutMs} ms` }), timeoutMs);
    });
    pending.push(
      Promise.race([
        o
          .send(item)
          .catch((error: unknown) => ({ ok: false, error: String((error as Error)?.message ?? error) })),
        timeout,
      ]).then((outcome) => {
        clearTimeout(timer);
        samples.push({ label, ms: now() - due, ok: outcome.ok });
        if (!outcome.ok) {
          if (outcome.error?.startsWith('timeout after')) timeouts++;
          fail(`${label}: ${outcome.error ?? 'failed'}`);
        }
      }),
    );
  }
  await Promise.all(pending);
  const paths = pathLatencies(samples);
  const lagSpread = spread(lags);
  return {
    targetRate: o.rate,
    scheduledRate: round(schedule.length / o.seconds),
    sentRate: round(schedule.length / (Math.max(o.seconds * 1000, lastSend) / 1000)),
    seconds: o.seconds,
    requests: samples.length,
    errors: samples.filter((s) => !s.ok).length,
    timeouts,
    firstErrors,
    sendLagP95: Number.isFinite(lagSpread.p95) ? lagSpread.p95 : 0,
    sendLagMax: Number.isFinite(lagSpread.max) ? lagSpread.max : 0,
    ...spread(samples.map((s) => s.ms)),
    paths,
  };
}

/** Whether a window is sustained: p95 under the target, no errors, and sent at (≥ 95 % of) the scheduled rate. */
export function sustained(r: OpenLoopResult, p95Ms: number): boolean {
  return r.requests > 0 && r.errors === 0 && r.p95 < p95Ms && r.sentRate >= 0.95 * r.scheduledRate;
}

export interface Step {
  rate: number;
  result: OpenLoopResult;
  pass: boolean;
}

/**
 * The highest sustained rate by steps: from `startRate` doubling until a step fails (or `maxRate`),
 * then `bisections` steps between the last pass and the first failure, none below `minRate`.
 * `measure` runs one step.
 */
export async function stepSearch(o: {
  startRate: number;
  maxRate: number;
  /** No step below this rate (a bisection toward 0 ends here); 0 for none. */
  minRate?: number;
  bisections: number;
  maxSteps: number;
  measure: (rate: number) => Promise<OpenLoopResult>;
  p95Ms: number;
  log?: (line: string) => void;
}): Promise<{ steps: Step[]; sustainedRate: number | undefined; best: Step | undefined }> {
  const steps: Step[] = [];
  const step = async (rate: number) => {
    const result = await o.measure(rate);
    const pass = sustained(result, o.p95Ms);
    o.log?.(
      `  ${rate}/s: sent ${result.sentRate}/s, p95 ${result.p95} ms, ${result.errors} errors → ${pass ? 'pass' : 'fail'}`,
    );
    steps.push({ rate, result, pass });
    return pass;
  };
  let pass: number | undefined;
  let fail: number | undefined;
  let rate = o.startRate;
  while (steps.length < o.maxSteps) {
    if (await step(rate)) {
      pass = rate;
      if (rate >= o.maxRate) break;
      rate = Math.min(o.maxRate, rate * 2);
    } else {
      fail = rate;
      break;
    }
  }
  for (let i = 0; i < o.bisections && fail !== undefined && steps.length < o.maxSteps; i++) {
    const low = pass ?? 0;
    const mid = Math.round(((low + fail) / 2) * 10) / 10;
    if (mid <= low || mid >= fail || mid < (o.minRate ?? 0)) break;
    if (await step(mid)) pass = mid;
    else fail = mid;
  }
  const best = steps.filter((s) => s.pass && s.rate === pass).at(-1);
  return { steps, sustainedRate: pass, best };
}
