import type { Generated, Selectable } from 'kysely';
import type {
  ActionKind,
  DepositLoanLimit,
  NoticeSource,
  Outcome,
  ReportedVia,
} from '../../../shared/prevention/model';

type Numeric = string | number;

export interface EvictionCaseTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string | null;
  tenant_name: string;
  address: string;
  tenancy_key: string;
  department_id: string | null;
  children_under_18: Generated<boolean>;
  known_need: Generated<boolean>;
  opened_on: string;
  status: Generated<'open' | 'closed'>;
  outcome: Outcome | null;
  outcome_on: string | null;
  outcome_note: string | null;
  no_help_decision_on: string | null;
  no_help_reason: string | null;
  /** Kept by the database (migration 0008): the first bailiff's notice, the day § 5 a starts. */
  bailiff_notice_on: Generated<string | null>;
  /** Kept by the database: the latest eviction date of the case's notices. */
  eviction_date: Generated<string | null>;
  /** Kept by the database: the latest action's date. */
  last_action_on: Generated<string | null>;
  /** Kept by the database: some help (HELP_KINDS) has been given. */
  help_given: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface EvictionNoticeTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  source: NoticeSource;
  received_on: string;
  tenant_cpr: string | null;
  arrears_amount: Numeric;
  arrears_months: number;
  paakrav_on: string | null;
  termination_on: string | null;
  bailiff_filed_on: string | null;
  eviction_date: string | null;
  children_under_18: boolean;
  reported_via: ReportedVia;
  reported_by: string | null;
  import_key: string | null;
  created_at: Generated<Date>;
}

export interface EvictionActionTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  kind: ActionKind;
  done_on: string;
  result: string | null;
  amount: Numeric | null;
  respond_by: string | null;
  responded_on: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PreventionSettingsTable {
  municipality_id: string;
  deposit_loan_limits: DepositLoanLimit[] | string;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export type EvictionCaseRow = Selectable<EvictionCaseTable>;
export type EvictionNoticeRow = Selectable<EvictionNoticeTable>;
export type EvictionActionRow = Selectable<EvictionActionTable>;

declare module '../../db/schema' {
  /** The prevention module's tables. */
  interface Database {
    eviction_case: EvictionCaseTable;
    eviction_notice: EvictionNoticeTable;
    eviction_action: EvictionActionTable;
    prevention_settings: PreventionSettingsTable;
  }
}
