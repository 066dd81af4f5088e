import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptInput,
  AllocationSettings,
  Candidate,
  CandidateList,
  CensusDay,
  Check,
  DeclineInput,
  DuplicateVacancy,
  OfferInput,
  OfferView,
  TenancyView,
  VacancyInput,
  VacancyView,
} from '../../../shared/allocation/api';
import type { ReturnReason, VacancyStatus } from '../../../shared/allocation/model';
import { ApiError, api } from '../../api';
import { CITIZENS_KEY } from '../citizens';
import { HOUSING_KEY } from '../housing';
import { TASKS_KEY } from '../tasks';

export type {
  AcceptInput,
  AllocationSettings,
  Candidate,
  CandidateList,
  CensusDay,
  Check,
  DeclineInput,
  DuplicateVacancy,
  OfferInput,
  OfferView,
  TenancyView,
  VacancyInput,
  VacancyView,
};

/**
 * Every allocation query starts with this key (the applications and waiting list too), so a change
 * to a vacancy, an offer or a tenancy refreshes the waiting list and the application pages as well.
 */
export const ALLOCATION_KEY = ['allocation'] as const;
const VACANCIES_KEY = [...ALLOCATION_KEY, 'vacancies'] as const;
/** The partner view's answers (a housing organisation's own departments and vacancies). */
export const PARTNER_KEY = ['partner'] as const;

/** A department a partner user may report vacancies for (their own organisations' only). */
export interface PartnerDepartment {
  id: string;
  organisationName: string;
  number: string;
  name: string;
  address: string | null;
}

/** Body of POST /api/allocation/vacancies/:id/return. */
export interface ReturnInput {
  reason: ReturnReason;
  note?: string;
  returnedOn?: string;
}

const enc = encodeURIComponent;

export function useVacancies(status: VacancyStatus | null) {
  return useQuery({
    queryKey: [...VACANCIES_KEY, 'list', status],
    queryFn: ({ signal }) =>
      api.get<{ items: VacancyView[] }>(
        status ? `/api/allocation/vacancies?status=${enc(status)}` : '/api/allocation/vacancies',
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function useVacancy(id: string) {
  return useQuery({
    queryKey: [...VACANCIES_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<VacancyView>(`/api/allocation/vacancies/${enc(id)}`, { signal }),
  });
}

/** How many of each list the first answer holds, and how many more each "show more" asks for. */
export const CANDIDATE_PAGE = 25;

/**
 * The ranked candidates of a vacancy: both counts and the first `limits.eligible` / `limits.excluded`
 * of each list. Asking for more keeps the rows shown until the longer answer arrives.
 */
export function useCandidates(
  vacancyId: string,
  limits: { eligible: number; excluded: number } = { eligible: CANDIDATE_PAGE, excluded: CANDIDATE_PAGE },
  enabled = true,
) {
  return useQuery({
    queryKey: [...VACANCIES_KEY, 'candidates', vacancyId, limits.eligible, limits.excluded],
    queryFn: ({ signal }) =>
      api.get<CandidateList>(
        `/api/allocation/vacancies/${enc(vacancyId)}/candidates?eligibleLimit=${limits.eligible}&excludedLimit=${limits.excluded}`,
        { signal },
      ),
    placeholderData: (previous) => (previous?.vacancyId === vacancyId ? previous : undefined),
    enabled,
  });
}

export function useCensus(date: string) {
  return useQuery({
    queryKey: [...ALLOCATION_KEY, 'census', date],
    queryFn: ({ signal }) => api.get<CensusDay>(`/api/allocation/census?date=${enc(date)}`, { signal }),
  });
}

/** The municipality's allocation policy (reply days, name deadline days …). */
export function useAllocationSettings(enabled = true) {
  return useQuery({
    queryKey: [...ALLOCATION_KEY, 'settings'],
    queryFn: ({ signal }) => api.get<AllocationSettings>('/api/allocation/settings', { signal }),
    enabled,
  });
}

export function usePartnerDepartments() {
  return useQuery({
    queryKey: [...PARTNER_KEY, 'departments'],
    queryFn: ({ signal }) => api.get<{ items: PartnerDepartment[] }>('/api/partner/departments', { signal }),
  });
}

export function usePartnerVacancies() {
  return useQuery({
    queryKey: [...PARTNER_KEY, 'vacancies'],
    queryFn: ({ signal }) => api.get<{ items: VacancyView[] }>('/api/partner/vacancies', { signal }),
  });
}

/**
 * A vacancy, an offer or a tenancy touches much: the waiting list and the applications (allocation),
 * the dialogue report and elderly list (housing), the citizen's status and timeline after a move-in
 * (citizens) and the tasks (reply deadlines). Every answer of those is refreshed.
 */
function useRefreshAllocation() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(
      [ALLOCATION_KEY, PARTNER_KEY, HOUSING_KEY, CITIZENS_KEY, TASKS_KEY].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  };
}

/**
 * A mutation that refreshes the allocation answers afterwards, whether it worked or not: a conflict
 * (another officer was first) means the page shows old data, so it is fetched anew either way.
 */
function useAllocationMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const refresh = useRefreshAllocation();
  return useMutation({ mutationFn, onSettled: refresh });
}

export function useCreateVacancy() {
  return useAllocationMutation((input: VacancyInput) =>
    api.post<{ id: string }>('/api/allocation/vacancies', input),
  );
}

/**
 * A housing organisation reports a vacancy. A likely duplicate answers VACANCY_LIKELY_DUPLICATE
 * unless `confirmDuplicate()` says the partner has confirmed it is another unit (issue 14 §3).
 */
export function useReportVacancy(confirmDuplicate: () => boolean = () => false) {
  return useAllocationMutation((input: VacancyInput) =>
    api.post<{ id: string }>(
      '/api/partner/vacancies',
      confirmDuplicate() ? { ...input, confirmDuplicate: true } : input,
    ),
  );
}

/** A housing organisation corrects its report, with the reason, until the municipality has made an offer. */
export function useCorrectVacancy(vacancyId: string, confirmDuplicate: () => boolean = () => false) {
  return useAllocationMutation(async (input: VacancyInput & { reason?: string }) => {
    const corrected = await api.put<VacancyView>(
      `/api/partner/vacancies/${enc(vacancyId)}`,
      confirmDuplicate() ? { ...input, confirmDuplicate: true } : input,
    );
    return { id: corrected.id };
  });
}

/** A housing organisation withdraws its report, with the reason, until the municipality has made an offer. */
export function useWithdrawVacancy(vacancyId: string) {
  return useAllocationMutation((input: { reason: string }) =>
    api.post<VacancyView>(`/api/partner/vacancies/${enc(vacancyId)}/withdraw`, input),
  );
}

/** The likely duplicate a report met, when the API answered VACANCY_LIKELY_DUPLICATE. */
export function duplicateOf(error: unknown): DuplicateVacancy | null {
  if (!(error instanceof ApiError) || error.code !== 'VACANCY_LIKELY_DUPLICATE') return null;
  const p = error.params as Record<string, string | number | undefined>;
  return {
    vacancyId: String(p.vacancyId ?? ''),
    address: String(p.address ?? ''),
    availableOn: String(p.availableOn ?? ''),
    reportedOn: String(p.reportedOn ?? ''),
  };
}

export function useReturnVacancy(vacancyId: string) {
  return useAllocationMutation((input: ReturnInput) =>
    api.post<VacancyView>(`/api/allocation/vacancies/${enc(vacancyId)}/return`, input),
  );
}

export function useCreateOffer(vacancyId: string) {
  return useAllocationMutation((input: OfferInput) =>
    api.post<OfferView>(`/api/allocation/vacancies/${enc(vacancyId)}/offers`, input),
  );
}

export function useAcceptOffer(offerId: string) {
  return useAllocationMutation((input: AcceptInput) =>
    api.post<TenancyView>(`/api/allocation/offers/${enc(offerId)}/accept`, input),
  );
}

export function useDeclineOffer(offerId: string) {
  return useAllocationMutation((input: DeclineInput) =>
    api.post<OfferView>(`/api/allocation/offers/${enc(offerId)}/decline`, input),
  );
}

export function useExpireOffer(offerId: string) {
  return useAllocationMutation(() => api.post<OfferView>(`/api/allocation/offers/${enc(offerId)}/expire`));
}

export function useWithdrawOffer(offerId: string) {
  return useAllocationMutation((input: { note?: string }) =>
    api.post<OfferView>(`/api/allocation/offers/${enc(offerId)}/withdraw`, input),
  );
}

export function useSignLease(tenancyId: string) {
  return useAllocationMutation((input: { signedOn: string }) =>
    api.post<TenancyView>(`/api/allocation/tenancies/${enc(tenancyId)}/lease`, input),
  );
}

export function useMoveIn(tenancyId: string) {
  return useAllocationMutation((input: { movedInOn: string }) =>
    api.post<TenancyView>(`/api/allocation/tenancies/${enc(tenancyId)}/move-in`, input),
  );
}

/** Where the offer letter (PDF) of an offer is downloaded. */
export function offerLetterHref(offerId: string): string {
  return `/api/allocation/offers/${enc(offerId)}/letter`;
}
