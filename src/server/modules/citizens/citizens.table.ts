import type { Generated, Selectable } from 'kysely';
import type { Situation } from '../../../shared/citizens/whereabouts';

export interface CitizenTable {
  id: Generated<string>;
  municipality_id: string;
  /** Ten digits, no hyphen; null for people without a CPR number. */
  cpr: string | null;
  birth_date: string;
  sex: 'male' | 'female' | null;
  initials: string | null;
  given_name: string | null;
  family_name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** Kommunekode of the acting municipality (handlekommune). */
  handlekommune: string | null;
  registered_on: Generated<string>;
  moved_away_on: string | null;
  died_on: string | null;
  /** Set while this record is merged into another (the survivor). */
  merged_into: string | null;
  name_search: Generated<string>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Generated<Date>;
}

export interface CitizenCprChangeTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  old_cpr: string;
  new_cpr: string;
  changed_on: string;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

export interface CitizenSensitiveTable {
  citizen_id: string;
  municipality_id: string;
  mental_illness: boolean;
  substance_abuse: boolean;
  formerly_placed: boolean;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface HouseholdMemberTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  kind: 'adult' | 'child';
  name: string;
  birth_date: string;
  cpr: string | null;
  added_on: Generated<string>;
  ended_on: string | null;
}

export interface ConsentTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  purpose: string;
  given_on: string;
  expires_on: string | null;
  withdrawn_on: string | null;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

export interface WhereaboutsEpisodeTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  situation: Situation;
  from_date: string;
  release_date: string | null;
  housing_solution: boolean | null;
  has_contract: boolean | null;
  temporary: boolean | null;
  because_of_homelessness: boolean | null;
  note: string | null;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
  retracted_at: Date | null;
  retracted_by: string | null;
  retract_reason: string | null;
}

export interface CitizenContactTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  contact_on: string;
  channel: 'meeting' | 'phone' | 'outreach' | 'other';
  note: string | null;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

export interface DuplicateCandidateTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_a: string;
  citizen_b: string;
  score: number;
  status: Generated<'open' | 'merged' | 'dismissed'>;
  created_at: Generated<Date>;
  resolved_at: Date | null;
  resolved_by: string | null;
}

export interface CitizenMergeTable {
  id: Generated<string>;
  municipality_id: string;
  survivor_id: string;
  merged_id: string;
  candidate_id: string | null;
  merged_at: Generated<Date>;
  merged_by: string | null;
  undone_at: Date | null;
  undone_by: string | null;
}

export interface CitizenPolicyTable {
  municipality_id: string;
  no_contact_days: Generated<number>;
  institution_days: Generated<number>;
}

export type CitizenRow = Selectable<CitizenTable>;
export type EpisodeRow = Selectable<WhereaboutsEpisodeTable>;
export type ContactRow = Selectable<CitizenContactTable>;
export type ConsentRow = Selectable<ConsentTable>;

declare module '../../db/schema' {
  /** The citizens module's tables. */
  interface Database {
    citizen: CitizenTable;
    citizen_cpr_change: CitizenCprChangeTable;
    citizen_sensitive: CitizenSensitiveTable;
    household_member: HouseholdMemberTable;
    consent: ConsentTable;
    whereabouts_episode: WhereaboutsEpisodeTable;
    citizen_contact: CitizenContactTable;
    duplicate_candidate: DuplicateCandidateTable;
    citizen_merge: CitizenMergeTable;
    citizen_policy: CitizenPolicyTable;
  }
}
