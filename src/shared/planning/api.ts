import type { ReportedCountAt } from '../suppression';
import type { PlanEconomics, PlanMethod } from './model';
import type { PlanScenario } from './scenario';
import type { Band } from './simulate';

/**
 * What the planning routes answer (issue 19): the baseline a scenario starts from, and saved
 * scenarios with their assumptions and forecast. Counts of the municipality's people in the past are
 * suppressed at its limit (rule 33); the forecast's figures are the model's expectations with their
 * uncertainty band, not counts of persons (ADR 0018).
 */

/** The series of the past and of a forecast shown on the page. */
export const PEOPLE_SERIES = ['homeless', 'waiting', 'shelter', 'housedWithSupport', 'atRisk'] as const;
export type PeopleSeries = (typeof PEOPLE_SERIES)[number];

/** The compartments' sums at each month end of the history the model is fitted on (suppressed). */
export interface PlanningPast {
  monthEnds: string[];
  series: Record<PeopleSeries, ReportedCountAt[]>;
}

export interface PlanningBaseline {
  asOf: string;
  /** The last month end of the history: the forecast starts the month after. */
  fittedUpTo: string;
  /** Months of history the model is fitted on. */
  fitMonths: number;
  past: PlanningPast;
  supply: {
    /** Organisations with a quota in the agreements in force: the quota a scenario may change. */
    organisations: { id: string; name: string; quotaPercent: number; perYear: number }[];
    /** New builds and conversions still to come, with the municipality's share. */
    builds: { name: string; readyDate: string; units: number; allocationPercent: number }[];
    /** Expected dwellings a year: the agreements (units × turnover × quota) and other sources. */
    agreementsPerYear: number;
    otherPerYear: number;
    /** The share of received dwellings let to the waiting list over the history, 0–1; null without any. */
    usedShare: number | null;
    /** Offers accepted of offers made over the history, 0–1; null without offers. */
    acceptanceShare: number | null;
  };
  /** Support workers (FTE), norm and places (FTE × norm) per Housing First method today. */
  staffing: Record<PlanMethod, { fte: number; caseloadNorm: number | null; capacity: number }>;
  /** The rates at their centre: the shelter stay and prevention success the model sees today. */
  assumptions: {
    shelterStayMonths: number;
    /** Share of those at risk who do not become homeless, percent; null with nobody at risk. */
    preventionSuccessPercent: number | null;
    /** Citizens newly on the list a month, summed over the compartments they arrive in. */
    inflowPerMonth: number;
  };
  economics: PlanEconomics;
}

export const SCENARIO_STATUSES = ['running', 'done', 'failed'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** The bounds a scenario is checked against (the routes' schema and the page's fields). */
export const SCENARIO_LIMITS = {
  nameMax: 120,
  yearsMin: 1,
  yearsMax: 5,
  drawsMin: 100,
  drawsMax: 5000,
  drawsDefault: 1000,
  buildsMax: 20,
  buildUnitsMax: 5000,
  fteMax: 500,
  caseloadNormMin: 1,
  caseloadNormMax: 100,
  shelterStayMonthsMin: 0.25,
  shelterStayMonthsMax: 36,
} as const;

/**
 * The seed every scenario uses unless it names one: the same random numbers in every scenario
 * (common random numbers), so that a difference between two scenarios is the levers', not chance's.
 */
export const DEFAULT_SEED = 2026;

/** What a user submits to run a scenario. */
export interface ScenarioRequest {
  name: string;
  scenario: PlanScenario;
  draws?: number;
  seed?: number;
}

/** A saved scenario as the list shows it. */
export interface ScenarioSummary {
  id: string;
  name: string;
  status: ScenarioStatus;
  /** Share of the draws done, 0–1. */
  progress: number;
  /** Why a run failed (an error code), null otherwise. */
  error: string | null;
  scenario: PlanScenario;
  draws: number;
  seed: number;
  /** The month end the forecast starts after (null until the run has gathered its inputs). */
  fittedUpTo: string | null;
  /** Shown in the committee report. */
  inReport: boolean;
  createdAt: string;
  createdByName: string | null;
}

/** One forecast year's key figures: stocks at its last month end and flows summed over its months. */
export interface ScenarioYear {
  /** 1 for the first twelve months of the forecast. */
  year: number;
  /** The year's last month end. */
  yearEnd: string;
  waiting: Band;
  /** Expected months on the list at the year's end (Little's law), null where few are housed. */
  waitingMonths: Band | null;
  homeless: Band;
  /** Homeless at the week-6 count that falls in the year (the count's January month end), if any. */
  countWeek6: { onMonthEnd: string; homeless: Band } | null;
  /** Sums of the year's monthly means (the mean of a sum is the sum of the means). */
  lettings: number;
  shelterDays: number;
  shelterNet: number;
  shelterRefund: number;
  supportCost: number;
  supportRefund: number;
  netCost: number;
  supportRefused: number;
}

/** The series a scenario's forecast keeps, each a band per month. */
export const FORECAST_SERIES = [
  'homeless',
  'waiting',
  'shelter',
  'housedWithSupport',
  'atRisk',
  'lettings',
  'shelterDays',
  'netCost',
] as const;
export type ForecastSeries = (typeof FORECAST_SERIES)[number];

export interface ScenarioResult {
  monthEnds: string[];
  series: Record<ForecastSeries, Band[]>;
  waitingMonths: (Band | null)[];
  /** Dwellings for allocation each month, as the scenario's supply gives them. */
  units: number[];
  /** Support places per method in the scenario. */
  capacity: Record<PlanMethod, number>;
  years: ScenarioYear[];
  /** The rates at their centre with the levers applied. */
  assumptions: PlanningBaseline['assumptions'];
}

export interface ScenarioDetail extends ScenarioSummary {
  result: ScenarioResult | null;
}

/** A scenario as the committee report shows it (issue 19 §4): its levers and its years' key figures. */
export interface ReportedScenario {
  id: string;
  name: string;
  createdAt: string;
  fittedUpTo: string | null;
  scenario: PlanScenario;
  /** The names of the organisations whose quota the scenario changes, by id. */
  organisationNames: Record<string, string>;
  years: ScenarioYear[];
}
