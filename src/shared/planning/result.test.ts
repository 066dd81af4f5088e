import { describe, expect, it } from 'vitest';
import { forecastYears } from './result';
import { type Band, type Forecast, forecastMonthEnds, SERIES, type Series } from './simulate';

const flat = (mean: number): Band => ({ mean, low: mean - 1, high: mean + 1 });

/** A forecast of `months` months after `after` in which every series is its month's index + 1. */
function rising(after: string, months: number): Forecast {
  const monthEnds = forecastMonthEnds(after, months);
  return {
    monthEnds,
    series: Object.fromEntries(SERIES.map((s) => [s, monthEnds.map((_, t) => flat(t + 1))])) as Record<
      Series,
      Band[]
    >,
    waitingMonths: monthEnds.map((_, t) => (t % 12 === 11 ? flat(3) : null)),
    assumptions: {
      rows: {} as Forecast['assumptions']['rows'],
      settledExits: {},
      inflowPerMonth: [],
      usedShare: 1,
      lettingSplit: [],
      waitingShelterShare: 0,
    },
  };
}

describe("a forecast's key figures per year (issue 19 §3)", () => {
  it("takes stocks at the year's last month end and sums the year's flows as the sum of the monthly means", () => {
    const years = forecastYears(rising('2026-11-30', 24));
    expect(years.map((y) => [y.year, y.yearEnd])).toEqual([
      [1, '2027-11-30'],
      [2, '2028-11-30'],
    ]);
    expect(years[0]?.waiting).toEqual(flat(12));
    expect(years[1]?.homeless).toEqual(flat(24));
    // 1 + 2 + … + 12, and 13 + … + 24.
    expect(years[0]?.shelterDays).toBe(78);
    expect(years[1]?.netCost).toBe(222);
    expect(years[0]?.waitingMonths).toEqual(flat(3));
  });

  it("takes the homeless at a year's week-6 count at its January month end (rule 5: the count is in week 6)", () => {
    const years = forecastYears(rising('2026-11-30', 24));
    // The first forecast year runs December 2026 – November 2027: its January is the second month.
    expect(years[0]?.countWeek6).toEqual({ onMonthEnd: '2027-01-31', homeless: flat(2) });
    expect(years[1]?.countWeek6).toEqual({ onMonthEnd: '2028-01-31', homeless: flat(14) });
  });

  it('leaves out a part-year at the end', () => {
    expect(forecastYears(rising('2026-11-30', 18))).toHaveLength(1);
  });
});
