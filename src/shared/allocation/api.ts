import type { AreaStatus, UnitType } from '../housing/supply';
import type { Check } from './eligibility';
import type {
  AllocationSettings,
  ApplicationAction,
  ApplicationStatus,
  AssessmentAction,
  Benefit,
  CaseworkerArea,
  Citizenship,
  DeclineReason,
  HouseholdSizeBand,
  MemberRole,
  OfferStatus,
  Priority,
  ReturnReason,
  TargetGround,
  VacancyOrigin,
  VacancyStatus,
  WaitingAgeBand,
  WaitingBand,
} from './model';

/** Shapes of the allocation API (issue 5), shared by the server's schemas and the web client. */

export interface BenefitPeriodInput {
  benefit: Benefit;
  from: string;
  to: string | null;
}

export interface MemberInput {
  role: MemberRole;
  name: string;
  birthDate: string;
  citizenship: Citizenship;
  student: boolean;
  prisonReleasedOn: string | null;
  youthInstitutionReleasedOn: string | null;
  leaseTerminatedMisconductOn: string | null;
  /** Partners: living together since (a partner of ≥ 2 years counts like a spouse). */
  partnerSince: string | null;
  benefits: BenefitPeriodInput[];
}

/** The caseworker's recommendation (indstilling). members[0] is the applicant (role 'applicant'). */
export interface ApplicationInput {
  citizenId: string;
  area: CaseworkerArea;
  targetGrounds: TargetGround[];
  /** Why the citizen cannot solve the housing problem alone (the caseworker's reasoning). */
  justification: string;
  roomsMin: number;
  roomsMax: number | null;
  monthlyIncome: number;
  fixedCosts: number;
  accessibleNeed: boolean;
  wishedDepartmentIds: string[];
  excludedDepartmentIds: string[];
  youthWish: boolean;
  inEducation: boolean;
  educationPlanned: boolean;
  youthSpecialNeed: boolean;
  members: MemberInput[];
}

export interface AssessmentInput {
  action: AssessmentAction;
  /** Required for approve. */
  priority?: Priority;
  /** Required for every action: the written reason (priority reason, rejection reason, what is missing…). */
  reason: string;
  /** pause: until when (default: today + the pause days of the settings). */
  pausedUntil?: string;
}

export interface ApplicationSummary {
  id: string;
  citizenId: string;
  citizenName: string;
  birthDate: string;
  status: ApplicationStatus;
  area: CaseworkerArea;
  targetGrounds: TargetGround[];
  householdSize: number;
  priority: Priority | null;
  submittedAt: string;
  submittedByName: string;
  waitingSince: string | null;
}

export interface ApplicationEvent {
  at: string;
  byName: string;
  action: ApplicationAction | 'submit' | 'update' | 'refusal';
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  reason: string | null;
}

export interface ApplicationDocument {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedByName: string;
}

export interface OfferView {
  id: string;
  vacancyId: string;
  applicationId: string;
  citizenId: string;
  citizenName: string;
  address: string;
  status: OfferStatus;
  offeredAt: string;
  replyBy: string;
  respondedAt: string | null;
  declineReason: DeclineReason | null;
  note: string | null;
  countsAsRefusal: boolean;
  offeredByName: string;
}

export interface TenancyView {
  id: string;
  vacancyId: string;
  applicationId: string;
  citizenId: string;
  citizenName: string;
  address: string;
  acceptedOn: string;
  leaseSignedOn: string | null;
  plannedMoveInOn: string | null;
  movedInOn: string | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  justification: string;
  roomsMin: number;
  roomsMax: number | null;
  monthlyIncome: number;
  fixedCosts: number;
  /** Derived: income − fixed costs − the disposable amounts of the settings. */
  maxRent: number;
  accessibleNeed: boolean;
  wishedDepartmentIds: string[];
  excludedDepartmentIds: string[];
  youthWish: boolean;
  inEducation: boolean;
  educationPlanned: boolean;
  youthSpecialNeed: boolean;
  members: (MemberInput & { id: string })[];
  priorityReason: string | null;
  decisionReason: string | null;
  infoRequest: string | null;
  pausedUntil: string | null;
  refusals: number;
  events: ApplicationEvent[];
  offers: OfferView[];
  tenancies: TenancyView[];
  documents: ApplicationDocument[];
  /** What the logged-in user may do now (status machine × permissions). */
  allowedActions: ApplicationAction[];
  /** Whether there is a decision letter to download (approved, rejected). */
  hasDecisionLetter: boolean;
}

export interface WaitingListItem {
  applicationId: string;
  citizenId: string;
  citizenName: string;
  age: number;
  ageBand: WaitingAgeBand;
  targetGrounds: TargetGround[];
  householdSize: number;
  priority: Priority;
  priorityReason: string;
  waitingSince: string;
  waitingDays: number;
  waitingBand: WaitingBand;
  status: 'approved' | 'paused';
  pausedUntil: string | null;
  roomsMin: number;
  roomsMax: number | null;
  maxRent: number;
  youthWish: boolean;
  hasLiveOffer: boolean;
  refusals: number;
}

export interface WaitingListCounts {
  total: number;
  byTargetGround: Record<TargetGround, number>;
  byAgeBand: Record<WaitingAgeBand, number>;
  byHouseholdSize: Record<HouseholdSizeBand, number>;
  byWaitingBand: Record<WaitingBand, number>;
  byPriority: Record<Priority, number>;
}

export interface WaitingListQuery {
  targetGround?: TargetGround;
  ageBand?: WaitingAgeBand;
  householdSize?: HouseholdSizeBand;
  waitingBand?: WaitingBand;
  priority?: Priority;
  page?: number;
  pageSize?: number;
}

export interface WaitingListSnapshot {
  id: string;
  takenOn: string;
  label: string;
  takenByName: string;
  counts: WaitingListCounts;
}

export interface VacancyInput {
  departmentId: string;
  address: string;
  unitType: UnitType;
  rooms: number;
  areaM2: number;
  rent: number;
  utilities: number;
  deposit: number;
  accessible: boolean;
  availableOn: string;
  origin: VacancyOrigin;
  /** The municipality's deadline to name a tenant; default availableOn + the settings' days. */
  deadlineOn: string | null;
}

export interface VacancyView extends VacancyInput {
  id: string;
  deadlineOn: string;
  organisationId: string;
  organisationName: string;
  departmentNumber: string;
  departmentName: string;
  /** The department's area status on the available date. */
  areaStatus: AreaStatus | null;
  status: VacancyStatus;
  /** Whether the municipality has made an offer on the unit (answered or not): the report is then final. */
  offerMade: boolean;
  reportedVia: 'officer' | 'partner' | 'import';
  reportedByName: string;
  createdAt: string;
  returnedOn: string | null;
  returnedReason: ReturnReason | null;
  returnedNote: string | null;
  /** Set when the housing organisation withdrew the report, with its reason. */
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  /** When the housing organisation last corrected the report (null: never). */
  correctedAt: string | null;
  /** Rent the municipality pays while the unit stands empty: days from available to let/returned/today. */
  emptyDays: number;
  emptyRent: number;
  liveOffer: OfferView | null;
  tenancy: TenancyView | null;
}

/** Body of POST /api/partner/vacancies: the unit, and a confirmation to report a likely duplicate anyway. */
export interface PartnerVacancyInput extends VacancyInput {
  confirmDuplicate?: boolean;
}

/** Body of PUT /api/partner/vacancies/:id: the corrected unit and why it was corrected. */
export interface PartnerCorrectionInput extends PartnerVacancyInput {
  reason: string;
}

/** Body of POST /api/partner/vacancies/:id/withdraw. */
export interface PartnerWithdrawInput {
  reason: string;
}

/** A vacancy already reported that a new report likely duplicates (same department, address, available date). */
export interface DuplicateVacancy {
  vacancyId: string;
  address: string;
  availableOn: string;
  reportedOn: string;
}

export interface Candidate {
  applicationId: string;
  citizenId: string;
  citizenName: string;
  priority: Priority | null;
  priorityReason: string | null;
  waitingSince: string | null;
  waitingDays: number;
  householdSize: number;
  /** 1-based rank among the eligible; null for the excluded. */
  rank: number | null;
  eligible: boolean;
  checks: Check[];
}

export interface CandidateList {
  vacancyId: string;
  /**
   * The one date every rule was judged on: the date an offer made now is made — today (issue 14 §3;
   * § 59 stk. 6/7 forbid the allocation, which is the offer).
   */
  onDate: string;
  /** The department's area status on `onDate`. */
  areaStatus: AreaStatus | null;
  /** All eligible and excluded; the lists hold the first `eligibleLimit` / `excludedLimit` (default 25) of each. */
  eligibleCount: number;
  excludedCount: number;
  eligible: Candidate[];
  excluded: Candidate[];
}

export interface CensusDay {
  date: string;
  vacancies: {
    vacancyId: string;
    address: string;
    departmentName: string;
    eligibleCount: number;
    excludedCount: number;
    candidates: {
      rank: number;
      applicationId: string;
      citizenName: string;
      priority: Priority | null;
      waitingDays: number;
    }[];
  }[];
}

export interface OfferInput {
  applicationId: string;
  /** Default: today + replyDays. */
  replyBy?: string;
}

export interface DeclineInput {
  reason: DeclineReason;
  note?: string;
}

export interface AcceptInput {
  leaseSignedOn?: string | null;
  plannedMoveInOn?: string | null;
}

export type { AllocationSettings, Check };
