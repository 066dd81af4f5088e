import type { Generated, Selectable } from 'kysely';
import type { AreaStatus, UnitType } from '../../../shared/housing/supply';

/** numeric columns arrive as strings (exact decimals); the repository converts them. */
type Numeric = string | number;

export interface HousingOrganisationTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  address: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: Generated<Date>;
}

export interface HousingOrganisationContactTable {
  municipality_id: string;
  organisation_id: string;
  user_id: string;
}

export interface HousingDepartmentTable {
  id: Generated<string>;
  municipality_id: string;
  organisation_id: string;
  number: string;
  name: string;
  address: string | null;
  units_family: number;
  units_youth: number;
  units_elderly: number;
  units_alternative: number;
  turnover_percent: Numeric;
  created_at: Generated<Date>;
}

export interface DepartmentAreaStatusTable {
  id: Generated<string>;
  municipality_id: string;
  department_id: string;
  status: AreaStatus;
  valid_from: string;
  combined_letting: boolean;
  section_51c: boolean;
  recorded_at: Generated<Date>;
  recorded_by: string | null;
}

export interface FrameworkAgreementTable {
  id: Generated<string>;
  municipality_id: string;
  organisation_id: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
  created_at: Generated<Date>;
}

export interface AgreementQuotaTable {
  id: Generated<string>;
  municipality_id: string;
  agreement_id: string;
  department_id: string;
  unit_type: UnitType;
  quota_percent: Numeric;
  rehousing_percent: Numeric;
}

export interface SubsidyPoolTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
  budget: Numeric;
  amount_per_unit: Numeric;
  monthly_reduction: Numeric;
  rent_min: Numeric;
  rent_max: Numeric;
  created_at: Generated<Date>;
}

export interface SubsidyPoolUnitTable {
  id: Generated<string>;
  municipality_id: string;
  pool_id: string;
  department_id: string;
  address: string;
  rent: Numeric;
  bound_from: string;
  bound_to: string | null;
}

export interface PipelineProjectTable {
  id: Generated<string>;
  municipality_id: string;
  organisation_id: string | null;
  name: string;
  kind: 'new_build' | 'conversion';
  unit_type: UnitType;
  units: number;
  ready_date: string;
  allocation_percent: Numeric;
  note: string | null;
  created_at: Generated<Date>;
}

export type DepartmentRow = Selectable<HousingDepartmentTable>;

declare module '../../db/schema' {
  /** The housing module's tables. */
  interface Database {
    housing_organisation: HousingOrganisationTable;
    housing_organisation_contact: HousingOrganisationContactTable;
    housing_department: HousingDepartmentTable;
    department_area_status: DepartmentAreaStatusTable;
    framework_agreement: FrameworkAgreementTable;
    agreement_quota: AgreementQuotaTable;
    subsidy_pool: SubsidyPoolTable;
    subsidy_pool_unit: SubsidyPoolUnitTable;
    pipeline_project: PipelineProjectTable;
  }
}
