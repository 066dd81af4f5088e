import { youthEligible } from '../allocation/eligibility';
import { ageOn, monthsBefore } from '../dates';
import { type EducationStatus, YOUTH_MAX_AGE, YOUTH_MIN_AGE } from './model';

/**
 * The youth rules of domain.md §6 (rules 26, 31, 32), pure and judged on a given date.
 *
 * Birthdays on 29 February: in a year without 29 February the birthday is **1 March** (the day
 * after 28 February; the same as `ageOn`, which makes a person born on 29 February a year older on
 * 1 March of a common year). Every deadline below is computed from that birthday.
 */

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The `years`th birthday of a person born on `birthDate` (29 February → 1 March in a common year). */
export function birthdayAt(birthDate: string, years: number): string {
  const year = Number(birthDate.slice(0, 4)) + years;
  const monthDay = birthDate.slice(5);
  if (monthDay === '02-29' && !isLeapYear(year)) return `${String(year).padStart(4, '0')}-03-01`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/**
 * Rule 31 / Barnets Lov § 111: for a young person placed outside the home, the decision on youth
 * support is due no later than 6 months before the 18th birthday (the same day of the month six
 * months earlier, clamped to the month's last day).
 */
export function youthSupportDeadline(birthDate: string): string {
  return monthsBefore(birthdayAt(birthDate, 18), 6);
}

/** Rule 31: the decision clock (and the caseworker's task) starts on the 17th birthday. */
export function decisionClockStart(birthDate: string): string {
  return birthdayAt(birthDate, 17);
}

export type DecisionTiming = 'on_time' | 'late' | 'after_18';

/**
 * Rule 31: whether a decision on youth support came in time. A decision after the deadline is
 * `late`, one on or after the 18th birthday `after_18`; both are flagged, never refused.
 */
export function decisionTiming(birthDate: string, decidedOn: string): DecisionTiming {
  if (decidedOn >= birthdayAt(birthDate, 18)) return 'after_18';
  if (decidedOn > youthSupportDeadline(birthDate)) return 'late';
  return 'on_time';
}

/**
 * Rule 31: a placed young person needs a youth-support decision from the 17th birthday until one
 * is made (the deadline is `youthSupportDeadline`, the task stays after it until the decision).
 */
export function needsYouthSupportDecision(
  birthDate: string,
  placedNow: boolean,
  hasDecision: boolean,
  onDate: string,
): boolean {
  return (
    placedNow && !hasDecision && onDate >= decisionClockStart(birthDate) && onDate < birthdayAt(birthDate, 18)
  );
}

/**
 * Rule 31 / Barnets Lov §§ 113–116: youth support (ungestøtte) is for ages 18–22, i.e. from the
 * 18th birthday up to the day before the 23rd, and may be re-established within that period.
 * Returns the first and last day a period of ungestøtte may cover.
 */
export function ungestoettePeriod(birthDate: string): { from: string; until: string } {
  const to = birthdayAt(birthDate, 23);
  const last = new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { from: birthdayAt(birthDate, 18), until: last };
}

/** Rule 31: whether ungestøtte can be granted or re-established on `onDate` (ages 18–22). */
export function ungestoetteAvailable(birthDate: string, onDate: string): boolean {
  const { from, until } = ungestoettePeriod(birthDate);
  return onDate >= from && onDate <= until;
}

/**
 * Rule 31: the problems of a period of ungestøtte: it cannot start before the 18th birthday and
 * cannot run past the day before the 23rd birthday.
 */
export function ungestoetteProblems(
  birthDate: string,
  fromDate: string,
  toDate: string | null,
): ('fromDate' | 'toDate')[] {
  const { from, until } = ungestoettePeriod(birthDate);
  const problems: ('fromDate' | 'toDate')[] = [];
  if (fromDate < from || fromDate > until) problems.push('fromDate');
  if (toDate !== null && toDate > until) problems.push('toDate');
  return problems;
}

/** Rule 32: KUI (kommunal ungeindsats) covers young people under 25 without a youth education. */
export function kuiCovers(birthDate: string, education: EducationStatus, onDate: string): boolean {
  return ageOn(birthDate, onDate) < 25 && education !== 'completed';
}

/**
 * Rule 26: youth-unit eligibility, the allocation module's rule (`youthEligible`) applied to the
 * youth profile: under the configurable age bound (HTK: under 30), and in education, planning it,
 * or a young person with a special need.
 */
export function youthUnitEligibility(
  birthDate: string,
  profile: { education: EducationStatus; specialNeed: boolean },
  onDate: string,
  ageLimit: number,
): { eligible: boolean; key: string } {
  return youthEligible(
    {
      inEducation: profile.education === 'in_education',
      educationPlanned: profile.education === 'planned',
      youthSpecialNeed: profile.specialNeed,
    },
    ageOn(birthDate, onDate),
    ageLimit,
  );
}

/**
 * Whether a citizen born on `birthDate` is a young person on `onDate`: aged YOUTH_MIN_AGE to
 * YOUTH_MAX_AGE (15–29, both included; issue 17). The one definition: transition plans use it too.
 */
export function isYoungPerson(birthDate: string, onDate: string): boolean {
  const age = ageOn(birthDate, onDate);
  return age >= YOUTH_MIN_AGE && age <= YOUTH_MAX_AGE;
}

/** Whether a placement (from–to, `to` null while open) covers a date. */
export function placedOn(placements: { fromDate: string; toDate: string | null }[], onDate: string): boolean {
  return placements.some((p) => p.fromDate <= onDate && (p.toDate === null || p.toDate >= onDate));
}

/** A placement or support period ending before it starts: the field in error, if any. */
export function periodProblem(fromDate: string, toDate: string | null): 'toDate' | null {
  return toDate !== null && toDate < fromDate ? 'toDate' : null;
}

/**
 * Whether a caseworker pairing (parløb) is in force on a date: from the chosen age on (16 unless
 * another is chosen).
 */
export function pairingActive(birthDate: string, fromAge: number, onDate: string): boolean {
  return ageOn(birthDate, onDate) >= fromAge;
}

/** Leaving care at 18: placed on the day before the 18th birthday. */
export function leftCareAt18(birthDate: string, placements: { fromDate: string; toDate: string | null }[]) {
  const eve = new Date(Date.parse(`${birthdayAt(birthDate, 18)}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  return placedOn(placements, eve);
}
