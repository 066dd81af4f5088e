import { describe, expect, it } from 'vitest';
import { today } from '../../../shared/dates';
import { supportPlaces } from '../../../shared/planning/scenario';
import { type ForecastInput, forecast, forecastMonthEnds } from '../../../shared/planning/simulate';
import { monthlySupply } from '../../../shared/planning/supply';
import { withTenant } from '../../db/database';
import { seededDemo, skipDemo } from '../../test/demo';
import { planningInputs } from './planning.inputs.service';
import { runForecast } from './planning.runner';

describe.skipIf(skipDemo)('a forecast of the demo municipality (issue 19 §1–3, §6)', () => {
  const demo = seededDemo();

  it('runs in a worker thread with its progress, and gives what the same forecast gives in the process', async () => {
    const m = await demo.municipalityId();
    const asOf = today();
    const inputs = await withTenant(demo.db.app, m, (trx) => planningInputs(trx, m, asOf));
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
      draws: 200,
      seed: 2026,
    };
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
});
