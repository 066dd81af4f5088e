/**
 * The week-6 count (issue 18 §1): the answers of VIVE's person form (personskema) as far as
 * domain.md §1 knows them. Every list has an explicit "unknown", kept out of percentage bases.
 */

/** How long the person has been homeless (the reports' "varighed"). */
export const DURATIONS = [
  'under_3_months',
  '3_to_12_months',
  '1_to_2_years',
  'over_2_years',
  'unknown',
] as const;
export type Duration = (typeof DURATIONS)[number];

/** Causes of homelessness as the reports group them (several allowed; domain.md §1, 2019 and 2022). */
export const CAUSES = [
  'mental_illness',
  'drugs',
  'alcohol',
  'money',
  'no_suitable_housing',
  'eviction',
  'family_friends_no_longer',
  'other',
] as const;
export type Cause = (typeof CAUSES)[number];

/** The income source (indkomstgrundlag). */
export const INCOME_SOURCES = [
  'cash_benefit',
  'early_pension',
  'old_age_pension',
  'other_benefit',
  'wages',
  'none',
  'other',
  'unknown',
] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

export const CITIZENSHIPS = ['danish', 'eu', 'other', 'unknown'] as const;
export type CountCitizenship = (typeof CITIZENSHIPS)[number];

export const SEXES = ['male', 'female', 'unknown'] as const;
export type CountSex = (typeof SEXES)[number];

/** A yes/no question of the form, with "unknown" kept apart. */
export const ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Answer = (typeof ANSWERS)[number];

export const COUNT_STATUSES = ['open', 'closed'] as const;
export type CountStatus = (typeof COUNT_STATUSES)[number];
