import { type FittedModel, fitHistory, RECENT_MONTHS } from '../../../shared/planning/fit';
import {
  PLAN_METHODS,
  type PlanEconomics,
  type PlanHistory,
  type PlanMethod,
  type Stocks,
} from '../../../shared/planning/model';
import type { Tx } from '../../db/database';
import { allocationMonths, vacanciesByOrigin } from '../allocation';
import { planningEconomics } from '../economics';
import { type PlanningSupply, planningSupply } from '../housing';
import { type MethodCapacity, methodCapacity } from '../support';
import { historyMonthEnds, planningHistory } from './planning.history.service';
import { findHistory, saveHistory } from './planning.repository';

/** Months of history the model is fitted on by default: three years (`RECENT_MONTHS`). */
export const FIT_MONTHS = RECENT_MONTHS;

/** Everything a forecast of the municipality starts from (issue 19 §1–2). */
export interface PlanningInputs {
  asOf: string;
  /** The month ends of the history and the compartments at each (the past of the charts). */
  past: { monthEnds: string[]; stocks: Stocks[] };
  fitted: FittedModel;
  supply: PlanningSupply & {
    /** Units a month from subsidy pools (outside the agreements' quota), over the history. */
    otherUnitsPerMonth: number;
  };
  economics: PlanEconomics;
  /** Support workers and norms per Housing First method today. */
  capacity: Record<PlanMethod, MethodCapacity>;
  /** Offers accepted of offers made over the history; null without offers. */
  acceptanceRate: number | null;
}

/**
 * The municipality's history of `months` completed months before `asOf` as computed on that day:
 * computed on the day's first use (or by the job, `planningHistoryJob`) and stored, read
 * from the store after. The history of completed months changes only by a record dated back; such
 * a change reaches the forecast once the day's history is computed.
 *
 * `earlierDay`: until the day's history is computed, an earlier day's stored one is taken if it
 * reads the same month ends (a day of the same month): it differs only by records dated back since,
 * and the job computes the day's within ten minutes. A forecast then never waits seconds for the
 * by-name history, except in a municipality's first minutes of a new month (or ever).
 */
export async function dailyHistory(
  trx: Tx,
  m: string,
  asOf: string,
  months: number,
  options: { earlierDay?: boolean } = {},
): Promise<{ history: PlanHistory; computed: boolean; earlierDay?: true }> {
  const stored = await findHistory(trx, m, asOf, months);
  if (stored) return { history: stored, computed: false };
  if (options.earlierDay) {
    const earlier = await findHistory(trx, m, asOf, months, 'before');
    // Stored for the same `months`: the same month ends if the last is the same.
    if (earlier && earlier.monthEnds.at(-1) === historyMonthEnds(asOf, months).at(-1))
      return { history: earlier, computed: false, earlierDay: true };
  }
  const history = await planningHistory(trx, m, asOf, months);
  await saveHistory(trx, m, asOf, months, history);
  return { history, computed: true };
}

/**
 * The municipality's forecast inputs on `asOf`: its history of the last `months` completed months
 * fitted, the housing supply in force, the prices of a shelter day and of support, and the support
 * capacity. `history: 'daily'` takes the day's stored history, or an earlier day's of the same month
 * (`dailyHistory`); by default it is
 * read afresh.
 */
export async function planningInputs(
  trx: Tx,
  m: string,
  asOf: string,
  months = FIT_MONTHS,
  options: { history?: 'fresh' | 'daily' } = {},
): Promise<PlanningInputs> {
  const history =
    options.history === 'daily'
      ? (await dailyHistory(trx, m, asOf, months, { earlierDay: true })).history
      : await planningHistory(trx, m, asOf, months);
  const from = `${(history.monthEnds[1] as string).slice(0, 7)}-01`;
  const upTo = history.monthEnds.at(-1) as string;
  const [supply, economics, capacity, origins, allocation] = await Promise.all([
    planningSupply(trx, m, asOf),
    planningEconomics(trx, m),
    methodCapacity(trx, m, asOf),
    vacanciesByOrigin(trx, m, from, upTo),
    allocationMonths(trx, m, from, upTo),
  ]);
  const offers = allocation.reduce((sum, row) => sum + row.offers, 0);
  const accepted = allocation.reduce((sum, row) => sum + row.accepted, 0);
  return {
    asOf,
    past: { monthEnds: history.monthEnds, stocks: history.stocks },
    fitted: fitHistory(history),
    supply: { ...supply, otherUnitsPerMonth: (origins.get('subsidy_pool') ?? 0) / months },
    economics,
    capacity: Object.fromEntries(PLAN_METHODS.map((method) => [method, capacity[method]])) as Record<
      PlanMethod,
      MethodCapacity
    >,
    acceptanceRate: offers > 0 ? accepted / offers : null,
  };
}
