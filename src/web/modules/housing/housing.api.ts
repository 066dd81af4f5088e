import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationStatus, Priority } from '../../../shared/allocation/model';
import type { AreaStatus, UnitType } from '../../../shared/housing/supply';
import { api } from '../../api';
import { TASKS_KEY } from '../tasks';

export type { AreaStatus, UnitType };

/** Units per type, as counted in a department. */
export type UnitCounts = Record<UnitType, number>;

export interface Organisation {
  id: string;
  name: string;
  address: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  departmentCount: number;
}

/** Body of POST /api/housing/organisations. */
export interface OrganisationInput {
  name: string;
  address?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

/** A department's area status from a date (the national lists take effect each 1 December). */
export interface AreaStatusEntry {
  status: AreaStatus;
  validFrom: string;
  /** Combined letting, almenboligloven § 51 b. */
  combinedLetting: boolean;
  /** Mandatory rejection in conversion areas, almenboligloven § 51 c. */
  section51c: boolean;
}

export interface Department {
  id: string;
  organisationId: string;
  organisationName: string;
  number: string;
  name: string;
  address: string | null;
  units: UnitCounts;
  turnoverPercent: number;
  /** The status in force today; null when none is recorded. */
  areaStatus: AreaStatusEntry | null;
}

export interface DepartmentDetail extends Department {
  /** Newest first. */
  areaHistory: (AreaStatusEntry & { id: string })[];
}

/** Body of POST /api/housing/departments. */
export interface DepartmentInput {
  organisationId: string;
  number: string;
  name: string;
  address?: string | null;
  units: UnitCounts;
  turnoverPercent: number;
}

export interface Quota {
  departmentId: string;
  unitType: UnitType;
  quotaPercent: number;
  rehousingPercent: number;
}

export interface Agreement {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  quotas: Quota[];
}

/** Body of POST /api/housing/agreements and PUT /api/housing/agreements/:id. */
export interface AgreementInput {
  organisationId: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  quotas: Quota[];
}

export interface ExpectedLine {
  unitType: UnitType;
  units: number;
  turnoverPercent: number;
  quotaPercent: number;
  perYear: number;
  perQuarter: number;
}

export interface ExpectedPipeline {
  id: string;
  name: string;
  unitType: UnitType;
  units: number;
  readyDate: string;
  allocationPercent: number;
  expected: number;
}

/** GET /api/housing/expected?year=. */
export interface ExpectedUnits {
  year: number;
  organisations: {
    organisationId: string;
    name: string;
    expected: UnitCounts;
    departments: {
      departmentId: string;
      number: string;
      name: string;
      areaStatus: AreaStatus | null;
      lines: ExpectedLine[];
    }[];
  }[];
  pipeline: ExpectedPipeline[];
  totals: UnitCounts & { pipeline: number };
}

export interface ReportFigures {
  expected: number;
  received: number;
  used: number;
  returnedUnused: number;
  /** Days the units available in the period stood empty, and the rent paid meanwhile (tomgangsleje). */
  emptyDays: number;
  emptyRent: number;
}

/** GET /api/housing/organisations/:id/report?from=&to=. */
export interface DialogueReport {
  organisation: { id: string; name: string };
  from: string;
  to: string;
  departments: (ReportFigures & {
    departmentId: string;
    number: string;
    name: string;
    areaStatus: AreaStatus | null;
  })[];
  totals: ReportFigures;
  returnedReasons: { reason: string; count: number }[];
  /** False until the allocation module records vacancies; received/used/returned then read 0. */
  vacancyDataAvailable: boolean;
}

export interface PoolUnit {
  id: string;
  departmentId: string;
  departmentName: string;
  address: string;
  rent: number;
  boundFrom: string;
  boundTo: string | null;
}

export interface Pool {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  budget: number;
  amountPerUnit: number;
  monthlyReduction: number;
  rentMin: number;
  rentMax: number;
  units: PoolUnit[];
  unitCount: number;
  remaining: number;
  endsSoon: boolean;
}

/** Body of POST /api/housing/pools. */
export interface PoolInput {
  name: string;
  validFrom: string;
  validTo: string | null;
  budget: number;
  amountPerUnit: number;
  monthlyReduction: number;
  rentMin: number;
  rentMax: number;
}

/** Body of POST /api/housing/pools/:id/units. */
export interface PoolUnitInput {
  departmentId: string;
  address: string;
  rent: number;
  boundFrom: string;
}

export const PIPELINE_KINDS = ['new_build', 'conversion'] as const;
export type PipelineKind = (typeof PIPELINE_KINDS)[number];

export interface PipelineProject {
  id: string;
  organisationId: string | null;
  organisationName: string | null;
  name: string;
  kind: PipelineKind;
  unitType: UnitType;
  units: number;
  readyDate: string;
  allocationPercent: number;
  note: string | null;
}

/** Body of POST /api/housing/pipeline. */
export interface PipelineInput {
  organisationId: string | null;
  name: string;
  kind: PipelineKind;
  unitType: UnitType;
  units: number;
  readyDate: string;
  allocationPercent: number;
  note: string | null;
}

/** GET /api/housing/elderly. */
export interface ElderlyStock {
  departments: {
    departmentId: string;
    organisationName: string;
    number: string;
    name: string;
    unitsElderly: number;
  }[];
  totalElderly: number;
  /** Family waiting-list applicants in the target group for reduced function (the allocation module). */
  applicants?: ElderlyApplicant[];
}

/** A waiting-list applicant with reduced function, shown beside the elderly stock. */
export interface ElderlyApplicant {
  applicationId: string;
  citizenId: string;
  citizenName: string;
  householdSize: number;
  priority: Priority | null;
  waitingSince: string | null;
  status: ApplicationStatus;
}

/** Every housing query starts with this key, so one invalidation refreshes them all. */
export const HOUSING_KEY = ['housing'] as const;

const enc = encodeURIComponent;

export function useOrganisations() {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'organisations'],
    queryFn: ({ signal }) => api.get<{ items: Organisation[] }>('/api/housing/organisations', { signal }),
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'departments'],
    queryFn: ({ signal }) => api.get<{ items: Department[] }>('/api/housing/departments', { signal }),
  });
}

export function useDepartment(id: string) {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'department', id],
    queryFn: ({ signal }) => api.get<DepartmentDetail>(`/api/housing/departments/${enc(id)}`, { signal }),
  });
}

export function useAgreements() {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'agreements'],
    queryFn: ({ signal }) => api.get<{ items: Agreement[] }>('/api/housing/agreements', { signal }),
  });
}

export function useExpected(year: number) {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'expected', year],
    queryFn: ({ signal }) => api.get<ExpectedUnits>(`/api/housing/expected?year=${year}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The query string of a report period (the screen, XLSX and PDF all take it). */
export function reportQuery(from: string, to: string): string {
  return new URLSearchParams({ from, to }).toString();
}

export function useReport(organisationId: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'report', organisationId, from, to],
    queryFn: ({ signal }) =>
      api.get<DialogueReport>(
        `/api/housing/organisations/${enc(organisationId)}/report?${reportQuery(from, to)}`,
        { signal },
      ),
    enabled,
  });
}

export function usePools() {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'pools'],
    queryFn: ({ signal }) => api.get<{ items: Pool[] }>('/api/housing/pools', { signal }),
  });
}

export function usePipeline() {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'pipeline'],
    queryFn: ({ signal }) => api.get<{ items: PipelineProject[] }>('/api/housing/pipeline', { signal }),
  });
}

export function useElderly() {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'elderly'],
    queryFn: ({ signal }) => api.get<ElderlyStock>('/api/housing/elderly', { signal }),
  });
}

/**
 * Everything in the module hangs together (a department feeds expected units, reports, the elderly
 * list; a pool feeds the task list), so a change refreshes every housing answer and the tasks.
 */
function useRefreshHousing() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: HOUSING_KEY }),
      queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
    ]);
  };
}

function useHousingMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const refresh = useRefreshHousing();
  return useMutation({ mutationFn, onSuccess: refresh });
}

export function useCreateOrganisation() {
  return useHousingMutation((input: OrganisationInput) =>
    api.post<{ id: string }>('/api/housing/organisations', input),
  );
}

export function useUpdateOrganisation(id: string) {
  return useHousingMutation((input: OrganisationInput) =>
    api.patch<Organisation>(`/api/housing/organisations/${enc(id)}`, input),
  );
}

export function useCreateDepartment() {
  return useHousingMutation((input: DepartmentInput) =>
    api.post<{ id: string }>('/api/housing/departments', input),
  );
}

export function useUpdateDepartment(id: string) {
  return useHousingMutation((input: Omit<DepartmentInput, 'organisationId'>) =>
    api.patch<Department>(`/api/housing/departments/${enc(id)}`, input),
  );
}

export function useAddAreaStatus(departmentId: string) {
  return useHousingMutation((input: AreaStatusEntry) =>
    api.post<unknown>(`/api/housing/departments/${enc(departmentId)}/area-status`, input),
  );
}

export function useSaveAgreement(id: string | null) {
  return useHousingMutation((input: AgreementInput) =>
    id === null
      ? api.post<{ id: string }>('/api/housing/agreements', input)
      : api.put<Agreement>(`/api/housing/agreements/${enc(id)}`, input),
  );
}

export function useCreatePool() {
  return useHousingMutation((input: PoolInput) => api.post<{ id: string }>('/api/housing/pools', input));
}

export function useAddPoolUnit(poolId: string) {
  return useHousingMutation((input: PoolUnitInput) =>
    api.post<unknown>(`/api/housing/pools/${enc(poolId)}/units`, input),
  );
}

export function useEndPoolUnit() {
  return useHousingMutation(
    ({ poolId, unitId, boundTo }: { poolId: string; unitId: string; boundTo: string }) =>
      api.post<void>(`/api/housing/pools/${enc(poolId)}/units/${enc(unitId)}/end`, { boundTo }),
  );
}

export function useCreatePipeline() {
  return useHousingMutation((input: PipelineInput) =>
    api.post<{ id: string }>('/api/housing/pipeline', input),
  );
}

export function useDeletePipeline() {
  return useHousingMutation((id: string) => api.delete<void>(`/api/housing/pipeline/${enc(id)}`));
}

/** A user who acts for a housing organisation (role partner_housing). */
export interface PartnerContact {
  userId: string;
  username: string;
  displayName: string;
}

export function useContacts(organisationId: string) {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'contacts', organisationId],
    queryFn: ({ signal }) =>
      api.get<{ items: PartnerContact[] }>(`/api/housing/organisations/${enc(organisationId)}/contacts`, {
        signal,
      }),
  });
}

export function usePartnerUsers(enabled: boolean) {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'partner-users'],
    queryFn: ({ signal }) => api.get<{ items: PartnerContact[] }>('/api/housing/partner-users', { signal }),
    enabled,
  });
}

export function useSetContacts(organisationId: string) {
  return useHousingMutation((userIds: string[]) =>
    api.put<{ items: PartnerContact[] }>(`/api/housing/organisations/${enc(organisationId)}/contacts`, {
      userIds,
    }),
  );
}
