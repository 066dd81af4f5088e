import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { today } from '../../../shared/dates';
import { supportPlaces } from '../../../shared/planning/scenario';
import { type ForecastInput, forecast, forecastMonthEnds } from '../../../shared/planning/simulate';
import { monthlySupply } from '../../../shared/planning/supply';
import { withTenant } from '../../db/database';
import {
  BACKGROUND_NICE,
  currentThreadId,
  threadNice,
  threadPriorityWorks,
} from '../../platform/thread-priority';
import { seededDemo, skipDemo } from '../../test/demo';
import { planningInputs } from './planning.inputs.service';
import { closeForecastWorkers, runForecast } from './planning.runner';

describe.skipIf(skipDemo)('a forecast of the demo municipality (issue 19 §1–3, §6)', () => {
  const demo = seededDemo();

  afterAll(closeForecastWorkers);

  /** The demo's five-year forecast input, as the planning routes build it. */
  async function demoInput(draws: number, seed: number) {
    const m = await demo.municipalityId();
    const inputs = await withTenant(demo.db.app, m, (trx) => planningInputs(trx, m, today()));
    const after = inputs.past.monthEnds.at(-1) as string;
    const monthEnds = forecastMonthEnds(after, 60);
    const input: ForecastInput = {
      fitted: inputs.fitted,
      economics: inputs.economics,
      monthEnds,
      baseline: {
        unitsPerMonth: monthlySupply(inputs.supply, monthEnds).total,
        supportCapacity: supportPlaces(inputs.capacity),
      },
      levers: {},
      draws,
      seed,
    };
    return { inputs, after, input };
  }

  it('runs in a worker thread with its progress, and gives what the same forecast gives in the process', async () => {
    const { inputs, after, input } = await demoInput(200, 2026);
    const progress: number[] = [];
    const inWorker = await runForecast(input, (done) => progress.push(done));
    expect(inWorker).toEqual(forecast(input));
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(1);
    // Five years of months, each figure with a band; the demo has people waiting and in shelters.
    expect(inWorker.monthEnds).toHaveLength(60);
    expect(inWorker.monthEnds[0]).toBe(forecastMonthEnds(after, 1)[0]);
    expect((inWorker.monthEnds[0] as string) > after).toBe(true);
    expect(inWorker.series.waiting[0]?.mean).toBeGreaterThan(0);
    expect(inWorker.series.shelterDays[0]?.mean).toBeGreaterThan(0);
    expect(inputs.economics.netPerShelterDay).toBeGreaterThan(0);
  });

  it('runs forecasts asked at once in the pool: each resolves with its own in-process result', async () => {
    const [a, b] = await Promise.all([demoInput(100, 1), demoInput(120, 2)]);
    const progress = { a: [] as number[], b: [] as number[] };
    const [inA, inB] = await Promise.all([
      runForecast(a.input, (done) => progress.a.push(done)),
      runForecast(b.input, (done) => progress.b.push(done)),
    ]);
    expect(inA).toEqual(forecast(a.input));
    expect(inB).toEqual(forecast(b.input));
    // Each forecast hears its own progress only.
    expect(progress.a.at(-1)).toBe(1);
    expect(progress.b.at(-1)).toBe(1);
    expect(progress.a).toHaveLength(2);
    expect(progress.b).toHaveLength(3);
  });

  it.skipIf(!threadPriorityWorks)(
    'runs its threads below the priority of the thread that answers requests (Linux)',
    async () => {
      const { input } = await demoInput(50, 5);
      expect(await runForecast(input)).toEqual(forecast(input));
      // The pool's threads (alive after their forecasts) run at nice 10; this one does not.
      const lowered = readdirSync('/proc/self/task')
        .map(Number)
        .filter((tid) => threadNice(tid) >= BACKGROUND_NICE);
      expect(lowered.length).toBeGreaterThan(0);
      expect(threadNice(currentThreadId() as number)).toBeLessThan(BACKGROUND_NICE);
    },
  );

  it('rejects a forecast that fails in its thread, and the pool serves the next', async () => {
    const { input } = await demoInput(50, 3);
    const broken = { ...input, fitted: undefined } as unknown as ForecastInput;
    await expect(runForecast(broken)).rejects.toThrow();
    expect(await runForecast(input)).toEqual(forecast(input));
  });

  it('closes its threads, and starts them again for a later forecast', async () => {
    const { input } = await demoInput(50, 4);
    await closeForecastWorkers();
    expect(await runForecast(input)).toEqual(forecast(input));
  });
});
