import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ScenarioResult, ScenarioStatus } from '../../../shared/planning/api';
import type { PlanHistory } from '../../../shared/planning/model';
import type { PlanScenario } from '../../../shared/planning/scenario';

/** A saved scenario with its run and forecast (migration 0037). */
export interface PlanningScenarioTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  scenario: JSONColumnType<PlanScenario>;
  draws: number;
  seed: number;
  fitted_up_to: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<ScenarioStatus, ScenarioStatus | undefined, ScenarioStatus>;
  progress: ColumnType<number, number | undefined, number>;
  error: string | null;
  result: JSONColumnType<ScenarioResult | null, string | null | undefined, string | null>;
  in_report: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A municipality's fitted history of a day (migration 0038). */
export interface PlanningHistoryTable {
  municipality_id: string;
  as_of: ColumnType<string, string, string>;
  months: number;
  history: JSONColumnType<PlanHistory>;
  computed_at: Generated<Date>;
}

declare module '../../db/schema' {
  interface Database {
    planning_scenario: PlanningScenarioTable;
    planning_history: PlanningHistoryTable;
  }
}
