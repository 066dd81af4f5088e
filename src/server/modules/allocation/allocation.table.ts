import type { Generated, Selectable } from 'kysely';
import type { MemberInput } from '../../../shared/allocation/api';
import type {
  ApplicationStatus,
  CaseworkerArea,
  DeclineReason,
  OfferStatus,
  Priority,
  ReturnReason,
  TargetGround,
  VacancyOrigin,
  VacancyStatus,
} from '../../../shared/allocation/model';
import type { UnitType } from '../../../shared/housing/supply';

/** numeric columns arrive as strings (exact decimals); the repository converts them. */
type Numeric = string | number;
/** jsonb columns: written as JSON text, read back parsed. */
type Json<T> = T | string;

export interface AllocationSettingsTable {
  municipality_id: string;
  settings: Json<Record<string, unknown>>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface AllocationApplicationTable {
  id: Generated<string>;
  municipality_id: string;
  citizen_id: string;
  area: CaseworkerArea;
  status: ApplicationStatus;
  target_grounds: Json<TargetGround[]>;
  justification: string;
  rooms_min: number;
  rooms_max: number | null;
  monthly_income: Numeric;
  fixed_costs: Numeric;
  accessible_need: boolean;
  wished_department_ids: Json<string[]>;
  excluded_department_ids: Json<string[]>;
  youth_wish: boolean;
  in_education: boolean;
  education_planned: boolean;
  youth_special_need: boolean;
  members: Json<(MemberInput & { id: string })[]>;
  household_size: number;
  priority: Priority | null;
  priority_reason: string | null;
  waiting_since: string | null;
  decision_reason: string | null;
  info_request: string | null;
  paused_until: string | null;
  refusals: Generated<number>;
  submitted_by: string;
  submitted_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Drawn from a sequence by the database on every insert and update: the key of the ranking's caches. */
  row_version: Generated<number>;
}

/** One row per municipality: a new number in every committed transaction that changed its applications or offers. */
export interface AllocationListVersionTable {
  municipality_id: string;
  version: number;
}

/**
 * Per application, the list version of the last commit that changed it or one of its offers
 * (migration 0010): the applications changed since a ranking at version v are those above v.
 */
export interface AllocationListChangeTable {
  application_id: string;
  municipality_id: string;
  version: number;
}

export interface ApplicationEventTable {
  id: Generated<string>;
  municipality_id: string;
  application_id: string;
  action: string;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  reason: string | null;
  at: Generated<Date>;
  by_user: string | null;
}

export interface ApplicationDocumentTable {
  id: Generated<string>;
  municipality_id: string;
  application_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer | Uint8Array;
  uploaded_at: Generated<Date>;
  uploaded_by: string | null;
}

export interface VacancyTable {
  id: Generated<string>;
  municipality_id: string;
  department_id: string;
  address: string;
  unit_type: UnitType;
  rooms: number;
  area_m2: Numeric;
  rent: Numeric;
  utilities: Numeric;
  deposit: Numeric;
  accessible: boolean;
  available_on: string;
  origin: VacancyOrigin;
  deadline_on: string;
  status: Generated<VacancyStatus>;
  returned_on: string | null;
  returned_reason: ReturnReason | null;
  returned_note: string | null;
  /** Migration 0012: the housing organisation's withdrawal and last correction (issue 14 §3). */
  withdrawn_on: Generated<string | null>;
  withdrawn_reason: Generated<string | null>;
  corrected_at: Generated<Date | null>;
  reported_via: 'officer' | 'partner' | 'import';
  reported_by: string | null;
  import_key: string | null;
  created_at: Generated<Date>;
}

export interface OfferTable {
  id: Generated<string>;
  municipality_id: string;
  vacancy_id: string;
  application_id: string;
  status: Generated<OfferStatus>;
  offered_at: Generated<Date>;
  offered_by: string | null;
  reply_by: string;
  responded_at: Date | null;
  responded_by: string | null;
  decline_reason: DeclineReason | null;
  counts_as_refusal: Generated<boolean>;
  note: string | null;
}

export interface TenancyTable {
  id: Generated<string>;
  municipality_id: string;
  vacancy_id: string;
  offer_id: string;
  application_id: string;
  citizen_id: string;
  accepted_on: string;
  lease_signed_on: string | null;
  planned_move_in_on: string | null;
  moved_in_on: string | null;
  created_at: Generated<Date>;
}

export interface CensusRunTable {
  municipality_id: string;
  vacancy_id: string;
  census_date: string;
  eligible_count: number;
  excluded_count: number;
  taken_at: Generated<Date>;
}

export interface CensusEntryTable {
  municipality_id: string;
  vacancy_id: string;
  census_date: string;
  application_id: string;
  rank: number;
  priority: Priority | null;
  waiting_days: number;
}

export interface WaitingListSnapshotTable {
  id: Generated<string>;
  municipality_id: string;
  taken_on: string;
  label: string;
  counts: Json<Record<string, unknown>>;
  taken_at: Generated<Date>;
  taken_by: string | null;
}

export type ApplicationRow = Selectable<AllocationApplicationTable>;
export type VacancyRow = Selectable<VacancyTable>;
export type OfferRow = Selectable<OfferTable>;
export type TenancyRow = Selectable<TenancyTable>;

declare module '../../db/schema' {
  /** The allocation module's tables. */
  interface Database {
    allocation_settings: AllocationSettingsTable;
    allocation_application: AllocationApplicationTable;
    allocation_list_version: AllocationListVersionTable;
    allocation_list_change: AllocationListChangeTable;
    application_event: ApplicationEventTable;
    application_document: ApplicationDocumentTable;
    vacancy: VacancyTable;
    offer: OfferTable;
    tenancy: TenancyTable;
    census_run: CensusRunTable;
    census_entry: CensusEntryTable;
    waiting_list_snapshot: WaitingListSnapshotTable;
  }
}
