import type { Generated } from 'kysely';
import type { DaySum, RunningYear } from '../../../shared/economics/model';

type Numeric = string | number;

/** The municipality's economics settings from a date (history: insert only). */
export interface EconomicsSettingTable {
  id: Generated<string>;
  municipality_id: string;
  valid_from: string;
  own_payment_per_day: Numeric;
  refund_share_percent: Numeric;
  running_year: RunningYear;
  day_sum: DaySum;
  housing_monthly_cost: Numeric;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

/** The municipality's own limit on refunded stay days from a date (rule 15; null: no limit). */
export interface EconomicsStayLimitTable {
  id: Generated<string>;
  municipality_id: string;
  valid_from: string;
  days: number | null;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

declare module '../../db/schema' {
  /** The economics module's tables. */
  interface Database {
    economics_setting: EconomicsSettingTable;
    economics_stay_limit: EconomicsStayLimitTable;
  }
}
