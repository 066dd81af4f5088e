import type { ReportedCountAt } from '../suppression';

/** How many years back the youth indicators go (the current year included, to date). */
export const INDICATOR_YEARS = 5;

/** The youth indicators of one year (issue 17 §8); counts as reported (small numbers suppressed). */
export interface YouthIndicatorYear {
  year: number;
  /** The date the year is judged on: 31 December, or today for the current year. */
  onDate: string;
  /** Young homeless (a VIVE situation in force) aged 18–24 and 25–29 on `onDate`. */
  homeless18to24: ReportedCountAt;
  homeless25to29: ReportedCountAt;
  /** Of the young homeless aged 18–29: those with a placement outside the home that has ended. */
  formerlyPlaced: ReportedCountAt;
  /** The share formerly placed in per cent, only when both counts are shown (null otherwise). */
  formerlyPlacedPercent: number | null;
  /** § 111 decisions on youth support made in the year (rule 31): on time, and late or after 18. */
  decisionsOnTime: ReportedCountAt;
  decisionsLate: ReportedCountAt;
  /** Placed young people who turned 18 in the year: with a housing plan, and without one. */
  transitionsWithPlan: ReportedCountAt;
  transitionsWithoutPlan: ReportedCountAt;
}

/** The national count of young homeless (VIVE, counted in week 6) of one year. */
export interface NationalYouthCount {
  year: number;
  age18to24: number;
  age25to29: number;
}

/**
 * The national counts of homeless young people, from domain.md §1 "Breakdowns" (VIVE's national
 * count, week 6): 2017 18–24: 1,278 and 25–29: 1,014 (faktalink; vidensportal says 1,012),
 * https://vidensportal.dk/temaer/unge-og-voksne-hjemlose/malgruppe ; 2019 18–24: 1,023 and 25–29: 905,
 * https://vidensportal.dk/voksne/unge-og-voksne-i-hjemloeshed/maalgruppe ; 2022 18–24: 744 and
 * 25–29: 842, https://blaakors.dk/viden-fakta-og-statistik/hjemloese-i-danmark . 2024 has no age
 * breakdown there, so it is left out.
 */
export const NATIONAL_YOUNG_HOMELESS: readonly NationalYouthCount[] = [
  { year: 2017, age18to24: 1278, age25to29: 1014 },
  { year: 2019, age18to24: 1023, age25to29: 905 },
  { year: 2022, age18to24: 744, age25to29: 842 },
];

export interface YouthIndicators {
  asOf: string;
  years: YouthIndicatorYear[];
  national: NationalYouthCount[];
}

/** A share in per cent (one decimal), or null when a count is suppressed or the total is 0. */
export function shareOf(part: ReportedCountAt, total: ReportedCountAt): number | null {
  if (typeof part !== 'number' || typeof total !== 'number' || total === 0) return null;
  return Math.round((part / total) * 1000) / 10;
}
