import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUOTA_PERCENT,
  expectedInPeriod,
  expectedPerQuarter,
  expectedPerYear,
  isVulnerableArea,
  MAX_REHOUSING_PERCENT,
  monthsBetween,
  periodsOverlap,
  poolEndsSoon,
  poolRemaining,
  validOn,
} from './supply';

describe('expected units from turnover (issue 4 §3; seeds/000 "ca. 79 familieboliger")', () => {
  it('is units × turnover × quota, per year and per quarter', () => {
    expect(expectedPerYear(400, 10, 25)).toBe(10);
    expect(expectedPerQuarter(400, 10, 25)).toBe(2.5);
    expect(expectedPerYear(400, 10, 0)).toBe(0);
    expect(expectedPerYear(400, 10, 100)).toBe(40);
  });

  it('comes to about 79 family units a year for 4,200 units turning over 7.5 % at every 4th', () => {
    expect(expectedPerYear(4200, 7.5, 25)).toBeCloseTo(78.75);
  });

  it('is pro rata for a report period', () => {
    expect(expectedInPeriod(73, '2026-01-01', '2026-01-05')).toBeCloseTo(1);
    expect(expectedInPeriod(73, '2026-02-01', '2026-01-01')).toBe(0);
  });
});

describe('quota defaults (domain.md §4, almenboligloven § 59 stk. 1)', () => {
  it('takes every 4th family unit and every 4th youth unit by default, and up to every 3rd for rehousing', () => {
    expect(DEFAULT_QUOTA_PERCENT.family).toBe(25);
    expect(DEFAULT_QUOTA_PERCENT.youth).toBe(25);
    expect(MAX_REHOUSING_PERCENT).toBeCloseTo(33.33, 2);
  });
});

describe('area status on a date (domain.md §4: lists published each 1 December)', () => {
  const history = [
    { validFrom: '2023-12-01', status: 'normal' },
    { validFrom: '2024-12-01', status: 'parallelsamfund' },
  ];
  it('changes on the 1 December the new list takes effect, not before', () => {
    expect(validOn(history, '2024-11-30')?.status).toBe('normal');
    expect(validOn(history, '2024-12-01')?.status).toBe('parallelsamfund');
    expect(validOn(history, '2023-11-30')).toBeUndefined();
  });

  it('counts parallel societies and conversion areas as vulnerable (§ 59 stk. 6), prevention areas not', () => {
    expect(
      ['udsat', 'parallelsamfund', 'omdannelse', 'forebyggelse', 'normal'].map((s) =>
        isVulnerableArea(s as 'udsat'),
      ),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('agreement periods', () => {
  it('overlap when they share a day; an open end runs forever', () => {
    expect(periodsOverlap({ from: '2023-01-01', to: '2023-12-31' }, { from: '2023-12-31', to: null })).toBe(
      true,
    );
    expect(periodsOverlap({ from: '2023-01-01', to: '2023-12-31' }, { from: '2024-01-01', to: null })).toBe(
      false,
    );
    expect(periodsOverlap({ from: '2023-01-01', to: null }, { from: '2030-01-01', to: '2030-12-31' })).toBe(
      true,
    );
  });
});

describe('rent-subsidy pools (seeds/000: 16 units, about 1,250 kr. a month)', () => {
  it('uses the monthly reduction for each unit and month bound, and keeps the rest', () => {
    expect(monthsBetween('2023-01-01', '2023-07-01')).toBe(6);
    expect(monthsBetween('2023-01-15', '2023-07-14')).toBe(5);
    const units = [
      { from: '2023-01-01', to: null },
      { from: '2023-04-01', to: '2023-06-01' },
    ];
    expect(poolRemaining(100_000, 1250, units, '2023-07-01')).toBe(100_000 - (6 + 2) * 1250);
  });

  it('warns in the 90 days before a subsidy period ends', () => {
    expect(poolEndsSoon('2023-12-31', '2023-10-02')).toBe(true);
    expect(poolEndsSoon('2023-12-31', '2023-09-01')).toBe(false);
    expect(poolEndsSoon('2023-12-31', '2024-01-01')).toBe(false);
    expect(poolEndsSoon(null, '2023-12-01')).toBe(false);
  });
});
