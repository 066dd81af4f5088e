import { describe, expect, it } from 'vitest';
import { dashboardMonths, suppressSeries } from './dashboard';

describe('the dashboard months', () => {
  it('are the last twelve months up to and including the current one, across a new year', () => {
    const months = dashboardMonths('2027-02-14');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-03');
    expect(months[11]).toBe('2027-02');
  });
});

describe('a monthly series on a dashboard (rule 33: small-number suppression)', () => {
  const months = ['2026-01', '2026-02', '2026-03'];

  it('shows a small month as below the limit and hides another so the total cannot give it away', () => {
    const series = suppressSeries(months, [{ n: 10 }, { n: 3 }, { n: 8 }], ['n'], 5);
    expect(series.months.map((m) => m.n)).toEqual([10, '<5', 'x']);
    expect(series.totals.n).toBe(21);
  });

  it('uses the municipality limit, not a fixed 5', () => {
    const series = suppressSeries(months, [{ n: 12 }, { n: 6 }, { n: 9 }], ['n'], 7);
    expect(series.months.map((m) => m.n)).toEqual([12, '<7', 'x']);
  });

  it('shows zeros and leaves every column to stand alone', () => {
    const series = suppressSeries(
      months,
      [
        { a: 0, b: 7 },
        { a: 9, b: 2 },
        { a: 6, b: 5 },
      ],
      ['a', 'b'],
      5,
    );
    expect(series.months.map((m) => m.a)).toEqual([0, 9, 6]);
    expect(series.totals.a).toBe(15);
    expect(series.months.map((m) => m.b)).toEqual([7, '<5', 'x']);
  });

  it('suppresses a small total of a column as well', () => {
    const series = suppressSeries(months, [{ n: 1 }, { n: 0 }, { n: 2 }], ['n'], 5);
    expect(series.totals.n).toBe('<5');
    expect(series.months.map((m) => m.n)).toEqual(['<5', 0, '<5']);
  });
});
