import type { ReportedCountAt } from '../suppression';
import type { DischargeDestination, ShelterKind } from './model';
import type { DischargeBlocker, NotificationStatus } from './rules';
import type { LengthBand, ReportGap } from './statistics';

/** A shelter as the administrator lists it. */
export interface ShelterSummary {
  id: string;
  name: string;
  kind: ShelterKind;
  places: number;
  onTilbudsportalen: boolean;
  /** The daily rate (takst) in force today, kroner. */
  dailyRate: number | null;
  residents: number;
}

export interface ShelterInput {
  name: string;
  kind: ShelterKind;
  places: number;
  onTilbudsportalen: boolean;
  dailyRate: number;
  rateFrom: string;
}

/** One stay as the shelter's staff see it. */
export interface Stay {
  id: string;
  citizenId: string;
  name: string | null;
  birthDate: string | null;
  admittedOn: string;
  admissionDecidedOn: string;
  handlekommune: string;
  /** The handlekommune is a municipality of this deployment: the notification goes to its inbox. */
  handlekommuneInDeployment: boolean;
  /** The last day to notify the handlekommune (§ 110 stk. 6). */
  notifyBy: string;
  notifiedOn: string | null;
  notification: NotificationStatus;
  dischargedOn: string | null;
  dischargedTo: DischargeDestination | null;
  dischargeReason: string | null;
  municipalDischarge: boolean;
}

export interface Residents {
  shelter: { id: string; name: string; places: number };
  residents: Stay[];
  discharged: Stay[];
}

export interface AdmissionInput {
  cpr?: string;
  birthDate?: string;
  initials?: string;
  givenName?: string;
  familyName?: string;
  admittedOn: string;
  admissionDecidedOn: string;
  handlekommune: string;
}

/** Stay lengths of a shelter or of all (issue 16 §10); counts as reported (small numbers suppressed). */
export interface StayLengthFigures {
  current: { count: ReportedCountAt; medianNights: number | null };
  completed: {
    count: ReportedCountAt;
    medianNights: number | null;
    meanNights: number | null;
    distribution: Record<LengthBand, ReportedCountAt>;
  };
}

export interface StayLengths {
  asOf: string;
  /** Completed stays are those ended from this day (12 months back). */
  completedSince: string;
  shelters: ({ id: string; name: string; places: number } & StayLengthFigures)[];
  total: StayLengthFigures;
  quarters: {
    quarter: string;
    admitted: ReportedCountAt;
    completed: ReportedCountAt;
    medianNights: number | null;
  }[];
}

/** The completeness check of a quarter's stay report to Danmarks Statistik (issue 16 §9). */
export interface StayReportCheck {
  quarter: string;
  shelter: { id: string; name: string };
  stays: number;
  complete: number;
  gaps: Record<ReportGap, number>;
  incomplete: {
    stayId: string;
    citizenId: string;
    name: string | null;
    admittedOn: string;
    dischargedOn: string | null;
    gaps: ReportGap[];
  }[];
}

/** A § 110 stk. 6 notification in the handlekommune's inbox: only the notified facts. */
export interface ShelterNotification {
  id: string;
  shelterName: string;
  fromMunicipality: string;
  cpr: string | null;
  birthDate: string | null;
  initials: string | null;
  name: string | null;
  admittedOn: string;
  admissionDecidedOn: string;
  notifiedOn: string;
  /** The citizen of the municipality's by-name list it is linked to. */
  citizenId: string | null;
  /** The citizen of the by-name list with the notification's CPR number, while not linked. */
  matchCitizenId: string | null;
  acknowledgedOn: string | null;
  acknowledgedBy: string | null;
}

/** How a notification is acknowledged: as it is, linked to the CPR match, or registering the citizen. */
export type AcknowledgeLink = 'none' | 'match' | 'register';

/** The conditions of a municipal discharge (§ 110 stk. 5, rule 12) on a day, gathered from the data. */
export interface DischargeConditions {
  onDate: string;
  plan: 'action_plan' | 'coherent_plan' | 'missing';
  housingAllocated: boolean;
  supportDecided: boolean;
  leaseSignedOn: string | null;
  leaseSigned: boolean;
  moveInOn: string | null;
  canMoveIn: boolean;
  careDecision: { kind: 's107' | 's108'; decidedOn: string; moveInOn: string } | null;
  blockers: DischargeBlocker[];
}
