import type { CitizenStatus } from '../citizens/status';

/**
 * The monthly by-name flow of Built for Zero (domain.md §9, rule 35): who is active on the list at
 * each month end, who came in since the previous month end and who went out, so that
 *
 *   active(month end) = active(previous month end) + inflow − outflow
 *
 * holds by construction: every person active at one of the two month ends is counted exactly once,
 * as staying active, as inflow or as outflow.
 *
 * A person's place at a month end is the by-name status (`statusOn` of the citizens module, with the
 * municipality's inactivity policy, rule 36), or `off_list` before the person became known, or
 * `outside` when the person is homeless but outside the population counted (an age band, the young
 * people aged 18–29). Active means the status `homeless`: a VIVE situation (a couch surfer with
 * family or friends stays active, domain.md §9 "Fit with Denmark"), whereabouts not known, or an
 * institution stay of up to the policy's days, exactly as the by-name list counts it.
 *
 * Inflow (not active at the previous month end, active at this one):
 * - `newlyIdentified`: never active at an earlier month end in the data (for a population: never
 *   active in it before, so someone who newly meets its criteria, BfZ's "newly meets a population's
 *   criteria", counts here too);
 * - `returnedFromHousing`: active before, and housed at the previous month end;
 * - `returnedFromInactive`: active before, and at the previous month end anything else that is not
 *   active: inactive (no contact, an institution over the limit, moved away), at risk in an own
 *   home, or outside the population.
 *
 * Outflow (active at the previous month end, not active at this one):
 * - `housed`: housed at this month end;
 * - `movedToInactive`: inactive at this month end (rule 36: no contact, an institution stay over
 *   the limit, moved away, died; flagged, never deleted);
 * - `noLongerMeetsCriteria`: anything else: at risk in an own home, or outside the population (aged
 *   out of it).
 */

/** A person's place at a month end. */
export type MonthStatus = CitizenStatus | 'off_list' | 'outside';

export const INFLOW_KINDS = ['newlyIdentified', 'returnedFromHousing', 'returnedFromInactive'] as const;
export const OUTFLOW_KINDS = ['housed', 'movedToInactive', 'noLongerMeetsCriteria'] as const;
export type InflowKind = (typeof INFLOW_KINDS)[number];
export type OutflowKind = (typeof OUTFLOW_KINDS)[number];

/** What happened to one person between two month ends. */
export type Transition = InflowKind | OutflowKind | 'stayedActive' | 'none';

/** The counts of one month (between the previous month end and this one). */
export type FlowCounts = {
  /** Active at the previous month end. */
  activeBefore: number;
  /** Active at this month end. */
  active: number;
} & Record<InflowKind | OutflowKind, number>;

export interface FlowMonth extends FlowCounts {
  monthEnd: string;
}

/**
 * One person's statuses, one per month end; `inPopulation` (same length) narrows the population;
 * `activeEarlier`: active in the population at a month end before the first of `statuses` (the
 * history before them, summed up).
 */
export interface PersonMonths {
  statuses: readonly MonthStatus[];
  inPopulation?: readonly boolean[];
  activeEarlier?: boolean;
}

export const inflowOf = (m: FlowCounts) => INFLOW_KINDS.reduce((s, k) => s + m[k], 0);
export const outflowOf = (m: FlowCounts) => OUTFLOW_KINDS.reduce((s, k) => s + m[k], 0);

/** Rule 35 for one month: active = active before + inflow − outflow. */
export function identityHolds(m: FlowCounts): boolean {
  return m.active === m.activeBefore + inflowOf(m) - outflowOf(m);
}

/**
 * Rule 35 over a series: each month's identity holds, and each month starts where the previous one
 * ended (its `activeBefore` is the previous month's `active`).
 */
export function flowIsConsistent(months: readonly FlowCounts[]): boolean {
  return months.every((m, i) => identityHolds(m) && (i === 0 || m.activeBefore === months[i - 1]?.active));
}

/**
 * What happened to a person between the previous month end and this one (see the module comment).
 * `everActiveBefore`: active at some month end before this one.
 */
export function transitionOf(
  previous: MonthStatus,
  current: MonthStatus,
  everActiveBefore: boolean,
): Transition {
  const was = previous === 'homeless';
  const is = current === 'homeless';
  if (was && is) return 'stayedActive';
  if (is) {
    if (!everActiveBefore) return 'newlyIdentified';
    return previous === 'housed' ? 'returnedFromHousing' : 'returnedFromInactive';
  }
  if (was) {
    if (current === 'housed') return 'housed';
    if (current === 'inactive') return 'movedToInactive';
    return 'noLongerMeetsCriteria';
  }
  return 'none';
}

const emptyCounts = (): FlowCounts => ({
  activeBefore: 0,
  active: 0,
  newlyIdentified: 0,
  returnedFromHousing: 0,
  returnedFromInactive: 0,
  housed: 0,
  movedToInactive: 0,
  noLongerMeetsCriteria: 0,
});

/** A status as the population sees it: homeless outside the population is `outside`. */
function effective(p: PersonMonths, i: number): MonthStatus {
  const status = p.statuses[i] ?? 'off_list';
  return status === 'homeless' && p.inPopulation && !p.inPopulation[i] ? 'outside' : status;
}

/**
 * The flow per month (rule 35). `monthEnds` are ascending; each person has one status per month
 * end. The months before `reportFrom` (at least 1) are history only: they tell who was ever active
 * (newly identified or returned), and the month end before `reportFrom` is the first month's
 * starting point.
 */
export function flowOf(
  monthEnds: readonly string[],
  people: readonly PersonMonths[],
  reportFrom = 1,
): FlowMonth[] {
  const from = Math.max(1, reportFrom);
  const months: FlowMonth[] = monthEnds.slice(from).map((monthEnd) => ({ monthEnd, ...emptyCounts() }));
  for (const p of people) {
    let everActive = p.activeEarlier ?? false;
    for (let i = 0; i < monthEnds.length; i++) {
      const current = effective(p, i);
      if (i >= from) {
        const month = months[i - from] as FlowMonth;
        const previous = effective(p, i - 1);
        if (previous === 'homeless') month.activeBefore++;
        if (current === 'homeless') month.active++;
        const transition = transitionOf(previous, current, everActive);
        if (transition !== 'stayedActive' && transition !== 'none') month[transition]++;
      }
      if (current === 'homeless') everActive = true;
    }
  }
  return months;
}

const lastDayOfMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * The month ends from the month of `from` up to today: the last day of each month before the
 * current one, and today for the current month (the month to date). Empty when `from` is after today.
 */
export function monthEndsBetween(from: string, today: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const currentYear = Number(today.slice(0, 4));
  const currentMonth = Number(today.slice(5, 7));
  if (from > today) return out;
  while (year < currentYear || (year === currentYear && month < currentMonth)) {
    out.push(lastDayOfMonth(year, month));
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  out.push(today);
  return out;
}

/** The first day of the month `months` months before the month of `date`. */
export function monthStartBefore(date: string, months: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 - months, 1));
  return d.toISOString().slice(0, 10);
}
