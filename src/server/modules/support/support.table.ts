import type { Generated, Selectable } from 'kysely';
import type { ContactKind, CtiPhase, EndReason, LegalBasis, Method } from '../../../shared/support/model';

type Numeric = string | number;

export interface SupportMethodSettingTable {
  id: Generated<string>;
  municipality_id: string;
  method: Method;
  valid_from: string;
  legal_basis: LegalBasis;
  caseload_norm: Numeric | null;
  contact_building_days: number | null;
  phase_interval_days: number[] | null;
  lease_required: boolean;
  monthly_cost: Numeric | null;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

export interface SupportContactGapSettingTable {
  id: Generated<string>;
  municipality_id: string;
  valid_from: string;
  days: number;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

export interface SupportTeamTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  shared_caseload: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface SupportWorkerTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  team_id: string | null;
  fte: Numeric;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface SupportEnrollmentTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  method: Method;
  worker_id: string | null;
  team_id: string | null;
  decision_on: string;
  legal_basis: LegalBasis;
  provider_wish: string | null;
  provider_wish_followed: boolean | null;
  provider_wish_reason: string | null;
  start_on: string;
  planned_end_on: string | null;
  end_on: string | null;
  end_reason: EndReason | null;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface SupportPhaseChangeTable {
  id: Generated<string>;
  municipality_id: string;
  enrollment_id: string;
  phase: CtiPhase;
  from_on: string;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

export interface SupportContactTable {
  id: Generated<string>;
  municipality_id: string;
  enrollment_id: string;
  contact_on: string;
  kind: ContactKind;
  by_user_id: string | null;
  note: string | null;
  created_at: Generated<Date>;
}

export type SupportEnrollmentRow = Selectable<SupportEnrollmentTable>;
export type SupportWorkerRow = Selectable<SupportWorkerTable>;

declare module '../../db/schema' {
  interface Database {
    support_method_setting: SupportMethodSettingTable;
    support_contact_gap_setting: SupportContactGapSettingTable;
    support_team: SupportTeamTable;
    support_worker: SupportWorkerTable;
    support_enrollment: SupportEnrollmentTable;
    support_phase_change: SupportPhaseChangeTable;
    support_contact: SupportContactTable;
  }
}
