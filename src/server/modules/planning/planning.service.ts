import { today } from '../../../shared/dates';
import { expectedPerYear } from '../../../shared/housing/supply';
import {
  DEFAULT_SEED,
  PEOPLE_SERIES,
  type PeopleSeries,
  type PlanningBaseline,
  type ReportedScenario,
  SCENARIO_LIMITS,
  type ScenarioDetail,
  type ScenarioRequest,
  type ScenarioSummary,
} from '../../../shared/planning/api';
import { meanRates } from '../../../shared/planning/fit';
import {
  definedOnly,
  HOMELESS_STATES,
  PLAN_METHODS,
  type Stocks,
  SUPPORTED_STATE,
} from '../../../shared/planning/model';
import { assumptionsOf, scenarioResult } from '../../../shared/planning/result';
import { type ScenarioBase, scenarioInput, supportPlaces } from '../../../shared/planning/scenario';
import { type Forecast, forecast } from '../../../shared/planning/simulate';
import { suppressSmall } from '../../../shared/suppression';
import { type Db, type Tx, withTenant } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { municipalityProfile } from '../access';
import { planningSupply } from '../housing';
import { FIT_MONTHS, type PlanningInputs, planningInputs } from './planning.inputs.service';
import * as repo from './planning.repository';
import { runForecast } from './planning.runner';

/** Forecasts one municipality may run at once: a fourth waits, so that no one fills the workers. */
export const MAX_RUNNING = 3;

const PEOPLE: Record<PeopleSeries, (s: Stocks) => number> = {
  homeless: (s) => HOMELESS_STATES.reduce((sum, state) => sum + s[state], 0),
  waiting: (s) => s.waiting,
  shelter: (s) => s.shelter,
  housedWithSupport: (s) => PLAN_METHODS.reduce((sum, m) => sum + s[SUPPORTED_STATE[m]], 0),
  atRisk: (s) => s.at_risk,
};

/** What a scenario's forecast starts from, of the inputs gathered. */
export function scenarioBase(inputs: PlanningInputs): ScenarioBase {
  return {
    fittedUpTo: inputs.past.monthEnds.at(-1) as string,
    fitted: inputs.fitted,
    economics: inputs.economics,
    supply: inputs.supply,
    staffing: inputs.capacity,
  };
}

/**
 * The baseline of the municipality today (issue 19 §1–2): the history the model is fitted on, its
 * compartments' sums suppressed at the municipality's limit (rule 33), the supply in force, the
 * support staffing and the rates the model sees.
 */
export async function planningBaseline(trx: Tx, actor: Actor): Promise<PlanningBaseline> {
  const m = actor.municipalityId;
  const asOf = today();
  const [inputs, profile] = await Promise.all([planningInputs(trx, m, asOf), municipalityProfile(trx, m)]);
  const limit = profile.suppression_limit;
  const rates = meanRates(inputs.fitted);
  const perYear = (organisationId?: string) =>
    inputs.supply.lines
      .filter((line) => organisationId === undefined || line.organisationId === organisationId)
      .reduce((sum, line) => sum + expectedPerYear(line.units, line.turnoverPercent, line.quotaPercent), 0);
  const places = supportPlaces(inputs.capacity);
  return {
    asOf,
    fittedUpTo: inputs.past.monthEnds.at(-1) as string,
    fitMonths: inputs.fitted.months,
    past: {
      monthEnds: inputs.past.monthEnds,
      series: Object.fromEntries(
        PEOPLE_SERIES.map((name) => [
          name,
          inputs.past.stocks.map((s) => suppressSmall(PEOPLE[name](s), limit)),
        ]),
      ) as PlanningBaseline['past']['series'],
    },
    supply: {
      organisations: inputs.supply.organisations.map((o) => ({ ...o, perYear: perYear(o.id) })),
      builds: inputs.supply.builds.map(({ name, readyDate, units, allocationPercent }) => ({
        name,
        readyDate,
        units,
        allocationPercent,
      })),
      agreementsPerYear: perYear(),
      otherPerYear: inputs.supply.otherUnitsPerMonth * 12,
      usedShare: inputs.fitted.unitsReceived > 0 ? rates.usedShare : null,
      acceptanceShare: inputs.acceptanceRate,
    },
    staffing: Object.fromEntries(
      PLAN_METHODS.map((method) => [
        method,
        {
          fte: inputs.capacity[method].fte,
          caseloadNorm: inputs.capacity[method].caseloadNorm,
          capacity: places[method],
        },
      ]),
    ) as PlanningBaseline['staffing'],
    assumptions: assumptionsOf(rates),
    economics: inputs.economics,
  };
}

function summaryOf(row: repo.ScenarioRow): ScenarioSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    progress: row.progress,
    error: row.error,
    scenario: row.scenario,
    draws: row.draws,
    seed: row.seed,
    fittedUpTo: row.fitted_up_to,
    inReport: row.in_report,
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
  };
}

export async function listScenarios(trx: Tx, actor: Actor): Promise<ScenarioSummary[]> {
  return (await repo.listScenarios(trx, actor.municipalityId)).map(summaryOf);
}

export async function getScenario(trx: Tx, actor: Actor, id: string): Promise<ScenarioDetail> {
  const row = await repo.findScenario(trx, actor.municipalityId, id);
  if (!row) throw new AppError('PLANNING_NOT_FOUND');
  return { ...summaryOf(row), result: row.result };
}

/**
 * Saves a scenario to be run (audited with its assumptions): a quota may only name an organisation
 * with a quota in the agreements in force, and no more than MAX_RUNNING forecasts run at once.
 */
export async function createScenario(
  trx: Tx,
  actor: Actor,
  request: ScenarioRequest,
): Promise<ScenarioSummary> {
  const m = actor.municipalityId;
  const supply = await planningSupply(trx, m, today());
  const known = new Set(supply.organisations.map((o) => o.id));
  const unknown = Object.keys(request.scenario.quotaPercent ?? {}).filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new AppError('PLANNING_UNKNOWN_ORGANISATION', {
      fields: unknown.map((id) => ({ path: `scenario.quotaPercent.${id}`, code: 'unknown' })),
    });
  if ((await repo.runningCount(trx, m)) >= MAX_RUNNING) throw new AppError('PLANNING_TOO_MANY_RUNNING');
  const id = await repo.insertScenario(trx, {
    municipality_id: m,
    name: request.name,
    scenario: request.scenario,
    draws: request.draws ?? SCENARIO_LIMITS.drawsDefault,
    seed: request.seed ?? DEFAULT_SEED,
    created_by: actor.userId,
  });
  await audit(trx, actor, 'planning_scenario.create', 'planning_scenario', id, {
    name: request.name,
    scenario: request.scenario,
  });
  return getScenario(trx, actor, id);
}

/** A scenario's forecast input and what its result keeps besides the forecast. */
export function scenarioRun(inputs: PlanningInputs, request: ScenarioRequest) {
  const base = scenarioBase(inputs);
  const input = scenarioInput(
    base,
    request.scenario,
    request.draws ?? SCENARIO_LIMITS.drawsDefault,
    request.seed ?? DEFAULT_SEED,
  );
  return {
    fittedUpTo: base.fittedUpTo,
    input,
    /** The scenario's result of its forecast: the supply and support places it ran with. */
    resultOf: (forecast: Forecast) =>
      scenarioResult(forecast, input.levers.unitsPerMonth ?? input.baseline.unitsPerMonth, {
        ...input.baseline.supportCapacity,
        ...definedOnly(input.levers.supportCapacity),
      }),
  };
}

/**
 * Runs a saved scenario's forecast off the request path (issue 19 §6): gathers the inputs in a
 * transaction of the municipality, runs the Monte Carlo in a worker thread, writes its progress as it
 * goes and its result at the end; a run that fails is marked failed with the error's code.
 */
export async function runScenario(db: Db, m: string, id: string, request: ScenarioRequest): Promise<void> {
  try {
    const inputs = await withTenant(db, m, (trx) =>
      planningInputs(trx, m, today(), FIT_MONTHS, { history: 'daily' }),
    );
    const run = scenarioRun(inputs, request);
    await withTenant(db, m, (trx) => repo.setProgress(trx, m, id, 0, run.fittedUpTo));
    // Progress is written as it comes, one write at a time; a step that arrives while one is being
    // written is skipped (the next one, or the result, tells more).
    let writing: Promise<void> | null = null;
    const forecast = await runForecast(run.input, (done) => {
      if (writing || done >= 1) return;
      writing = withTenant(db, m, (trx) => repo.setProgress(trx, m, id, done)).finally(() => {
        writing = null;
      });
    });
    await writing;
    await withTenant(db, m, (trx) => repo.finishScenario(trx, m, id, run.resultOf(forecast)));
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'PLANNING_RUN_FAILED';
    await withTenant(db, m, (trx) => repo.failScenario(trx, m, id, code));
    throw error;
  }
}

/**
 * Runs a saved scenario in the caller's transaction and process (the demo seed: a few hundred
 * milliseconds on the demo municipality), and writes its result.
 */
export async function runScenarioHere(trx: Tx, m: string, id: string, request: ScenarioRequest) {
  const run = scenarioRun(await planningInputs(trx, m, today(), FIT_MONTHS, { history: 'daily' }), request);
  await repo.setProgress(trx, m, id, 0, run.fittedUpTo);
  await repo.finishScenario(trx, m, id, run.resultOf(forecast(run.input)));
}

/** Adds a finished scenario to the committee report, or removes it (audited). */
export async function setInReport(trx: Tx, actor: Actor, id: string, inReport: boolean): Promise<void> {
  const scenario = await getScenario(trx, actor, id);
  if (inReport && scenario.status !== 'done') throw new AppError('PLANNING_NOT_DONE');
  await repo.setInReport(trx, actor.municipalityId, id, inReport);
  await audit(trx, actor, 'planning_scenario.report', 'planning_scenario', id, { inReport });
}

/** Deletes a saved scenario (audited with its name). */
export async function deleteScenario(trx: Tx, actor: Actor, id: string): Promise<void> {
  const scenario = await getScenario(trx, actor, id);
  await repo.deleteScenario(trx, actor.municipalityId, id);
  await audit(trx, actor, 'planning_scenario.delete', 'planning_scenario', id, { name: scenario.name });
}

/**
 * The finished scenarios added to the committee report, oldest first, with the names of the
 * organisations whose quota they change (insight: the report's planning section).
 */
export async function reportedScenarios(trx: Tx, m: string): Promise<ReportedScenario[]> {
  const rows = await repo.reportedScenarios(trx, m);
  if (rows.length === 0) return [];
  const { organisations } = await planningSupply(trx, m, today());
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    fittedUpTo: row.fitted_up_to,
    scenario: row.scenario,
    organisationNames: Object.fromEntries(
      Object.keys(row.scenario.quotaPercent ?? {}).map((id) => [id, names.get(id) ?? '–']),
    ),
    years: row.result?.years ?? [],
  }));
}
