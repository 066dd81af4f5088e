import type { StayRefundLimit } from '../shelters/rules';
import type { ReportedCountAt } from '../suppression';
import type { CitizenGroup, EconomicsSettings } from './model';
import type { ReportedFigures } from './report';

export type { ReportedFigures };

/** One month of costs and refunds (kroner; null where suppressed). */
export interface EconomicsMonth extends ReportedFigures {
  /** The month's first day. */
  month: string;
}

/** One month of the dilemma: stay days within and beyond the refund limit. */
export interface DilemmaMonth {
  month: string;
  /** Citizens with stay days beyond the limit this month. */
  citizensBeyond: ReportedCountAt;
  refundedDays: number | null;
  /** The municipality's share of the refunded days' net cost (after the refund). */
  refundedMunicipal: number | null;
  beyondDays: number | null;
  /** The net cost of the days beyond the limit: the municipality's alone. */
  beyondNet: number | null;
}

/** What the beyond-limit money buys as housing plus support, per Housing First method. */
export interface HousingFirstComparison {
  method: 'cti' | 'icm' | 'act';
  supportMonthly: number | null;
  housingMonthly: number;
  /** Citizen-months of housing + support the beyond-limit cost pays for. */
  months: number | null;
  /** The same with the § 176 a stk. 1 refund of the support. */
  monthsWithRefund: number | null;
}

export interface EconomicsReport {
  from: string;
  /** Exclusive. */
  until: string;
  handlekommune: string;
  months: EconomicsMonth[];
  total: ReportedFigures;
  groups: (ReportedFigures & { group: CitizenGroup | 'youth' | 'total' })[];
  dilemma: {
    months: DilemmaMonth[];
    total: Omit<DilemmaMonth, 'month'> & { lostRefund: number | null };
    housingFirst: HousingFirstComparison[];
  };
  /** Shelter days with no daily rate in force (priced at 0 kr.): a rate is missing. */
  daysWithoutRate: number;
  settings: EconomicsSettings;
  limits: StayRefundLimit[];
}

/** A dated stay-refund limit as the settings list it. */
export interface LimitView extends StayRefundLimit {
  /** Shipped with the system, or set by the municipality. */
  source: 'default' | 'municipality';
}

export interface EconomicsSettingsView {
  current: EconomicsSettings;
  /** Newest first; the shipped defaults last while they apply. */
  history: (EconomicsSettings & { source: 'default' | 'municipality' })[];
  /** The limits in force, oldest first. */
  limits: LimitView[];
  currentLimit: number | null;
}

export type EconomicsSettingsInput = Omit<EconomicsSettings, never>;
export interface LimitInput {
  validFrom: string;
  days: number | null;
}
