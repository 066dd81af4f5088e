import { describe, expect, it } from 'vitest';
import {
  cohortWindow,
  defaultPeriod,
  type Indicator,
  meanOf,
  medianOf,
  observations,
  reportIndicator,
  shareOf,
} from './indicators';

const d = (...values: number[]) => values.map((value) => ({ value, count: 1 }));

describe('medians and means from a distribution (HUD SPM 1: average and median days homeless)', () => {
  it('the median of an odd number of observations is the middle one', () => {
    expect(medianOf(d(30, 10, 20))).toBe(20);
    expect(medianOf([{ value: 5, count: 3 }])).toBe(5);
  });

  it('the median of an even number of observations is the mean of the two middle ones', () => {
    expect(medianOf(d(10, 20, 30, 40))).toBe(25);
    // 1, 1, 1, 9, 9, 9: the two middle values are 1 and 9.
    expect(
      medianOf([
        { value: 9, count: 3 },
        { value: 1, count: 3 },
      ]),
    ).toBe(5);
  });

  it('counts each value as often as it occurs', () => {
    const dist = [
      { value: 120, count: 5 },
      { value: 290, count: 5 },
      { value: 245, count: 5 },
    ];
    expect(observations(dist)).toBe(15);
    expect(medianOf(dist)).toBe(245);
    expect(meanOf(dist)).toBe(218.3);
  });

  it('an empty distribution has no median and no mean', () => {
    expect(medianOf([])).toBeNull();
    expect(meanOf([])).toBeNull();
    expect(medianOf([{ value: 3, count: 0 }])).toBeNull();
  });
});

describe('shares and periods', () => {
  it('a share is the count over its basis, to three decimals, and none over an empty basis', () => {
    expect(shareOf(2, 3)).toBe(0.667);
    expect(shareOf(0, 7)).toBe(0);
    expect(shareOf(0, 0)).toBeNull();
  });

  it('the default period is the last 12 months up to and including today', () => {
    expect(defaultPeriod('2026-12-05')).toEqual({ from: '2025-12-06', to: '2026-12-05' });
    expect(defaultPeriod('2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
  });

  it('HUD SPM 2: a follow-up of n months takes the exits n months before the period, so that each follow-up ends in it', () => {
    expect(cohortWindow('2025-01-01', '2025-12-31', 6)).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    expect(cohortWindow('2025-01-01', '2025-12-31', 24)).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    // The end of a month is clamped (31 August − 6 months = 28 February).
    expect(cohortWindow('2025-03-01', '2025-08-31', 6).to).toBe('2025-02-28');
  });
});

describe('rule 33: the suppression of an indicator that leaves case work', () => {
  const returns = (n: number, returned: number): Indicator => ({
    key: 'returns6',
    unit: 'persons',
    n,
    values: {
      returned: { kind: 'count', value: returned },
      returnedShare: { kind: 'share', of: 'returned' },
    },
  });

  it('shows a basis, a count and a share when none of them is small', () => {
    expect(reportIndicator(returns(20, 5))).toEqual({
      key: 'returns6',
      unit: 'persons',
      n: 20,
      values: { returned: 5, returnedShare: 0.25 },
    });
  });

  it('shows counts of 1–4 as "<5" and zero as zero', () => {
    expect(reportIndicator(returns(3, 0)).n).toBe('<5');
    expect(reportIndicator(returns(3, 0)).values.returned).toBe(0);
    expect(reportIndicator(returns(20, 2)).values.returned).toBe('<5');
  });

  it('rule 33: at the municipality\'s limit of 7 a count of 6 is "<7", and a share needs a basis of 7', () => {
    expect(reportIndicator(returns(20, 6), 7).values).toEqual({ returned: '<7', returnedShare: null });
    expect(reportIndicator(returns(6, 0), 7).n).toBe('<7');
    expect(reportIndicator(returns(20, 10), 7).values).toEqual({ returned: 10, returnedShare: 0.5 });
  });

  it('hides the share when the count or the rest of the basis is small, and the count when the rest would give it away', () => {
    // 2 of 20: the count is "<5", so the share (10 %) is not shown.
    expect(reportIndicator(returns(20, 2)).values).toEqual({ returned: '<5', returnedShare: null });
    // 17 of 20: the three who did not return could be worked out from 20 − 17: the count is hidden.
    expect(reportIndicator(returns(20, 17)).values).toEqual({ returned: 'x', returnedShare: null });
    // Everyone (5 of 5): the rest is 0, which names nobody.
    expect(reportIndicator(returns(5, 5)).values).toEqual({ returned: 5, returnedShare: 1 });
  });

  it('shows no median or mean over a basis of fewer than 5', () => {
    const days = (n: number): Indicator => ({
      key: 'daysHomeless',
      unit: 'days',
      n,
      values: { median: { kind: 'median', value: 40 }, mean: { kind: 'mean', value: 41.5 } },
    });
    expect(reportIndicator(days(4))).toMatchObject({ n: '<5', values: { median: null, mean: null } });
    expect(reportIndicator(days(5))).toMatchObject({ n: 5, values: { median: 40, mean: 41.5 } });
  });

  it('applies secondary suppression to a breakdown of the basis, and shows its share only when every cell is shown', () => {
    const evictions = (averted: number, moved: number, evicted: number): Indicator => ({
      key: 'evictions',
      unit: 'cases',
      n: averted + moved + evicted,
      values: {
        notices: { kind: 'count', value: 30 },
        averted: { kind: 'count', value: averted },
        moved: { kind: 'count', value: moved },
        evicted: { kind: 'count', value: evicted },
        avertedShare: { kind: 'share', of: 'averted' },
      },
      breakdown: ['averted', 'moved', 'evicted'],
    });
    expect(reportIndicator(evictions(10, 0, 10)).values).toEqual({
      notices: 30,
      averted: 10,
      moved: 0,
      evicted: 10,
      avertedShare: 0.5,
    });
    // One moved: "<5", and the next smallest cell hidden so that it cannot be worked out from n.
    expect(reportIndicator(evictions(12, 1, 8)).values).toEqual({
      notices: 30,
      averted: 12,
      moved: '<5',
      evicted: 'x',
      avertedShare: null,
    });
  });

  it('shows amounts of dwellings and capacity as they are: they are not people', () => {
    const units: Indicator = {
      key: 'agreementUnits',
      unit: 'units',
      n: 3,
      values: {
        agreed: { kind: 'amount', value: 2.5 },
        received: { kind: 'amount', value: 3 },
        used: { kind: 'amount', value: 2 },
      },
    };
    expect(reportIndicator(units)).toEqual({
      key: 'agreementUnits',
      unit: 'units',
      n: 3,
      values: { agreed: 2.5, received: 3, used: 2 },
    });
  });
});
