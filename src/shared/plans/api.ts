import type {
  CloseReason,
  Department,
  DepositCaseKind,
  DepositOutcome,
  ParticipationWay,
  SanctionKind,
  SanctionSource,
} from './model';

/** A user who may coordinate a plan or own an action. */
export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
}

export interface PlanGoal {
  id: string;
  text: string;
  createdOn: string;
  achievedOn: string | null;
}

export interface PlanAction {
  id: string;
  goalId: string | null;
  department: Department;
  description: string;
  ownerUserId: string | null;
  ownerName: string;
  dueOn: string;
  doneOn: string | null;
  overdue: boolean;
}

export interface PlanReview {
  id: string;
  reviewOn: string;
  heldOn: string | null;
  note: string | null;
}

export interface PlanParticipation {
  id: string;
  participatedOn: string;
  how: ParticipationWay;
  note: string | null;
}

export interface PlanShare {
  id: string;
  department: Department;
  sharedOn: string;
  sharedBy: string;
}

export interface PlanDetail {
  id: string;
  citizenId: string;
  citizenName: string | null;
  coordinatorId: string;
  coordinatorName: string;
  startedOn: string;
  status: 'active' | 'closed';
  /** When and why the plan was closed (null while active). */
  closedOn: string | null;
  closedReason: CloseReason | null;
  closedNote: string | null;
  goals: PlanGoal[];
  actions: PlanAction[];
  reviews: PlanReview[];
  participation: PlanParticipation[];
  shares: PlanShare[];
  /** The citizen's benefit sanctions and stops (open alerts first to handle). */
  sanctions: Sanction[];
  /** The citizen's deposit-loan and § 81 cases. */
  depositCases: DepositCase[];
  /** What the reader may do: change the plan. */
  canWrite: boolean;
}

/** One line of the overview of plans. */
export interface PlanSummary {
  id: string;
  citizenId: string;
  citizenName: string | null;
  coordinatorName: string;
  startedOn: string;
  actions: number;
  overdueActions: number;
  nextReviewOn: string | null;
}

export interface PlanCreateInput {
  citizenId: string;
  coordinatorId: string;
  startedOn: string;
  goals: string[];
}

export interface ActionInput {
  department: Department;
  description: string;
  ownerUserId?: string | null;
  ownerName?: string | null;
  dueOn?: string | null;
  goalId?: string | null;
}

export interface Sanction {
  id: string;
  citizenId: string;
  citizenName: string | null;
  kind: SanctionKind;
  effectiveOn: string;
  note: string | null;
  source: SanctionSource;
  recordedOn: string;
  handledOn: string | null;
  handledNote: string | null;
}

export interface SanctionInput {
  cpr: string;
  kind: SanctionKind;
  effectiveOn: string;
  note?: string | null;
}

export interface DepositCase {
  id: string;
  citizenId: string;
  citizenName: string | null;
  kind: DepositCaseKind;
  openedOn: string;
  decidedOn: string | null;
  outcome: DepositOutcome | null;
  workingDaysOpen: number;
  limit: number;
  overLimit: boolean;
  liveOfferReplyBy: string | null;
  handledOn: string | null;
  handledNote: string | null;
}

export interface DepositCaseInput {
  citizenId: string;
  kind: DepositCaseKind;
  openedOn: string;
}
