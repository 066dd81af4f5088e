import { addDays, daysBetween } from '../dates';
import type { Duration } from './model';

/**
 * Rule 5: the count snapshot is ISO week 6, in the count years 2007–2019 (odd years), 2022 and 2024,
 * and every second year after that (2026, 2028, …). 2021 was postponed to 2022 (Covid).
 */
export function isCountYear(year: number): boolean {
  if (!Number.isInteger(year) || year < 2007) return false;
  if (year <= 2019) return year % 2 === 1;
  return year >= 2022 && year % 2 === 0;
}

/** The count years from 2007 up to and including `lastYear`, oldest first. */
export function countYears(lastYear: number): number[] {
  const years: number[] = [];
  for (let y = 2007; y <= lastYear; y++) if (isCountYear(y)) years.push(y);
  return years;
}

/**
 * ISO week 6 of a year (rule 5): Monday to Sunday. ISO week 1 holds the year's first Thursday, so
 * its Monday is 4 January's Monday; week 6 begins five weeks later.
 */
export function week6(year: number): { from: string; to: string } {
  const jan4 = `${year}-01-04`;
  const weekday = (new Date(`${jan4}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const from = addDays(jan4, 35 - weekday);
  return { from, to: addDays(from, 6) };
}

/** The count's day of reference (ages, durations): the Wednesday, the middle of week 6. */
export function countDay(year: number): string {
  return addDays(week6(year).from, 2);
}

/** The facts rule 6 compares: a CPR number when known, else initials and birth date. */
export interface PersonKey {
  cpr: string | null;
  initials: string | null;
  birthDate: string;
}

const normalInitials = (initials: string | null) => (initials ?? '').replace(/[\s.]/g, '').toUpperCase();

/**
 * Rule 6: a person counted by several services in the week is counted once — the same CPR number,
 * or, when either has none, the same initials and birth date.
 */
export function samePerson(a: PersonKey, b: PersonKey): boolean {
  if (a.cpr && b.cpr) return a.cpr === b.cpr;
  const ia = normalInitials(a.initials);
  return ia !== '' && ia === normalInitials(b.initials) && a.birthDate === b.birthDate;
}

/** The duration band of a homelessness that began on `since`, on `onDate`. */
export function durationOf(since: string | null, onDate: string): Duration {
  if (!since || since > onDate) return 'unknown';
  const days = daysBetween(since, onDate);
  if (days < 91) return 'under_3_months';
  if (days < 365) return '3_to_12_months';
  if (days < 730) return '1_to_2_years';
  return 'over_2_years';
}

/**
 * Rule 9: the national totals of the week-6 counts (VIVE), and the model municipality's (HTK:
 * 2019 = 84, 2022 = 67), for validation and trend charts.
 */
export const NATIONAL_COUNT_TOTALS: readonly { year: number; total: number }[] = [
  { year: 2007, total: 5_253 },
  { year: 2009, total: 4_998 },
  { year: 2011, total: 5_290 },
  { year: 2013, total: 5_820 },
  { year: 2015, total: 6_138 },
  { year: 2017, total: 6_635 },
  { year: 2019, total: 6_431 },
  { year: 2022, total: 5_789 },
  { year: 2024, total: 5_989 },
];
