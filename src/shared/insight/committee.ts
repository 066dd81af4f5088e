import type { ReportedScenario } from '../planning/api';
import type { ReportedCountAt } from '../suppression';
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
  active: ReportedCountAt;
  inflow: ReportedCountAt;
  outflow: ReportedCountAt;
}

export interface CommitteeCountYear {
  year: number;
  total: ReportedCountAt;
  youth18to29: ReportedCountAt;
  /** VIVE's national total of the year, for context (rule 9). */
  national: number | null;
}

/** Eviction prevention in the period: notices received, their cases and how those ended so far. */
export interface CommitteePrevention {
  notices: ReportedCountAt;
  cases: ReportedCountAt;
  averted: ReportedCountAt;
  moved: ReportedCountAt;
  evicted: ReportedCountAt;
  /** Cases without an outcome yet. */
  open: ReportedCountAt;
}

/** The waiting list now and at each budget follow-up (the allocation module's snapshots). */
export interface CommitteeWaitingList {
  now: ReportedCountAt;
  snapshots: { label: string; takenOn: string; total: ReportedCountAt }[];
}

/** GET /api/insight/committee-report. */
export interface CommitteeReport {
  municipality: string;
  /** The municipality's limit for small numbers (rule 33) every figure is suppressed at. */
  suppressionLimit: number;
  from: string;
  to: string;
  madeOn: string;
  /** When the figures were computed (kept for every process, ADR 0026). */
  computedAt: string;
  introduction: CommitteeIntroduction;
  indicators: ReportedIndicator[];
  flow: CommitteeFlowMonth[];
  counts: CommitteeCountYear[];
  youth: YouthIndicatorYear[];
  prevention: CommitteePrevention;
  waitingList: CommitteeWaitingList;
  /** The planning scenarios added to the report, oldest first (issue 19 §4). */
  planning: ReportedScenario[];
}

/** PUT /api/insight/committee-report/introduction. */
export interface CommitteeIntroductionInput {
  from: string;
  to: string;
  text: string;
}
