import { describe, expect, it } from 'vitest';
import {
  type OpenLoopResult,
  poissonArrivals,
  runOpenLoop,
  stepSearch,
  sustained,
} from '../../bench/lib/open-loop';
import { Random } from '../../bench/lib/random';

/**
 * The open-loop generator of the national benchmark (issue 21 §4), against fake handlers: it sends
 * at the scheduled rate whatever the answers do, counts failures, and measures every latency from
 * the time the request was scheduled.
 */
/** A step's result at `rate` with every request answered, its p95 `p95` ms. */
const stepAt = (rate: number, p95: number): OpenLoopResult => ({
  targetRate: rate,
  scheduledRate: rate,
  sentRate: rate,
  seconds: 1,
  requests: rate,
  errors: 0,
  timeouts: 0,
  firstErrors: [],
  sendLagP95: 0,
  sendLagMax: 0,
  p50: p95 / 2,
  p95,
  p99: p95,
  max: p95,
  paths: [],
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('open-loop generator', () => {
  it('schedules exactly the asked rate within the window, at random times like independent users', () => {
    const arrivals = poissonArrivals(1000, 10, new Random(3));
    expect(arrivals).toHaveLength(10_000);
    expect(arrivals.every((t, i) => t >= (arrivals[i - 1] ?? 0) && t < 10_000)).toBe(true);
    expect(poissonArrivals(1000, 10, new Random(3))).toEqual(arrivals);
    // Gaps of a Poisson process are exponential: their spread equals their mean (1 ms here).
    const gaps = arrivals.slice(1).map((t, i) => t - (arrivals[i] ?? 0));
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeCloseTo(1, 1);
    expect(sd / mean).toBeGreaterThan(0.9);
    expect(sd / mean).toBeLessThan(1.1);
  });

  it('sends at the scheduled rate without waiting for slow answers', async () => {
    let open = 0;
    let mostOpen = 0;
    const result = await runOpenLoop({
      rate: 100,
      seconds: 1,
      random: new Random(1),
      pick: () => 'slow path',
      label: (x) => x,
      send: async () => {
        open++;
        mostOpen = Math.max(mostOpen, open);
        await sleep(300);
        open--;
        return { ok: true };
      },
    });
    expect(result.requests).toBeGreaterThan(60);
    expect(result.sentRate).toBeGreaterThanOrEqual(0.95 * result.scheduledRate);
    // A closed loop would have had one request open at a time.
    expect(mostOpen).toBeGreaterThan(10);
    expect(result.p50).toBeGreaterThanOrEqual(299);
    expect(result.errors).toBe(0);
  });

  it('measures latency from the scheduled time, so a queue behind a slow server shows', async () => {
    // A server that answers one request at a time in 40 ms, sent 50 a second: it falls behind by
    // a second over the run. Timed from the send of each request after the previous answer (a closed
    // loop) every latency would be 40 ms.
    let queue = Promise.resolve();
    const result = await runOpenLoop({
      rate: 50,
      seconds: 1,
      random: new Random(2),
      pick: () => 'queued',
      label: (x) => x,
      send: () => {
        const answered = queue.then(() => sleep(40));
        queue = answered;
        return answered.then(() => ({ ok: true }));
      },
    });
    expect(result.p50).toBeGreaterThan(40);
    expect(result.max).toBeGreaterThan(300);
    expect(result.p95).toBeGreaterThan(100);
  });

  it('counts non-2xx answers, thrown errors and timeouts as errors and keeps the first few', async () => {
    let n = 0;
    const result = await runOpenLoop({
      rate: 60,
      seconds: 0.5,
      random: new Random(4),
      pick: () => n++,
      label: (i) => (i % 3 === 0 ? 'refused' : i % 3 === 1 ? 'thrown' : i % 6 === 2 ? 'hangs' : 'fine'),
      timeoutMs: 200,
      send: async (i) => {
        if (i % 3 === 0) return { ok: false, error: 'HTTP 409 conflict' };
        if (i % 3 === 1) throw new Error('connection reset');
        if (i % 6 === 2) await new Promise(() => {});
        return { ok: true };
      },
    });
    const by = Object.fromEntries(result.paths.map((p) => [p.label, p]));
    expect(by.refused?.errors).toBe(by.refused?.requests);
    expect(by.thrown?.errors).toBe(by.thrown?.requests);
    expect(by.hangs?.errors).toBe(by.hangs?.requests);
    expect(result.timeouts).toBe(by.hangs?.requests);
    expect(by.fine?.errors ?? 0).toBe(0);
    expect(result.errors).toBe(result.requests - (by.fine?.requests ?? 0));
    expect(result.firstErrors.length).toBeLessThanOrEqual(5);
    expect(result.firstErrors.join('\n')).toMatch(/HTTP 409|connection reset|timeout after 200 ms/);
    expect(sustained(result, 100)).toBe(false);
  });

  it('finds the highest sustained rate by doubling and then bisecting', async () => {
    const tried: number[] = [];
    const found = await stepSearch({
      startRate: 10,
      maxRate: 10_000,
      bisections: 3,
      maxSteps: 12,
      p95Ms: 100,
      measure: async (rate) => {
        tried.push(rate);
        return stepAt(rate, rate <= 33 ? 50 : 500);
      },
    });
    expect(tried).toEqual([10, 20, 40, 30, 35, 32.5]);
    expect(found.sustainedRate).toBe(32.5);
    expect(found.best?.rate).toBe(32.5);
  });

  it('bisects toward no rate below the lowest one asked for, so a slow deployment does not run for ever', async () => {
    const tried: number[] = [];
    const found = await stepSearch({
      startRate: 10,
      maxRate: 10_000,
      minRate: 2.5,
      bisections: 5,
      maxSteps: 12,
      p95Ms: 100,
      measure: async (rate) => {
        tried.push(rate);
        return stepAt(rate, 500);
      },
    });
    expect(tried).toEqual([10, 5, 2.5]);
    expect(found.sustainedRate).toBeUndefined();
  });
});
