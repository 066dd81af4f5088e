import type {
  AppUserTable,
  LoginThrottleTable,
  MunicipalityTable,
  RolePermissionTable,
  RoleTable,
  SessionTable,
} from '../modules/access/access.table';
import type {
  AllocationApplicationTable,
  AllocationListChangeTable,
  AllocationListVersionTable,
  AllocationSettingsTable,
  ApplicationDocumentTable,
  ApplicationEventTable,
  CensusEntryTable,
  CensusRunTable,
  OfferTable,
  TenancyTable,
  VacancyTable,
  WaitingListSnapshotTable,
} from '../modules/allocation/allocation.table';
import type { AuditChainHeadTable, AuditEventTable } from '../modules/audit/audit.table';
import type {
  CitizenContactTable,
  CitizenCprChangeTable,
  CitizenMergeTable,
  CitizenPolicyTable,
  CitizenSensitiveTable,
  CitizenTable,
  ConsentTable,
  DuplicateCandidateTable,
  HouseholdMemberTable,
  WhereaboutsEpisodeTable,
} from '../modules/citizens/citizens.table';
import type {
  AgreementQuotaTable,
  DepartmentAreaStatusTable,
  FrameworkAgreementTable,
  HousingDepartmentTable,
  HousingOrganisationContactTable,
  HousingOrganisationTable,
  PipelineProjectTable,
  SubsidyPoolTable,
  SubsidyPoolUnitTable,
} from '../modules/housing/housing.table';
import type {
  EvictionActionTable,
  EvictionCaseTable,
  EvictionNoticeTable,
  PreventionSettingsTable,
} from '../modules/prevention/prevention.table';

/** Every table Kysely knows, each owned by one module (see its *.table.ts). */
export interface Database {
  municipality: MunicipalityTable;
  role: RoleTable;
  role_permission: RolePermissionTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
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
  housing_organisation: HousingOrganisationTable;
  housing_organisation_contact: HousingOrganisationContactTable;
  housing_department: HousingDepartmentTable;
  department_area_status: DepartmentAreaStatusTable;
  framework_agreement: FrameworkAgreementTable;
  agreement_quota: AgreementQuotaTable;
  subsidy_pool: SubsidyPoolTable;
  subsidy_pool_unit: SubsidyPoolUnitTable;
  pipeline_project: PipelineProjectTable;
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
  eviction_case: EvictionCaseTable;
  eviction_notice: EvictionNoticeTable;
  eviction_action: EvictionActionTable;
  prevention_settings: PreventionSettingsTable;
}
