import type { PlanningBaseline, ScenarioResult, ScenarioYear } from './api';
import { FORECAST_SERIES } from './api';
import { meanShelterStayMonths, type PlanRates, preventionSuccess } from './fit';
import { PLAN_STATES, type PlanMethod } from './model';
import type { Band, Forecast, Series } from './simulate';

/** The assumptions a page shows of a set of rates: the stay, prevention success and the inflow. */
export function assumptionsOf(rates: PlanRates): PlanningBaseline['assumptions'] {
  const stay = meanShelterStayMonths(rates);
  const stays = rates.rows.at_risk[PLAN_STATES.indexOf('at_risk')] ?? 1;
  const leaves = stays < 1;
  return {
    // An endless stay (nobody left a shelter in the history) is shown as the longest a lever takes.
    shelterStayMonths: Number.isFinite(stay) ? stay : 36,
    preventionSuccessPercent: leaves ? preventionSuccess(rates) * 100 : null,
    inflowPerMonth: rates.inflowPerMonth.reduce((a, b) => a + b, 0),
  };
}

function sumOfMeans(bands: readonly Band[], from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += bands[t]?.mean ?? 0;
  return sum;
}

/**
 * A forecast's key figures per forecast year (issue 19 §3): the waiting list, its expected waiting
 * time and the homeless at the year's last month end; the homeless at the week-6 count in the year
 * (taken at the January month end, the last before the count's week in early February, rule 5);
 * and the year's lettings, shelter days, costs and refunds as the sum of the monthly means (the mean
 * of a sum is the sum of the means; a band of a sum would need the paths, which are not kept).
 */
export function forecastYears(forecast: Forecast): ScenarioYear[] {
  const years = Math.floor(forecast.monthEnds.length / 12);
  const s = forecast.series;
  return Array.from({ length: years }, (_, i) => {
    const from = i * 12;
    const last = from + 11;
    const january = forecast.monthEnds.findIndex(
      (end, t) => t >= from && t <= last && end.slice(5, 7) === '01',
    );
    const sum = (name: Series) => sumOfMeans(s[name], from, last + 1);
    return {
      year: i + 1,
      yearEnd: forecast.monthEnds[last] as string,
      waiting: s.waiting[last] as Band,
      waitingMonths: forecast.waitingMonths[last] ?? null,
      homeless: s.homeless[last] as Band,
      countWeek6:
        january >= 0
          ? { onMonthEnd: forecast.monthEnds[january] as string, homeless: s.homeless[january] as Band }
          : null,
      lettings: sum('lettings'),
      shelterDays: sum('shelterDays'),
      shelterNet: sum('shelterNet'),
      shelterRefund: sum('shelterRefund'),
      supportCost: sum('supportCost'),
      supportRefund: sum('supportRefund'),
      netCost: sum('netCost'),
      supportRefused: sum('supportRefused'),
    };
  });
}

/** What a scenario keeps of its forecast: the page's series, the supply, the places and the years. */
export function scenarioResult(
  forecast: Forecast,
  units: readonly number[],
  capacity: Record<PlanMethod, number>,
): ScenarioResult {
  return {
    monthEnds: forecast.monthEnds,
    series: Object.fromEntries(
      FORECAST_SERIES.map((name) => [name, forecast.series[name]]),
    ) as ScenarioResult['series'],
    waitingMonths: forecast.waitingMonths,
    units: [...units],
    capacity,
    years: forecastYears(forecast),
    assumptions: assumptionsOf(forecast.assumptions),
  };
}
