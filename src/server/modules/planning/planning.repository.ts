import { sql } from 'kysely';
import type { ScenarioResult } from '../../../shared/planning/api';
import type { PlanHistory } from '../../../shared/planning/model';
import type { PlanScenario } from '../../../shared/planning/scenario';
import type { Executor } from '../../db/database';
import './planning.table';

/**
 * A run whose progress has not moved for this long has lost its process (a restart): it is shown as
 * failed. A run reports progress at least every twentieth of its draws, far more often than this.
 */
const STALE_AFTER = '2 minutes';

/** The scenarios' columns, with a stale run shown as failed. */
function scenarioColumns(db: Executor) {
  return db
    .selectFrom('planning_scenario as s')
    .leftJoin('app_user as u', 'u.id', 's.created_by')
    .select([
      's.id',
      's.name',
      's.scenario',
      's.draws',
      's.seed',
      's.fitted_up_to',
      's.progress',
      's.in_report',
      's.created_at',
      'u.display_name as created_by_name',
      sql<
        'running' | 'done' | 'failed'
      >`case when s.status = 'running' and s.updated_at < now() - interval '${sql.raw(STALE_AFTER)}' then 'failed' else s.status end`.as(
        'status',
      ),
      sql<
        string | null
      >`case when s.status = 'running' and s.updated_at < now() - interval '${sql.raw(STALE_AFTER)}' then 'PLANNING_INTERRUPTED' else s.error end`.as(
        'error',
      ),
    ]);
}

export type ScenarioRow = Awaited<ReturnType<typeof listScenarios>>[number];

/** The municipality's scenarios, newest first (without their results). */
export function listScenarios(db: Executor, m: string) {
  return scenarioColumns(db).where('s.municipality_id', '=', m).orderBy('s.created_at', 'desc').execute();
}

/** One scenario with its result, or undefined. */
export function findScenario(db: Executor, m: string, id: string) {
  return scenarioColumns(db)
    .select('s.result')
    .where('s.municipality_id', '=', m)
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** The scenarios added to the committee report, with their results, oldest first. */
export function reportedScenarios(db: Executor, m: string) {
  return scenarioColumns(db)
    .select('s.result')
    .where('s.municipality_id', '=', m)
    .where('s.in_report', '=', true)
    .where('s.status', '=', 'done')
    .orderBy('s.created_at')
    .execute();
}

/** Runs of the municipality still running (not stale). */
export async function runningCount(db: Executor, m: string): Promise<number> {
  const row = await db
    .selectFrom('planning_scenario')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', m)
    .where('status', '=', 'running')
    .where(sql<boolean>`updated_at >= now() - interval '${sql.raw(STALE_AFTER)}'`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertScenario(
  db: Executor,
  row: {
    municipality_id: string;
    name: string;
    scenario: PlanScenario;
    draws: number;
    seed: number;
    created_by: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('planning_scenario')
    .values({ ...row, scenario: JSON.stringify(row.scenario) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A running scenario's progress (and the month end its model was fitted up to, once known). */
export async function setProgress(
  db: Executor,
  m: string,
  id: string,
  progress: number,
  fittedUpTo?: string,
) {
  await db
    .updateTable('planning_scenario')
    .set({
      progress,
      updated_at: sql`now()`,
      ...(fittedUpTo ? { fitted_up_to: fittedUpTo } : {}),
    })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishScenario(db: Executor, m: string, id: string, result: ScenarioResult) {
  await db
    .updateTable('planning_scenario')
    .set({ status: 'done', progress: 1, result: JSON.stringify(result), updated_at: sql`now()` })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

export async function failScenario(db: Executor, m: string, id: string, error: string) {
  await db
    .updateTable('planning_scenario')
    .set({ status: 'failed', error, updated_at: sql`now()` })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

/** Adds a finished scenario to the committee report or removes it; false when there is none. */
export async function setInReport(db: Executor, m: string, id: string, inReport: boolean): Promise<boolean> {
  const result = await db
    .updateTable('planning_scenario')
    .set({ in_report: inReport })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteScenario(db: Executor, m: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('planning_scenario')
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The municipality's history over `months` of the day `asOf` (`day: 'on'`), or the latest of a day
 * before it (`'before'`), if computed.
 */
export async function findHistory(
  db: Executor,
  m: string,
  asOf: string,
  months: number,
  day: 'on' | 'before' = 'on',
): Promise<PlanHistory | undefined> {
  const row = await db
    .selectFrom('planning_history')
    .select('history')
    .where('municipality_id', '=', m)
    .where('as_of', day === 'on' ? '=' : '<', asOf)
    .where('months', '=', months)
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.history;
}

/** Stores the day's history and drops the municipality's histories of earlier days. */
export async function saveHistory(
  db: Executor,
  m: string,
  asOf: string,
  months: number,
  history: PlanHistory,
): Promise<void> {
  await db
    .insertInto('planning_history')
    .values({ municipality_id: m, as_of: asOf, months, history: JSON.stringify(history) })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'as_of', 'months']).doUpdateSet({
        history: (eb) => eb.ref('excluded.history'),
        computed_at: sql`now()`,
      }),
    )
    .execute();
  await db
    .deleteFrom('planning_history')
    .where('municipality_id', '=', m)
    .where('as_of', '<', asOf)
    .execute();
}
