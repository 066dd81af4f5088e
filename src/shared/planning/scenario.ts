import type { FittedModel } from './fit';
import { definedOnly, PLAN_METHODS, type PlanEconomics, type PlanLevers, type PlanMethod } from './model';
import { type ForecastInput, forecastMonthEnds } from './simulate';
import { monthlySupply, type SupplyBuild, type SupplyInput } from './supply';

/** Support workers and the caseload norm of one method. */
export interface MethodStaffing {
  fte: number;
  caseloadNorm: number | null;
}

/** What a forecast of a municipality starts from (the server's `planningInputs`, without the past). */
export interface ScenarioBase {
  /** The last month end the model was fitted on: the forecast starts the month after. */
  fittedUpTo: string;
  fitted: FittedModel;
  economics: PlanEconomics;
  supply: SupplyInput;
  staffing: Record<PlanMethod, MethodStaffing>;
}

/** A scenario as a user states it (issue 19 §3); what is left out keeps the baseline. */
export interface PlanScenario {
  /** Years ahead, 1–5. */
  years: number;
  /** A new quota per organisation (percent of its vacant units). */
  quotaPercent?: Record<string, number>;
  /** New builds besides those planned. */
  builds?: SupplyBuild[];
  /** Support workers and norms per method. */
  staffing?: Partial<Record<PlanMethod, Partial<MethodStaffing>>>;
  /** The mean months a § 110 stay lasts. */
  shelterStayMonths?: number;
  /** The share of eviction cases that end without homelessness, percent. */
  preventionSuccessPercent?: number;
}

/** Support places per method: FTE × caseload norm (none without a norm). */
export function supportPlaces(staffing: Record<PlanMethod, MethodStaffing>): Record<PlanMethod, number> {
  return Object.fromEntries(
    PLAN_METHODS.map((method) => [method, staffing[method].fte * (staffing[method].caseloadNorm ?? 0)]),
  ) as Record<PlanMethod, number>;
}

/**
 * The forecast input of a scenario: the baseline's supply and support places, and as levers what the
 * scenario changes — the supply recomputed with its quotas and new builds, the support places with
 * its staffing, its shelter stay and prevention success. A scenario that changes nothing has no
 * levers, so it is the baseline itself.
 */
export function scenarioInput(
  base: ScenarioBase,
  scenario: PlanScenario,
  draws: number,
  seed: number,
): ForecastInput {
  const monthEnds = forecastMonthEnds(base.fittedUpTo, Math.round(scenario.years * 12));
  const levers: PlanLevers = {};
  const quotas = scenario.quotaPercent ?? {};
  if (Object.keys(quotas).length > 0 || (scenario.builds?.length ?? 0) > 0)
    levers.unitsPerMonth = monthlySupply(base.supply, monthEnds, {
      quotaPercent: quotas,
      builds: scenario.builds ?? [],
    }).total;
  const staffing = scenario.staffing ?? {};
  if (Object.keys(staffing).length > 0) {
    const merged = Object.fromEntries(
      PLAN_METHODS.map((method) => [method, { ...base.staffing[method], ...definedOnly(staffing[method]) }]),
    ) as Record<PlanMethod, MethodStaffing>;
    levers.supportCapacity = supportPlaces(merged);
  }
  if (scenario.shelterStayMonths !== undefined) levers.shelterStayMonths = scenario.shelterStayMonths;
  if (scenario.preventionSuccessPercent !== undefined)
    levers.preventionSuccessPercent = scenario.preventionSuccessPercent;
  return {
    fitted: base.fitted,
    economics: base.economics,
    monthEnds,
    baseline: {
      unitsPerMonth: monthlySupply(base.supply, monthEnds).total,
      supportCapacity: supportPlaces(base.staffing),
    },
    levers,
    draws,
    seed,
  };
}
