import type { ReportedCount } from '../suppression';
import type { YouthIndicatorYear } from '../youth/indicators';
import type { ReportedIndicator } from './indicators';

/**
 * The status to the social committee (Socialudvalget, seeds/000 "Opfølgning"; issue 18 §5): for a
 * chosen period, the homelessness indicators, the monthly flow, the week-6 counts beside the national
 * totals, the status of the plan's three initiatives (young people's transitions, eviction
 * prevention, housing supply) and the waiting-list figures of the two yearly budget follow-ups, with
 * an introduction the administration writes. Figures only, every count suppressed (rule 33).
 */

/** The longest introduction (a page or two of the committee's paper). */
export const INTRODUCTION_MAX_LENGTH = 8000;

export interface CommitteeIntroduction {
  text: string;
  updatedAt: string | null;
  updatedByName: string | null;
}

export interface CommitteeFlowMonth {
  monthEnd: string;
  active: ReportedCount;
  inflow: ReportedCount;
  outflow: ReportedCount;
}

export interface CommitteeCountYear {
  year: number;
  total: ReportedCount;
  youth18to29: ReportedCount;
  /** VIVE's national total of the year, for context (rule 9). */
  national: number | null;
}

/** Eviction prevention in the period: notices received, their cases and how those ended so far. */
export interface CommitteePrevention {
  notices: ReportedCount;
  cases: ReportedCount;
  averted: ReportedCount;
  moved: ReportedCount;
  evicted: ReportedCount;
  /** Cases without an outcome yet. */
  open: ReportedCount;
}

/** The waiting list now and at each budget follow-up (the allocation module's snapshots). */
export interface CommitteeWaitingList {
  now: ReportedCount;
  snapshots: { label: string; takenOn: string; total: ReportedCount }[];
}

/** GET /api/insight/committee-report. */
export interface CommitteeReport {
  municipality: string;
  from: string;
  to: string;
  madeOn: string;
  introduction: CommitteeIntroduction;
  indicators: ReportedIndicator[];
  flow: CommitteeFlowMonth[];
  counts: CommitteeCountYear[];
  youth: YouthIndicatorYear[];
  prevention: CommitteePrevention;
  waitingList: CommitteeWaitingList;
}

/** PUT /api/insight/committee-report/introduction. */
export interface CommitteeIntroductionInput {
  from: string;
  to: string;
  text: string;
}
