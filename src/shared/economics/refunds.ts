/**
 * Monthly costs and the § 176 a refunds of support and § 107 care (issue 16 §7–8; domain.md §3,
 * rules 13–14): a monthly cost is charged pro rata by the days of the month, and the refund is the
 * refund share of the cost of the days in the refund period that `supportRefundPeriod` and
 * `careRefundPeriod` (src/shared/shelters/rules.ts) find from the citizen's first discharge.
 */
import { daysBetween } from '../dates';
import {
  careRefundPeriod,
  daysInMonth,
  monthsAfter,
  type Period,
  supportRefundPeriod,
} from '../shelters/rules';

/** A monthly cost from a date until another (exclusive); null: no cost set. */
export interface CostSegment {
  from: string;
  until: string;
  monthly: number | null;
}

/** The days of the month starting `monthStart`. */
export const daysOfMonth = (monthStart: string) => daysBetween(monthStart, monthsAfter(monthStart, 1));

/**
 * What a monthly cost comes to for the days of `period` in one month: the cost in force on each day
 * × the days / the days of the month (the same sum the support costs are aggregated by in SQL).
 */
export function proRata(period: Period, monthStart: string, costs: readonly CostSegment[]): number {
  const ofMonth = daysOfMonth(monthStart);
  let sum = 0;
  for (const c of costs) {
    if (c.monthly === null || c.monthly === 0) continue;
    const from = period.from > c.from ? period.from : c.from;
    const until = period.until < c.until ? period.until : c.until;
    if (from >= until) continue;
    sum += (c.monthly * daysInMonth({ from, until }, monthStart)) / ofMonth;
  }
  return sum;
}

/**
 * A method's monthly cost as dated segments from the support module's settings: `costOn` gives the
 * cost in force on a date, `changes` the dates it may change on (every dated setting).
 */
export function costSegments(
  changes: readonly string[],
  costOn: (date: string) => number | null,
  from = '1900-01-01',
  until = '9999-12-31',
): CostSegment[] {
  const dates = [...new Set([from, ...changes.filter((d) => d > from && d < until)])].sort();
  return dates.map((d, i) => ({ from: d, until: dates[i + 1] ?? until, monthly: costOn(d) }));
}

/** A § 85 a enrollment of a citizen discharged from a § 110 shelter since the reform. */
export interface RefundableSupport {
  /** The citizen's § 110 discharges since the reform (the first one starts the period, stk. 3). */
  dischargeDates: readonly string[];
  decidedOn: string;
  start: string;
  /** The end (exclusive), or null while it lasts. */
  end: string | null;
  /** The § 107 stay the citizen went to straight from the shelter, if any (stk. 1 nr. 2). */
  direct107?: { start: string } | null;
  costs: readonly CostSegment[];
}

/**
 * § 176 a stk. 1 (rule 13) per month: the refund share of the support's cost on the days of the
 * refund period (2 years from the first discharge, when decided before it). Zero in every month
 * when the support has no refund.
 */
export function supportRefundByMonth(
  s: RefundableSupport,
  months: readonly string[],
  shareOn: (date: string) => number,
): number[] {
  const period = supportRefundPeriod({
    dischargeDates: s.dischargeDates,
    decidedOn: s.decidedOn,
    direct107: s.direct107 ?? null,
  });
  if (period === null) return months.map(() => 0);
  const paid = intersect(period, { from: s.start, until: s.end ?? '9999-12-31' });
  return months.map((m) => (paid === null ? 0 : (proRata(paid, m, s.costs) * shareOn(m)) / 100));
}

/** A § 107 or § 108 placement with its monthly cost. */
export interface CarePlacement {
  kind: 's107' | 's108';
  decidedOn: string;
  start: string;
  /** The end (exclusive), or null while it lasts. */
  end: string | null;
  monthlyCost: number;
}

/** The placement's cost per month (pro rata by days). */
export function placementCostByMonth(p: CarePlacement, months: readonly string[]): number[] {
  const costs = [{ from: p.start, until: p.end ?? '9999-12-31', monthly: p.monthlyCost }];
  const period = { from: p.start, until: p.end ?? '9999-12-31' };
  return months.map((m) => proRata(period, m, costs));
}

/**
 * § 176 a stk. 2 (rule 14) per month: the refund share of a § 107 stay's cost for up to 6 months
 * within 1 year of the first discharge, when decided before it. § 108 has no such refund.
 */
export function careRefundByMonth(
  p: CarePlacement,
  dischargeDates: readonly string[],
  months: readonly string[],
  shareOn: (date: string) => number,
): number[] {
  if (p.kind !== 's107') return months.map(() => 0);
  const period = careRefundPeriod({ dischargeDates, decidedOn: p.decidedOn, start: p.start, end: p.end });
  if (period === null) return months.map(() => 0);
  const costs = [{ from: p.start, until: p.end ?? '9999-12-31', monthly: p.monthlyCost }];
  return months.map((m) => (proRata(period, m, costs) * shareOn(m)) / 100);
}

function intersect(a: Period, b: Period): Period | null {
  const from = a.from > b.from ? a.from : b.from;
  const until = a.until < b.until ? a.until : b.until;
  return from < until ? { from, until } : null;
}

/**
 * The reform's dilemma in kroner (issue 16 §8): how many citizen-months of housing plus support
 * (Housing First) the net cost of the stay days beyond the refund limit would pay for, without and
 * with the § 176 a stk. 1 refund of the support. Null when a month costs nothing.
 */
export function housingFirstMonths(
  beyondNet: number,
  supportMonthly: number | null,
  housingMonthly: number,
  refundSharePercent: number,
): { months: number | null; monthsWithRefund: number | null } {
  const support = supportMonthly ?? 0;
  const gross = support + housingMonthly;
  const net = support * (1 - refundSharePercent / 100) + housingMonthly;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    months: gross > 0 ? round(beyondNet / gross) : null,
    monthsWithRefund: net > 0 ? round(beyondNet / net) : null,
  };
}
