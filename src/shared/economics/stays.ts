/**
 * § 110 shelter days in kroner, month by month (issue 16 §8): each stay day priced at the shelter's
 * daily rate (takst) in force on it, less the residents' own payment (egenbetaling), and split by the
 * § 110 stay refund (rule 15) into refunded days and days beyond the limit.
 *
 * Rule 15 is `stayRefunds` in src/shared/shelters/rules.ts. That function walks date strings; at
 * national scale (a year of København's stays with the year before it, some 280,000 stay days) it
 * takes half a second, and it answers per stay and period, not per day. This file applies the same
 * rule to day numbers, so that each day can carry its own rate, own payment and month; stays.test.ts
 * proves it refunds exactly the days `stayRefunds` refunds, for every anchoring and summing.
 */
import { addDays } from '../dates';
import type { StayRefundLimit } from '../shelters/rules';
import { type DaySum, DEFAULT_ECONOMICS_SETTINGS, type EconomicsSettings, type RunningYear } from './model';

const DAY_MS = 86_400_000;

/** Days since 1 January 1970 of an ISO date. */
export const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** A stay the municipality pays for as handlekommune. */
export interface EconomicsStay {
  id: string;
  citizenId: string;
  shelterId: string;
  /** Admitted on. */
  from: string;
  /** Discharged on (exclusive: a stay day is a night), or null while open. */
  until: string | null;
  /** Only shelters on Tilbudsportalen get the stay refund (refusionsbekendtgørelsen § 5). */
  onTilbudsportalen: boolean;
}

/** A shelter's daily rate from a date. */
export interface DatedRate {
  validFrom: string;
  dailyRate: number;
}

/** One citizen's shelter days in one month, in kroner. */
export interface ShelterMonth {
  days: number;
  /** Days with no daily rate in force (priced at 0 kr.). */
  daysWithoutRate: number;
  /** Days × the daily rate. */
  gross: number;
  /** The residents' own payment on those days (at most the rate). */
  ownPayment: number;
  /** gross − ownPayment: what the municipality pays the shelter. */
  net: number;
  /** Days with the 50 % stay refund. */
  refundedDays: number;
  /** The net cost of the refunded days. */
  refundedNet: number;
  /** The stay refund: the refund share of the refunded days' net cost. */
  refund: number;
  /** Days at a shelter on Tilbudsportalen beyond the refund limit: the municipality's alone. */
  beyondDays: number;
  /** The net cost of the days beyond the limit. */
  beyondNet: number;
}

export interface ShelterDaysInput {
  /** The stays with days in the period or in the 365 days before it. */
  stays: readonly EconomicsStay[];
  /** Each shelter's dated rates. */
  rates: ReadonlyMap<string, readonly DatedRate[]>;
  /** The economics settings' history (own payment and refund share per day). */
  settings: readonly EconomicsSettings[];
  /** The stay-refund limits (rule 15). */
  limits: readonly StayRefundLimit[];
  runningYear: RunningYear;
  daySum: DaySum;
  /** The first days of the months reported, in order; the period ends a month after the last. */
  months: readonly string[];
  /** The end of the period (exclusive). */
  until: string;
}

const emptyMonth = (): ShelterMonth => ({
  days: 0,
  daysWithoutRate: 0,
  gross: 0,
  ownPayment: 0,
  net: 0,
  refundedDays: 0,
  refundedNet: 0,
  refund: 0,
  beyondDays: 0,
  beyondNet: 0,
});

/** A dated step function on day numbers: the value in force on a day, read in ascending day order. */
class Steps<T> {
  private i = -1;
  constructor(
    private readonly from: readonly number[],
    private readonly values: readonly T[],
  ) {}
  reset() {
    this.i = -1;
  }
  /** The value in force on `day` (days asked in ascending order since the last reset). */
  at(day: number): T | undefined {
    while (this.i + 1 < this.from.length && (this.from[this.i + 1] as number) <= day) this.i++;
    return this.i < 0 ? undefined : this.values[this.i];
  }
}

function steps<T>(items: readonly T[], dateOf: (t: T) => string): Steps<T> {
  const sorted = [...items].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : 0));
  return new Steps(
    sorted.map((t) => dayNumber(dateOf(t))),
    sorted,
  );
}

/**
 * Every citizen's shelter days per month (index into `months`): cost, own payment, refunded days
 * and days beyond the limit. The limit counts only days at shelters on Tilbudsportalen (the refund
 * scheme's shelters); a day under no limit (before the reform) is refunded and not counted.
 */
export function shelterDays(input: ShelterDaysInput): Map<string, ShelterMonth[]> {
  const periodFrom = dayNumber(input.months[0] ?? input.until);
  const periodUntil = dayNumber(input.until);
  // Days before this never fall in the running year of a day in the period (rolling: 365 days;
  // calendar: since 1 January), so the walk starts here.
  const walkFrom = periodFrom - 365;
  const monthStarts = input.months.map(dayNumber);
  const limitSteps = steps(input.limits, (l) => l.validFrom);
  const settingSteps = steps(input.settings, (s) => s.validFrom);
  const rateSteps = new Map<string, Steps<DatedRate>>();
  for (const [shelterId, rates] of input.rates)
    rateSteps.set(
      shelterId,
      steps(rates, (r) => r.validFrom),
    );

  const result = new Map<string, ShelterMonth[]>();
  const byCitizen = new Map<string, EconomicsStay[]>();
  for (const s of input.stays) {
    const list = byCitizen.get(s.citizenId);
    if (list) list.push(s);
    else byCitizen.set(s.citizenId, [s]);
  }
  const counted: number[] = [];
  for (const [citizenId, stays] of byCitizen) {
    const months: ShelterMonth[] = [];
    // The groups whose days count together towards the limit.
    const refundStays = stays.filter((s) => s.onTilbudsportalen);
    const groups: EconomicsStay[][] =
      input.daySum === 'per_citizen' ? [refundStays] : refundStays.map((s) => [s]);
    for (const s of stays) if (!s.onTilbudsportalen) groups.push([s]);
    for (const group of groups) {
      if (group.length === 0) continue;
      // Every day of the group, as day × 1024 + the stay's index, in date order.
      const encoded: number[] = [];
      group.forEach((s, index) => {
        const from = Math.max(dayNumber(s.from), walkFrom);
        const until = Math.min(s.until === null ? periodUntil : dayNumber(s.until), periodUntil);
        for (let d = from; d < until; d++) encoded.push(d * 1024 + index);
      });
      if (group.length > 1) encoded.sort((a, b) => a - b);
      const refundScheme = (group[0] as EconomicsStay).onTilbudsportalen;
      limitSteps.reset();
      settingSteps.reset();
      // The group's days come in ascending order, so one cursor per shelter serves all its stays.
      const rateOf = group.map((s) => rateSteps.get(s.shelterId));
      for (const r of rateOf) r?.reset();
      counted.length = 0;
      let oldest = 0;
      let month = -1;
      let yearStart = Number.NEGATIVE_INFINITY;
      let nextYearStart = Number.NEGATIVE_INFINITY;
      for (const code of encoded) {
        const day = Math.floor(code / 1024);
        const index = code - day * 1024;
        let refunded = true;
        if (refundScheme) {
          const limit = limitSteps.at(day)?.days ?? null;
          if (limit !== null) {
            counted.push(day);
            let windowStart: number;
            if (input.runningYear === 'rolling') windowStart = day - 364;
            else {
              if (day >= nextYearStart || day < yearStart) {
                const year = new Date(day * DAY_MS).getUTCFullYear();
                yearStart = dayNumber(`${year}-01-01`);
                nextYearStart = dayNumber(`${year + 1}-01-01`);
              }
              windowStart = yearStart;
            }
            while ((counted[oldest] as number) < windowStart) oldest++;
            refunded = counted.length - oldest <= limit;
          }
        }
        if (day < periodFrom) continue;
        while (month + 1 < monthStarts.length && (monthStarts[month + 1] as number) <= day) month++;
        let m = months[month];
        if (!m) {
          m = emptyMonth();
          months[month] = m;
        }
        const setting = settingSteps.at(day) ?? DEFAULT_ECONOMICS_SETTINGS;
        const rate = rateOf[index]?.at(day)?.dailyRate ?? null;
        const gross = rate ?? 0;
        const own = Math.min(setting.ownPaymentPerDay, gross);
        const net = gross - own;
        m.days++;
        if (rate === null) m.daysWithoutRate++;
        m.gross += gross;
        m.ownPayment += own;
        m.net += net;
        if (!refundScheme) continue;
        if (refunded) {
          m.refundedDays++;
          m.refundedNet += net;
          m.refund += (net * setting.refundSharePercent) / 100;
        } else {
          m.beyondDays++;
          m.beyondNet += net;
        }
      }
    }
    result.set(citizenId, months);
  }
  return result;
}

/** The first day of each month from `from`'s month up to `until` (exclusive). */
export function monthStartsBetween(from: string, until: string): string[] {
  const months: string[] = [];
  let m = `${from.slice(0, 7)}-01`;
  while (m < until) {
    months.push(m);
    const [y = 0, mo = 1] = m.split('-').map(Number);
    m = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  }
  return months;
}

/** The 365 days before a period: the stays the rule 15 walk needs start from here. */
export const lookbackFrom = (from: string) => addDays(from, -365);
