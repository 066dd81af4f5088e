import type { Generated, Selectable } from 'kysely';
import type {
  CloseReason,
  Department,
  DepositCaseKind,
  DepositOutcome,
  ParticipationWay,
  SanctionKind,
  SanctionSource,
} from '../../../shared/plans/model';

export interface CoherentPlanTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  coordinator_id: string;
  started_on: string;
  status: Generated<'active' | 'closed'>;
  closed_on: string | null;
  closed_reason: Generated<CloseReason | null>;
  closed_note: Generated<string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PlanGoalTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  text: string;
  created_on: string;
  achieved_on: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PlanActionTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  goal_id: string | null;
  department: Department;
  description: string;
  owner_user_id: string | null;
  owner_name: string;
  due_on: string;
  done_on: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PlanReviewTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  review_on: string;
  held_on: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PlanParticipationTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  participated_on: string;
  how: ParticipationWay;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface PlanShareTable {
  id: Generated<string>;
  municipality_id: string;
  plan_id: string;
  department: Department;
  shared_on: string;
  consent_purpose: string;
  shared_by: string | null;
  shared_at: Generated<Date>;
}

export interface BenefitSanctionTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  kind: SanctionKind;
  effective_on: string;
  note: string | null;
  source: SanctionSource;
  import_key: string | null;
  recorded_on: string;
  recorded_by: string | null;
  handled_on: string | null;
  handled_by: string | null;
  handled_note: string | null;
  created_at: Generated<Date>;
}

export interface DepositCaseTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  kind: DepositCaseKind;
  opened_on: string;
  decided_on: string | null;
  outcome: DepositOutcome | null;
  handled_on: string | null;
  handled_by: string | null;
  handled_note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface FastTrackLimitTable {
  municipality_id: string;
  valid_from: string;
  working_days: number;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export type PlanRow = Selectable<CoherentPlanTable>;
export type ActionRow = Selectable<PlanActionTable>;
export type SanctionRow = Selectable<BenefitSanctionTable>;
export type DepositCaseRow = Selectable<DepositCaseTable>;

declare module '../../db/schema' {
  interface Database {
    coherent_plan: CoherentPlanTable;
    plan_goal: PlanGoalTable;
    plan_action: PlanActionTable;
    plan_review: PlanReviewTable;
    plan_participation: PlanParticipationTable;
    plan_share: PlanShareTable;
    benefit_sanction: BenefitSanctionTable;
    deposit_case: DepositCaseTable;
    plans_fast_track_limit: FastTrackLimitTable;
  }
}
