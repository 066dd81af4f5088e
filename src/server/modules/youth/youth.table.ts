import type { Generated, Selectable } from 'kysely';
import type {
  DecisionOutcome,
  EducationStatus,
  KuiStatus,
  ServiceArea,
  YouthPlacementType,
  YouthSupportKind,
} from '../../../shared/youth/model';

/** A young person's youth profile (one per citizen aged 15–29). */
export interface YouthProfileTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  education_status: EducationStatus;
  kui_status: KuiStatus;
  /** A special need (rule 26: grounds youth-unit eligibility). */
  special_need: boolean;
  /** The young person's own goals, wishes and dreams, in their own words. */
  own_goals: string | null;
  housing_note: string | null;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** A placement outside the home (anbringelse). */
export interface YouthPlacementTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  placement_type: YouthPlacementType;
  from_date: string;
  to_date: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** A support of a young person (ungestøtte, efterværn, mentor, ungeguide, støttekontaktperson). */
export interface YouthSupportTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  kind: YouthSupportKind;
  from_date: string;
  to_date: string | null;
  provider: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** A decision on youth support (Barnets Lov § 111); the newest counts. */
export interface YouthDecisionTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  decided_on: string;
  outcome: DecisionOutcome;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** The pairing (parløb) of a child/youth-area and an adult-area caseworker around a young person. */
export interface YouthPairingTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  child_user_id: string;
  adult_user_id: string;
  from_age: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export type YouthPlacementRow = Selectable<YouthPlacementTable>;
export type YouthSupportRow = Selectable<YouthSupportTable>;

declare module '../../db/schema' {
  /** The youth module's tables, and the caseworker's service area on app_user (migration 0028). */
  interface Database {
    youth_profile: YouthProfileTable;
    youth_placement: YouthPlacementTable;
    youth_support: YouthSupportTable;
    youth_decision: YouthDecisionTable;
    youth_pairing: YouthPairingTable;
  }
}

/** The service area of a caseworker (column app_user.service_area, migration 0028). */
export type UserServiceArea = ServiceArea | null;
