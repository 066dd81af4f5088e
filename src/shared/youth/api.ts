import type {
  DecisionOutcome,
  EducationStatus,
  KuiStatus,
  ServiceArea,
  YouthPlacementType,
  YouthSupportKind,
} from './model';
import type { DecisionTiming } from './rules';

/** A caseworker pair (parløb) as the API shows it. */
export interface YouthPair {
  childUserId: string;
  childName: string | null;
  adultUserId: string;
  adultName: string | null;
  fromAge: number;
  active: boolean;
}

/** One young person of GET /api/youth. */
export interface YoungPersonItem {
  citizenId: string;
  name: string | null;
  birthDate: string;
  age: number;
  situation: string | null;
  educationStatus: EducationStatus | null;
  placedNow: boolean;
  formerlyPlaced: boolean;
  decisionDeadline: string | null;
  decisionOutcome: DecisionOutcome | null;
  pair: YouthPair | null;
}

/** GET /api/youth/:citizenId. */
export interface YouthProfileView {
  citizenId: string;
  name: string | null;
  birthDate: string;
  age: number;
  profile: {
    educationStatus: EducationStatus;
    kuiStatus: KuiStatus;
    specialNeed: boolean;
    ownGoals: string | null;
    housingNote: string | null;
  } | null;
  placements: {
    id: string;
    placementType: YouthPlacementType;
    fromDate: string;
    toDate: string | null;
    note: string | null;
  }[];
  supports: {
    id: string;
    kind: YouthSupportKind;
    fromDate: string;
    toDate: string | null;
    provider: string | null;
    active: boolean;
  }[];
  decisions: {
    id: string;
    decidedOn: string;
    outcome: DecisionOutcome;
    note: string | null;
    timing: DecisionTiming;
  }[];
  placedNow: boolean;
  leftCareAt18: boolean;
  decisionDeadline: string;
  decisionClockStart: string;
  ungestoette: { from: string; until: string; availableNow: boolean };
  kuiCovered: boolean | null;
  youthUnit: { eligible: boolean; key: string; ageLimit: number } | null;
  housingApplicationId: string | null;
  pair: YouthPair | null;
}

export interface YouthCaseworker {
  id: string;
  name: string;
  serviceArea: ServiceArea | null;
}

export interface ProfileInput {
  educationStatus: EducationStatus;
  kuiStatus: KuiStatus;
  specialNeed: boolean;
  ownGoals?: string;
  housingNote?: string;
}

export interface PlacementInput {
  placementType: YouthPlacementType;
  fromDate: string;
  toDate?: string;
  note?: string;
}

export interface SupportInput {
  kind: YouthSupportKind;
  fromDate: string;
  toDate?: string;
  provider?: string;
}

export interface DecisionInput {
  decidedOn: string;
  outcome: DecisionOutcome;
  note?: string;
}

export interface PairingInput {
  childUserId: string;
  adultUserId: string;
  fromAge: number;
}
