import { daysBetween } from '../dates';
/**
 * Housing supply rules (domain.md §4, almenboligloven § 59): the municipality's share of vacant
 * units, the units it can expect from turnover, area status over time, and rent-subsidy pools.
 */

export const UNIT_TYPES = ['family', 'youth', 'elderly', 'alternative'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const AREA_STATUSES = ['normal', 'udsat', 'parallelsamfund', 'omdannelse', 'forebyggelse'] as const;
export type AreaStatus = (typeof AREA_STATUSES)[number];

/** § 59 stk. 1: up to every 4th vacant family unit; the framework agreement takes every 4th youth unit too. */
export const DEFAULT_QUOTA_PERCENT: Record<UnitType, number> = {
  family: 25,
  youth: 25,
  elderly: 0,
  alternative: 0,
};

/** § 59: up to every 3rd vacant unit for rehousing (genhusning). */
export const MAX_REHOUSING_PERCENT = 100 / 3;

/** Units the municipality can expect in a year: units × yearly turnover × its quota. */
export function expectedPerYear(units: number, turnoverPercent: number, quotaPercent: number): number {
  return (units * turnoverPercent * quotaPercent) / 10_000;
}

/** The same spread evenly over the four quarters. */
export function expectedPerQuarter(units: number, turnoverPercent: number, quotaPercent: number): number {
  return expectedPerYear(units, turnoverPercent, quotaPercent) / 4;
}

/** Expected units over a period of days (pro rata of the year), for reports on any period. */
export function expectedInPeriod(perYear: number, from: string, to: string): number {
  const days = daysBetween(from, to) + 1;
  return days <= 0 ? 0 : (perYear * days) / 365;
}

/** The row in force on a date among date-versioned rows (area status, agreements): the latest valid_from ≤ date. */
export function validOn<R extends { validFrom: string }>(rows: readonly R[], date: string): R | undefined {
  let current: R | undefined;
  for (const r of rows) if (r.validFrom <= date && (!current || r.validFrom > current.validFrom)) current = r;
  return current;
}

/**
 * Which area statuses are covered by the § 59 stk. 6 allocation block: vulnerable areas, which
 * include parallel societies and conversion areas. Prevention areas have the narrower stk. 7 block.
 */
export function isVulnerableArea(status: AreaStatus): boolean {
  return status === 'udsat' || status === 'parallelsamfund' || status === 'omdannelse';
}

/** Whether two date periods (to = null: open-ended) overlap. */
export function periodsOverlap(
  a: { from: string; to: string | null },
  b: { from: string; to: string | null },
): boolean {
  return a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
}

/** What is left of a pool's budget after the units bound to it have used their subsidy so far. */
export function poolRemaining(
  budget: number,
  monthlyReduction: number,
  units: { from: string; to: string | null }[],
  onDate: string,
): number {
  const months = units.reduce(
    (sum, u) => sum + monthsBetween(u.from, u.to && u.to < onDate ? u.to : onDate),
    0,
  );
  return budget - months * monthlyReduction;
}

/** Whole months from one date to another (0 if the second is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy = 0, fm = 0, fd = 0] = from.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** A pool whose subsidy period ends within `days` of a date deserves a warning. */
export function poolEndsSoon(validTo: string | null, onDate: string, days = 90): boolean {
  if (!validTo) return false;
  const diff = daysBetween(onDate, validTo);
  return diff >= 0 && diff <= days;
}
