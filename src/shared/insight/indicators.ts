import { addDays, monthsBefore } from '../dates';
import { type ReportedCountAt, SMALL_NUMBER_LIMIT, suppressBreakdown, suppressSmall } from '../suppression';

/**
 * The outcome indicators of issue 18 §3, as pure definitions (docs/indicators.md has each one's
 * formula, source and anchor). The server computes the raw figures in a few set-based queries; this
 * file says what they mean, how a median or a mean is taken from a distribution, and how the set is
 * suppressed before it leaves case work (domain.md rule 33, design.md §2 "insight": n < 5).
 *
 * Anchors: the HUD System Performance Measures (SPM 1 length of time homeless, SPM 2 returns, SPM 5
 * first-time homeless, SPM 7b exits to and retention of permanent housing, anchors.md §3), Built
 * for Zero's by-name outflow "housed" (domain.md §9), and the Danish modules' own monitoring
 * (framework agreements, eviction prevention, § 110 stay lengths, support-method fidelity).
 */

export const INDICATOR_KEYS = [
  'daysHomeless',
  'exitsToHousing',
  'returns6',
  'returns12',
  'returns24',
  'firstTimeHomeless',
  'retention12',
  'waitingApprovalToOffer',
  'agreementUnits',
  'evictions',
  'shelterStays',
  'supportFidelity',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

/** What an indicator's basis n and its values count or measure. */
export const INDICATOR_UNITS = [
  'persons',
  'days',
  'applications',
  'tenancies',
  'units',
  'cases',
  'stays',
  'enrollments',
] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Units whose basis counts dwellings, not people: shown as they are (as the dialogue-meeting report does). */
export const AMOUNT_UNITS: readonly IndicatorUnit[] = ['units'];

/** The months of follow-up of the returns to homelessness (HUD SPM 2: 6, 12 and 24 months). */
export const RETURN_HORIZONS = [6, 12, 24] as const;
export type ReturnHorizon = (typeof RETURN_HORIZONS)[number];

/** The months after move-in at which housing retention is judged (design.md §2: 12 months). */
export const RETENTION_MONTHS = 12;

/** First-time homeless: no homelessness in this many months before (HUD SPM 5: 24 months). */
export const FIRST_TIME_LOOKBACK_MONTHS = 24;

/** The longest period the indicators may be asked for. */
export const INDICATOR_PERIOD_MAX_DAYS = 3660;

/**
 * One value of an indicator, before suppression:
 * - `count`: people (or their cases) counted; 1–4 shown as "<5";
 * - `median`, `mean`, `ratio`: taken over the indicator's basis n; not shown when n < 5 (a median of
 *   fewer tells one person's figure);
 * - `share`: the count `of` over the basis n; shown only when n ≥ 5 and neither the count nor the
 *   rest (n − count) is small, so that the share cannot give a suppressed count away;
 * - `amount`: dwellings or capacity, not people (agreed, received and used units; caseload
 *   capacity): shown as they are, as the dialogue-meeting report shows them.
 */
export type Measure =
  | { kind: 'count'; value: number }
  | { kind: 'median' | 'mean' | 'ratio'; value: number | null }
  | { kind: 'share'; of: string }
  | { kind: 'amount'; value: number };

export interface Indicator {
  key: IndicatorKey;
  unit: IndicatorUnit;
  /** The count basis: how many persons, applications, tenancies, cases, stays or units it is taken over. */
  n: number;
  values: Record<string, Measure>;
  /** Count values that add up to n (secondary suppression applies among them). */
  breakdown?: readonly string[];
}

/** A value as it leaves case work: a number, "<limit", "x" or not shown (null). */
export type ReportedValue = ReportedCountAt | null;

export interface ReportedIndicator {
  key: IndicatorKey;
  unit: IndicatorUnit;
  n: ReportedCountAt;
  values: Record<string, ReportedValue>;
}

/** GET /api/insight/indicators. */
export interface IndicatorSet {
  from: string;
  to: string;
  indicators: ReportedIndicator[];
}

/** How many times a value occurs: a distribution as the database returns it (`group by value`). */
export interface Frequency {
  value: number;
  count: number;
}

/** The number of observations in a distribution. */
export function observations(distribution: readonly Frequency[]): number {
  return distribution.reduce((s, f) => s + f.count, 0);
}

/** The median of a distribution (the mean of the two middle values when even); null when empty. */
export function medianOf(distribution: readonly Frequency[]): number | null {
  const total = observations(distribution);
  if (total === 0) return null;
  const sorted = [...distribution].filter((f) => f.count > 0).sort((a, b) => a.value - b.value);
  // The 1-based positions of the middle value(s).
  const lower = Math.floor((total + 1) / 2);
  const upper = Math.floor(total / 2) + 1;
  let seen = 0;
  let low: number | null = null;
  for (const f of sorted) {
    seen += f.count;
    if (low === null && seen >= lower) low = f.value;
    if (seen >= upper) return ((low as number) + f.value) / 2;
  }
  return low;
}

/** The mean of a distribution, to one decimal; null when empty. */
export function meanOf(distribution: readonly Frequency[]): number | null {
  const total = observations(distribution);
  if (total === 0) return null;
  const sum = distribution.reduce((s, f) => s + f.value * f.count, 0);
  return Math.round((sum / total) * 10) / 10;
}

/** A share (0–1, three decimals); null when the basis is 0. */
export function shareOf(count: number, basis: number): number | null {
  return basis > 0 ? Math.round((count / basis) * 1000) / 1000 : null;
}

/** The default period: the last 12 months up to and including today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addDays(monthsBefore(today, 12), 1), to: today };
}

/**
 * The cohort window of a follow-up of `months` within the period (HUD SPM 2 and SPM 7b.2: every
 * member had the whole follow-up): the events from `months` before the period's start to `months`
 * before its end, so that each follow-up ends within the period.
 */
export function cohortWindow(from: string, to: string, months: number): { from: string; to: string } {
  return { from: monthsBefore(from, months), to: monthsBefore(to, months) };
}

/** A distribution's median and mean as an indicator's values. */
export function centre(distribution: readonly Frequency[]): Record<'median' | 'mean', Measure> {
  return {
    median: { kind: 'median', value: medianOf(distribution) },
    mean: { kind: 'mean', value: meanOf(distribution) },
  };
}

const shown = (v: ReportedValue): v is number => typeof v === 'number';

/**
 * One indicator as it may leave case work (rule 33), at the municipality's limit (default 5): n
 * (unless it counts dwellings) and every count of 1 to limit − 1 as "<limit"; the breakdown's cells
 * with secondary suppression ("x"); a median, mean or ratio only over n ≥ limit; a share only where
 * its count and the rest are shown (and n ≥ limit); amounts as they are.
 */
export function reportIndicator(indicator: Indicator, limit: number = SMALL_NUMBER_LIMIT): ReportedIndicator {
  const { n, values } = indicator;
  const out: Record<string, ReportedValue> = {};
  const count = (name: string) => {
    const m = values[name];
    return m?.kind === 'count' ? m.value : 0;
  };
  for (const [name, m] of Object.entries(values)) {
    if (m.kind === 'count') out[name] = suppressSmall(m.value, limit);
    else if (m.kind === 'amount') out[name] = m.value;
    else if (m.kind === 'share') out[name] = null;
    else out[name] = n >= limit ? m.value : null;
  }
  const breakdown = indicator.breakdown ?? [];
  if (breakdown.length > 0) {
    const cells = suppressBreakdown(Object.fromEntries(breakdown.map((name) => [name, count(name)])), limit);
    for (const name of breakdown) out[name] = cells[name] ?? out[name] ?? null;
  }
  for (const [name, m] of Object.entries(values)) {
    if (m.kind !== 'share') continue;
    const numerator = count(m.of);
    if (breakdown.includes(m.of)) {
      const all = breakdown.every((cell) => shown(out[cell] ?? null));
      out[name] = all && n >= limit ? shareOf(numerator, n) : null;
      continue;
    }
    // The count and the rest of the basis: both shown, or the share would give one away.
    const split = suppressBreakdown({ count: numerator, rest: n - numerator }, limit);
    const previous = out[m.of];
    out[m.of] = typeof previous === 'string' ? previous : (split.count ?? null);
    out[name] =
      shown(split.count ?? null) && shown(split.rest ?? null) && n >= limit ? shareOf(numerator, n) : null;
  }
  const basis = AMOUNT_UNITS.includes(indicator.unit) ? n : suppressSmall(n, limit);
  return { key: indicator.key, unit: indicator.unit, n: basis, values: out };
}

/** The whole set as it may leave case work, at the municipality's limit (default 5). */
export function reportIndicators(
  indicators: readonly Indicator[],
  limit: number = SMALL_NUMBER_LIMIT,
): ReportedIndicator[] {
  return indicators.map((indicator) => reportIndicator(indicator, limit));
}
