/**
 * The rules of § 110 shelter stays and the reform's refunds (issue 16; domain.md §3, rules 10–15),
 * as pure functions on ISO dates (åååå-mm-dd). Groundwork for the shelters module: each rule is
 * tested on exact dates in rules.test.ts, naming its paragraph.
 */
import { addDays, addWorkingDays, daysBetween, monthsBefore } from '../dates';

/** The reform's start: serviceloven § 110 and § 176 a as amended by lov nr. 482 of 12 May 2023. */
export const REFORM_START = '2023-10-01';

/** The same day `months` calendar months later (clamped to the month's last day). */
export const monthsAfter = (date: string, months: number) => monthsBefore(date, -months);

// ---- Notification of the handlekommune (§ 110 stk. 6, rule 10) ----

/** Working days (hverdage) the shelter has to notify the handlekommune after the admission decision. */
export const NOTIFICATION_WORKING_DAYS = 3;

/**
 * The last day to notify the handlekommune: 3 working days after the admission decision, counted on
 * the Danish calendar (weekends and public holidays do not count).
 */
export function notificationDeadline(admissionDecidedOn: string): string {
  return addWorkingDays(admissionDecidedOn, NOTIFICATION_WORKING_DAYS);
}

export type NotificationStatus = 'due' | 'overdue' | 'notified' | 'notified_late';

/** Where a notification stands on a day: not yet due, overdue, or sent (in time or late). */
export function notificationStatus(
  admissionDecidedOn: string,
  notifiedOn: string | null,
  onDate: string,
): NotificationStatus {
  const deadline = notificationDeadline(admissionDecidedOn);
  if (notifiedOn !== null) return notifiedOn <= deadline ? 'notified' : 'notified_late';
  return onDate > deadline ? 'overdue' : 'due';
}

// ---- Municipal discharge (§ 110 stk. 5, rule 12) ----

/** What the municipality knows when it considers discharging a resident. */
export interface DischargeFacts {
  /** A § 141 action plan or § 142 coordinated plan exists. */
  hasPlan: boolean;
  /** Own housing has been allocated. */
  housingAllocated: boolean;
  /** Support matching the need to keep the home has been decided. */
  supportDecided: boolean;
  /** The citizen has signed a lease. */
  leaseSigned: boolean;
  /** The citizen can move in and receive the support on the discharge date. */
  canMoveIn: boolean;
  /** A § 107 or § 108 decision and the date the citizen can move in, if decided. */
  careDecision: { moveInOn: string } | null;
}

/** What can stand in the way of a municipal discharge (rule 12), in the order they are listed. */
export const DISCHARGE_BLOCKERS = [
  'plan_missing',
  'housing_or_care_missing',
  'support_missing',
  'lease_missing',
  'move_in_not_possible',
  'care_move_in_not_reached',
] as const;
export type DischargeBlocker = (typeof DISCHARGE_BLOCKERS)[number];

/**
 * What stands in the way of a municipal discharge on `onDate` (§ 110 stk. 5 nr. 1–5): empty when it
 * may be recorded. It needs the plan, and either own housing with decided support, a signed lease
 * and a possible move-in, or a § 107/108 decision whose move-in date has come.
 */
export function dischargeBlockers(f: DischargeFacts, onDate: string): DischargeBlocker[] {
  const blockers: DischargeBlocker[] = [];
  if (!f.hasPlan) blockers.push('plan_missing');
  const housingReady = f.housingAllocated && f.supportDecided && f.leaseSigned && f.canMoveIn;
  const careReady = f.careDecision !== null && f.careDecision.moveInOn <= onDate;
  if (housingReady || careReady) return blockers;
  if (f.housingAllocated) {
    if (!f.supportDecided) blockers.push('support_missing');
    if (!f.leaseSigned) blockers.push('lease_missing');
    if (!f.canMoveIn) blockers.push('move_in_not_possible');
  } else if (f.careDecision !== null) blockers.push('care_move_in_not_reached');
  else blockers.push('housing_or_care_missing');
  return blockers;
}

// ---- Refund windows (§ 176 a, rules 13 and 14) ----

/** A period from `from` up to but not including `until`. */
export interface Period {
  from: string;
  until: string;
}

/**
 * The first § 110 discharge that starts the refund periods (§ 176 a stk. 3): the earliest discharge
 * on or after the reform's start. A later re-admission and discharge do not restart it.
 */
export function firstDischarge(dischargeDates: readonly string[]): string | null {
  let first: string | null = null;
  for (const d of dischargeDates) if (d >= REFORM_START && (first === null || d < first)) first = d;
  return first;
}

/**
 * § 176 a stk. 1 (rule 13): the state refunds 50 % of § 85 a support for up to 2 years from the
 * first discharge, when the support was decided before that discharge, or when the citizen went
 * straight from the shelter to a temporary § 107 stay and the support was decided after it. Null
 * when there is no refund.
 */
export function supportRefundPeriod(input: {
  dischargeDates: readonly string[];
  decidedOn: string;
  /** The § 107 stay the citizen went to straight from the shelter, if any. */
  direct107?: { start: string } | null;
}): Period | null {
  const discharge = firstDischarge(input.dischargeDates);
  if (discharge === null) return null;
  const decidedBefore = input.decidedOn < discharge;
  const via107 =
    input.direct107 !== null &&
    input.direct107 !== undefined &&
    input.direct107.start >= discharge &&
    input.direct107.start <= addDays(discharge, 1) &&
    input.decidedOn >= input.direct107.start;
  if (!decidedBefore && !via107) return null;
  return { from: discharge, until: monthsAfter(discharge, 24) };
}

/**
 * § 176 a stk. 2 (rule 14): 50 % of the costs of a § 107 stay after a § 110 discharge, for up to 6
 * months of the stay within 1 year of the first discharge, when the stay was decided before that
 * discharge. The refunded part of the stay `[start, end)`; null when none.
 */
export function careRefundPeriod(input: {
  dischargeDates: readonly string[];
  decidedOn: string;
  start: string;
  /** The stay's end (exclusive), or null while it lasts. */
  end: string | null;
}): Period | null {
  const discharge = firstDischarge(input.dischargeDates);
  if (discharge === null || input.decidedOn >= discharge) return null;
  const from = input.start > discharge ? input.start : discharge;
  let until = monthsAfter(from, 6);
  const yearEnd = monthsAfter(discharge, 12);
  if (yearEnd < until) until = yearEnd;
  if (input.end !== null && input.end < until) until = input.end;
  return from < until ? { from, until } : null;
}

/** The days of `period` that fall in the month starting `monthStart` (for monthly refund figures). */
export function daysInMonth(period: Period, monthStart: string): number {
  const monthEnd = monthsAfter(monthStart, 1);
  const from = period.from > monthStart ? period.from : monthStart;
  const until = period.until < monthEnd ? period.until : monthEnd;
  return from < until ? daysBetween(from, until) : 0;
}

// ---- The § 110 stay refund (rule 15) ----

/** A dated limit on refunded stay days per citizen per running year; null: no limit. */
export interface StayRefundLimit {
  validFrom: string;
  days: number | null;
}

/**
 * The limits as the secondary sources agree (domain.md §3): no limit before the reform, 120 days for
 * stay days from 1 October 2023 to 31 December 2025, 90 days from 1 January 2026.
 */
export const DEFAULT_STAY_REFUND_LIMITS: readonly StayRefundLimit[] = [
  { validFrom: '1900-01-01', days: null },
  { validFrom: REFORM_START, days: 120 },
  { validFrom: '2026-01-01', days: 90 },
];

/**
 * How the limit is applied (domain.md open question 2, kept configurable until the statute is
 * read): `rolling` counts the stay days in the 365 days ending on the day, `calendar` those of the
 * day's calendar year; `per_citizen` sums the citizen's stays across shelters, `per_stay` counts
 * each stay alone.
 */
export interface StayRefundRule {
  limits: readonly StayRefundLimit[];
  runningYear: 'rolling' | 'calendar';
  sum: 'per_citizen' | 'per_stay';
}

export const DEFAULT_STAY_REFUND_RULE: StayRefundRule = {
  limits: DEFAULT_STAY_REFUND_LIMITS,
  runningYear: 'rolling',
  sum: 'per_citizen',
};

/** The limit in force on a stay day. */
export function stayRefundLimitOn(limits: readonly StayRefundLimit[], day: string): number | null {
  let best: StayRefundLimit | undefined;
  for (const l of limits) if (l.validFrom <= day && (!best || l.validFrom > best.validFrom)) best = l;
  return best?.days ?? null;
}

/** One stay: admitted `from`, discharged `until` (exclusive; a stay day is a night), or still open. */
export interface StayDays {
  id: string;
  from: string;
  until: string | null;
}

export interface StayRefund {
  id: string;
  /** Stay days in the asked period with the 50 % refund. */
  refunded: number;
  /** Stay days in the asked period beyond the limit: the municipality's alone. */
  beyondLimit: number;
}

/**
 * Per stay, how many of its days from `period.from` to `period.until` (exclusive) carry the 50 %
 * refund and how many lie beyond the limit (rule 15). A day is refunded when the limit in force on
 * it is none, or when it is at most the limit-th stay day of its running year (counted as the rule
 * says, days under no limit not counted). Open stays run to `period.until`.
 */
export function stayRefunds(
  stays: readonly StayDays[],
  period: Period,
  rule: StayRefundRule = DEFAULT_STAY_REFUND_RULE,
): StayRefund[] {
  const result = new Map<string, StayRefund>(
    stays.map((s) => [s.id, { id: s.id, refunded: 0, beyondLimit: 0 }]),
  );
  const groups = rule.sum === 'per_citizen' ? [stays] : stays.map((s) => [s]);
  for (const group of groups) {
    // Every stay day of the group (to the end of the period), in date order, with its stay.
    const days: { day: string; stay: string }[] = [];
    for (const s of group) {
      const until = s.until === null || s.until > period.until ? period.until : s.until;
      for (let d = s.from; d < until; d = addDays(d, 1)) days.push({ day: d, stay: s.id });
    }
    days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    // The limited days so far, oldest first, for the rolling window.
    const counted: string[] = [];
    let oldest = 0;
    for (const { day, stay } of days) {
      const limit = stayRefundLimitOn(rule.limits, day);
      let refunded = true;
      if (limit !== null) {
        counted.push(day);
        const windowStart = rule.runningYear === 'rolling' ? addDays(day, -364) : `${day.slice(0, 4)}-01-01`;
        while ((counted[oldest] as string) < windowStart) oldest++;
        refunded = counted.length - oldest <= limit;
      }
      if (day < period.from) continue;
      const r = result.get(stay) as StayRefund;
      if (refunded) r.refunded++;
      else r.beyondLimit++;
    }
  }
  return [...result.values()];
}
