import type { ReportedCountAt } from '../suppression';
import type {
  ContactGapSetting,
  ContactKind,
  CtiPhase,
  EndReason,
  LegalBasis,
  Method,
  MethodSettings,
  RetentionMonth,
} from './model';
import type { PatternWarning, PhasePattern } from './rules';

/** Shapes of the support API (issue 15), shared by the server's schemas and the web client. */

export interface CatalogueMethod {
  method: Method;
  /** The norms in force today. */
  current: MethodSettings;
  /** Every dated setting, newest first (the shipped defaults when none is stored). */
  history: MethodSettings[];
}

export interface Catalogue {
  methods: CatalogueMethod[];
  contactGap: { current: ContactGapSetting; history: ContactGapSetting[] };
}

export type MethodSettingsInput = Omit<MethodSettings, 'method'>;

export interface TeamView {
  id: string;
  name: string;
  /** An ACT team: every member shares the team's caseload. */
  sharedCaseload: boolean;
  members: number;
  fte: number;
}

export interface TeamInput {
  name: string;
  sharedCaseload: boolean;
}

export interface WorkerView {
  id: string;
  userId: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  fte: number;
  active: boolean;
}

export interface WorkerInput {
  userId: string;
  teamId: string | null;
  fte: number;
}

export interface WorkerUpdate {
  teamId: string | null;
  fte: number;
  active: boolean;
}

/** A user of the support role who is not yet registered as a worker. */
export interface WorkerCandidate {
  userId: string;
  name: string;
}

export interface EnrollmentInput {
  citizenId: string;
  method: Method;
  /** Exactly one of worker and team; a support worker without `support.all` may name only herself or her team. */
  workerId: string | null;
  teamId: string | null;
  decisionOn: string;
  legalBasis: LegalBasis;
  /** § 85 a: the citizen's own choice of provider, whether it was followed, and why not. */
  providerWish: string | null;
  providerWishFollowed: boolean | null;
  providerWishReason: string | null;
  startOn: string;
  /** Not for ICM, ACT and § 85 (rule 17); computed for CTI (rule 16). */
  plannedEndOn: string | null;
}

export interface EnrollmentSummary {
  id: string;
  citizenId: string;
  citizenName: string;
  method: Method;
  workerName: string | null;
  teamName: string | null;
  startOn: string;
  plannedEndOn: string | null;
  endOn: string | null;
  phase: CtiPhase | null;
  lastContactOn: string | null;
  daysWithoutContact: number | null;
  /** Days without contact before a task (the dated setting). */
  contactGapDays: number;
}

export interface ContactView {
  id: string;
  contactOn: string;
  kind: ContactKind;
  byName: string;
  /** Only for users allowed to read sensitive data; null otherwise. */
  note: string | null;
}

export interface ContactInput {
  contactOn: string;
  kind: ContactKind;
  note: string | null;
}

export interface PhaseInput {
  phase: CtiPhase;
  fromOn: string;
}

export interface EndInput {
  endOn: string;
  endReason: EndReason;
}

export interface EnrollmentDetail extends EnrollmentSummary {
  workerId: string | null;
  teamId: string | null;
  decisionOn: string;
  legalBasis: LegalBasis;
  providerWish: string | null;
  providerWishFollowed: boolean | null;
  providerWishReason: string | null;
  endReason: EndReason | null;
  phases: { phase: CtiPhase; fromOn: string }[];
  /** CTI: the planned start of each phase. */
  plannedPhases: { phase: CtiPhase; fromOn: string }[];
  contacts: ContactView[];
  /** CTI: contacts per phase against the planned pattern (rule 18). */
  pattern: { phases: PhasePattern[]; warnings: PatternWarning[] } | null;
  /** The user may read and write notes (sensitive data). */
  notesVisible: boolean;
}

export interface CaseloadLineView {
  method: Method;
  active: number;
  capacity: number | null;
}

export interface CaseloadView {
  /** The acting user's worker record; null for users who see every enrollment. */
  worker: WorkerView | null;
  team: TeamView | null;
  lines: CaseloadLineView[];
  load: number | null;
  overNorm: boolean;
  enrollments: EnrollmentSummary[];
  /** CTI enrollments whose contact pattern warns (rule 18). */
  patternWarnings: { enrollmentId: string; citizenName: string; warnings: PatternWarning[] }[];
}

/** The leader's overview: aggregates only, counts suppressed below 5. */
export interface FidelityOverview {
  onDate: string;
  units: {
    kind: 'team' | 'worker';
    id: string;
    name: string;
    teamName: string | null;
    fte: number;
    active: ReportedCountAt;
    load: number | null;
    overNorm: boolean;
  }[];
  methods: { method: Method; active: ReportedCountAt; capacity: number | null }[];
  ctiPatternWarnings: ReportedCountAt;
  months: { month: string; active: ReportedCountAt; started: ReportedCountAt; ended: ReportedCountAt }[];
}

export interface RetentionCell {
  due: ReportedCountAt;
  housed: ReportedCountAt;
  /** Share housed of those due (percent, one decimal); null when suppressed or none due. */
  percent: number | null;
}

export interface RetentionRow {
  group: 'all' | 'method' | 'team';
  key: string;
  tenancies: ReportedCountAt;
  cells: Record<`m${RetentionMonth}`, RetentionCell>;
}

export interface RetentionReport {
  onDate: string;
  rows: RetentionRow[];
}
