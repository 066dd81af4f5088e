/**
 * The economics module's vocabulary (issue 16 §7–8; domain.md §3 "Refunds"): the municipality's
 * dated economics settings with their shipped defaults, the § 110 stay-refund limits, and the
 * citizen groups the costs are broken down by.
 */
import { ageBand } from '../citizens/status';
import { ageOn } from '../dates';
import {
  DEFAULT_STAY_REFUND_LIMITS,
  REFORM_START,
  type StayRefundLimit,
  type StayRefundRule,
} from '../shelters/rules';

export { REFORM_START };

/** How the stay refund's running year is anchored (domain.md open question 2). */
export const RUNNING_YEARS = ['rolling', 'calendar'] as const;
export type RunningYear = (typeof RUNNING_YEARS)[number];

/** Whether the limit counts a citizen's stays together or each stay alone (open question 2). */
export const DAY_SUMS = ['per_citizen', 'per_stay'] as const;
export type DaySum = (typeof DAY_SUMS)[number];

/**
 * The municipality's economics settings from a date. History is kept: a change is a new row with a
 * later `validFrom`, never an overwrite.
 */
export interface EconomicsSettings {
  validFrom: string;
  /** Residents' own payment (egenbetaling) per stay day, kroner. */
  ownPaymentPerDay: number;
  /** The state's refund share, per cent (§ 176 a stk. 1–2 and the § 110 stay refund: 50 %). */
  refundSharePercent: number;
  runningYear: RunningYear;
  daySum: DaySum;
  /** What housing costs the municipality per citizen-month beside the support (rent subsidy). */
  housingMonthlyCost: number;
}

/** The shipped defaults apply until a municipality's first own setting. */
export const ECONOMICS_DEFAULTS_FROM = '1900-01-01';

/**
 * The shipped defaults:
 * - own payment 87 kr. per døgn: bekendtgørelse nr. 1244 of 2017 om egenbetaling for midlertidigt
 *   ophold i boformer efter servicelovens §§ 109 og 110, § 2 (domain.md §3; probably indexed since,
 *   so each municipality sets the amount in force);
 * - refund share 50 % (serviceloven § 176 a stk. 1–2 and the § 110 stay refund, domain.md §3);
 * - the running year rolling (the 365 days ending on the stay day) and the days summed per citizen
 *   across stays and shelters: of the readings domain.md open question 2 leaves open, the ones that
 *   refund the fewest days, so no stay escapes the limit by being split or by a new calendar year;
 * - housing 1,250 kr. per citizen-month: Høje-Taastrup's rent subsidy (huslejetilskud) of about
 *   1,250 kr./month for its 16 subsidised units in 2022–2023 (seeds/000, domain.md §0).
 */
export const DEFAULT_ECONOMICS_SETTINGS: EconomicsSettings = {
  validFrom: ECONOMICS_DEFAULTS_FROM,
  ownPaymentPerDay: 87,
  refundSharePercent: 50,
  runningYear: 'rolling',
  daySum: 'per_citizen',
  housingMonthlyCost: 1250,
};

/** The settings in force on a date: the latest `validFrom` on or before it, else the defaults. */
export function economicsSettingsOn(history: readonly EconomicsSettings[], date: string): EconomicsSettings {
  let current: EconomicsSettings | undefined;
  for (const s of history)
    if (s.validFrom <= date && (!current || s.validFrom > current.validFrom)) current = s;
  return current ?? DEFAULT_ECONOMICS_SETTINGS;
}

/**
 * The stay-refund limits in force: the shipped limits (120 days from 1 October 2023, 90 from
 * 1 January 2026, none before the reform) with the municipality's own dated limits on top; an own
 * limit from the same date as a shipped one replaces it.
 */
export function effectiveLimits(own: readonly StayRefundLimit[]): StayRefundLimit[] {
  const byDate = new Map<string, StayRefundLimit>();
  for (const l of DEFAULT_STAY_REFUND_LIMITS) byDate.set(l.validFrom, l);
  for (const l of own) byDate.set(l.validFrom, l);
  return [...byDate.values()].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}

/** The rule 15 configuration of a period, from the settings in force at its end. */
export function stayRefundRule(
  limits: readonly StayRefundLimit[],
  settings: Pick<EconomicsSettings, 'runningYear' | 'daySum'>,
): StayRefundRule {
  return { limits, runningYear: settings.runningYear, sum: settings.daySum };
}

/** The citizen groups of the cost breakdown: age bands (age on the period's last day). */
export const CITIZEN_GROUPS = ['under_18', '18_24', '25_29', '30_49', '50_plus'] as const;
export type CitizenGroup = (typeof CITIZEN_GROUPS)[number];

/** The groups that make up youth (unge): under 30, as the plan counts young homeless (18–29). */
export const YOUTH_GROUPS: readonly CitizenGroup[] = ['under_18', '18_24', '25_29'];

/** A citizen's group on a date, from the national count's age bands (citizens/status.ts). */
export function citizenGroup(birthDate: string, onDate: string): CitizenGroup {
  const band = ageBand(ageOn(birthDate, onDate));
  switch (band) {
    case 'under_18':
    case '18_24':
    case '25_29':
      return band;
    case '30_39':
    case '40_49':
      return '30_49';
    default:
      return '50_plus';
  }
}

/** The methods whose cost the dilemma compares with shelter days (§ 85 a Housing First support). */
export const HOUSING_FIRST_METHODS = ['cti', 'icm', 'act'] as const;
