import { type FittedModel, fitHistory } from '../../../shared/planning/fit';
import {
  PLAN_METHODS,
  type PlanEconomics,
  type PlanMethod,
  type Stocks,
} from '../../../shared/planning/model';
import type { Tx } from '../../db/database';
import { allocationMonths, vacanciesByOrigin } from '../allocation';
import { planningEconomics } from '../economics';
import { type PlanningSupply, planningSupply } from '../housing';
import { type MethodCapacity, methodCapacity } from '../support';
import { planningHistory } from './planning.history.service';

/** Months of history the model is fitted on by default: two years. */
export const FIT_MONTHS = 24;

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
 * The municipality's forecast inputs on `asOf`: its history of the last `months` completed months
 * fitted, the housing supply in force, the prices of a shelter day and of support, and the support
 * capacity.
 */
export async function planningInputs(
  trx: Tx,
  m: string,
  asOf: string,
  months = FIT_MONTHS,
): Promise<PlanningInputs> {
  const history = await planningHistory(trx, m, asOf, months);
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
