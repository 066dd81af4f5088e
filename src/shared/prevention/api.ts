import type { ReportedCountAt } from '../suppression';
import type { Duty } from './clocks';
import type { ActionKind, DepositLoanLimit, EvictionStep, NoticeSource, Outcome, ReportedVia } from './model';

/** Shapes of the prevention API (issue 6), shared by the server's schemas and the web client. */

export interface NoticeInput {
  source: NoticeSource;
  receivedOn: string;
  /** The tenant: CPR (links or creates the citizen), or at least the name. */
  tenantCpr: string | null;
  tenantName: string;
  address: string;
  /** Public housing: the department (its organisation follows). */
  departmentId: string | null;
  arrearsAmount: number;
  arrearsMonths: number;
  paakravOn: string | null;
  terminationOn: string | null;
  bailiffFiledOn: string | null;
  evictionDate: string | null;
  childrenUnder18: boolean;
}

export interface NoticeCreated {
  caseId: string;
  noticeId: string;
  citizenId: string | null;
  /** A new citizen was registered from the CPR number. */
  citizenCreated: boolean;
  /** The notice joined an open case for the same tenancy. */
  joinedCase: boolean;
}

export interface NoticeView extends NoticeInput {
  id: string;
  step: EvictionStep;
  /** påkrav + 14 days: termination is allowed only after this (rule 27). */
  paakravDeadline: string | null;
  reportedVia: ReportedVia;
  reportedByName: string;
  createdAt: string;
}

export interface ActionInput {
  kind: ActionKind;
  doneOn: string;
  result: string | null;
  amount: number | null;
  /** fast_track: the benefits office's response deadline. */
  respondBy: string | null;
}

export interface ActionView extends ActionInput {
  id: string;
  respondedOn: string | null;
  createdByName: string;
}

export interface CaseSummary {
  id: string;
  citizenId: string | null;
  tenantName: string;
  address: string;
  organisationName: string | null;
  departmentName: string | null;
  childrenUnder18: boolean;
  knownNeed: boolean;
  openedOn: string;
  status: 'open' | 'closed';
  outcome: Outcome | null;
  step: EvictionStep;
  sources: NoticeSource[];
  arrearsAmount: number;
  evictionDate: string | null;
  notices: number;
  duties: Duty[];
  /** Any duty overdue: red in the inbox. */
  overdue: boolean;
}

/** The inbox shows this many cases a page, the most urgent first. */
export const INBOX_PAGE_SIZE = 50;

/** One line of the inbox: only what the list shows. */
export type InboxCase = Pick<
  CaseSummary,
  | 'id'
  | 'tenantName'
  | 'address'
  | 'organisationName'
  | 'departmentName'
  | 'childrenUnder18'
  | 'knownNeed'
  | 'status'
  | 'outcome'
  | 'step'
  | 'arrearsAmount'
  | 'evictionDate'
  | 'notices'
  | 'duties'
  | 'overdue'
>;

/**
 * A page of the inbox (GET /api/prevention/cases?status&page). Open cases come in the order of
 * `compareUrgency` (overdue duties, then children under 18, then the nearest date) over all open
 * cases, so page 1 holds exactly the most urgent ones; closed cases come newest first.
 */
export interface CasesPage {
  items: InboxCase[];
  page: number;
  pageSize: number;
  /** Cases with this status, on all pages. */
  total: number;
  /** Of them, cases with an overdue duty, on all pages. */
  overdue: number;
}

export interface CaseDetail extends CaseSummary {
  departmentId: string | null;
  outcomeOn: string | null;
  outcomeNote: string | null;
  noHelpDecisionOn: string | null;
  noHelpReason: string | null;
  noticeList: NoticeView[];
  actions: ActionView[];
  /** Days from the first notice to the outcome. */
  daysToOutcome: number | null;
}

export interface DecisionInput {
  decidedOn: string;
  reason: string;
}

export interface OutcomeInput {
  outcome: Outcome;
  outcomeOn: string;
  note: string | null;
}

/**
 * The monitoring's figures with counts of type `C`: exact (numbers) for case work, reported (small
 * numbers suppressed at the municipality's limit, rule 33) for the roles outside it.
 */
export interface MonitoringFigures<C> {
  from: string;
  to: string;
  months: { month: string; notices: C; withChildren: C; evicted: C; averted: C }[];
  totals: {
    notices: C;
    cases: C;
    withChildren: C;
    evicted: C;
    averted: C;
    moved: C;
  };
  /** Share of cases with children under 18 (0–1); null where it would tell a suppressed count. */
  shareWithChildren: number | null;
  medianDaysToOutcome: number | null;
  byOrganisation: {
    organisationId: string | null;
    organisationName: string | null;
    notices: C;
    evicted: C;
  }[];
  /** Departments with notices in the last 3 months against the 3 before; rising = early warning. */
  byDepartment: {
    departmentId: string;
    departmentName: string;
    organisationName: string;
    notices: C;
    last3Months: C;
    previous3Months: C;
    rising: boolean;
  }[];
}

/** GET /api/prevention/monitoring: exact in case work, suppressed outside it. */
export type MonitoringReport = MonitoringFigures<ReportedCountAt>;

export interface PreventionSettings {
  depositLoanLimits: DepositLoanLimit[];
}
