import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseloadView,
  Catalogue,
  ContactInput,
  EndInput,
  EnrollmentDetail,
  EnrollmentInput,
  FidelityOverview,
  MethodSettingsInput,
  PhaseInput,
  RetentionReport,
  TeamInput,
  TeamView,
  WorkerCandidate,
  WorkerInput,
  WorkerUpdate,
  WorkerView,
} from '../../../shared/support/api';
import type { ContactGapSetting, Method } from '../../../shared/support/model';
import { api } from '../../api';
import { CITIZENS_KEY } from '../citizens';
import { TASKS_KEY } from '../tasks';

export type {
  CaseloadView,
  Catalogue,
  EnrollmentDetail,
  EnrollmentInput,
  FidelityOverview,
  RetentionReport,
  TeamView,
  WorkerView,
};

/** Every support query starts with this key, so any change refreshes the caseload, enrollments and reports. */
export const SUPPORT_KEY = ['support'] as const;

const enc = encodeURIComponent;

/** The page of one enrollment. */
export const enrollmentHref = (id: string) => `/stoette/forloeb/${enc(id)}`;

export function useCaseload() {
  return useQuery({
    queryKey: [...SUPPORT_KEY, 'caseload'],
    queryFn: ({ signal }) => api.get<CaseloadView>('/api/support/caseload', { signal }),
  });
}

export function useEnrollment(id: string) {
  return useQuery({
    queryKey: [...SUPPORT_KEY, 'enrollment', id],
    queryFn: ({ signal }) => api.get<EnrollmentDetail>(`/api/support/enrollments/${enc(id)}`, { signal }),
  });
}

export function useCatalogue() {
  return useQuery({
    queryKey: [...SUPPORT_KEY, 'catalogue'],
    queryFn: ({ signal }) => api.get<Catalogue>('/api/support/catalogue', { signal }),
  });
}

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: [...SUPPORT_KEY, 'teams'],
    queryFn: ({ signal }) => api.get<{ items: TeamView[] }>('/api/support/teams', { signal }),
    enabled,
  });
}

export function useWorkers(enabled = true) {
  return useQuery({
    queryKey: [...SUPPORT_KEY, 'workers'],
    queryFn: ({ signal }) =>
      api.get<{ workers: WorkerView[]; candidates: WorkerCandidate[] }>('/api/support/workers', { signal }),
    enabled,
  });
}

export function useFidelity() {
  return useQuery({
    queryKey: [...SUPPORT_KEY, 'fidelity'],
    queryFn: ({ signal }) => api.get<FidelityOverview>('/api/support/fidelity', { signal }),
  });
}

export function useRetention() {
  return useQuery({
    queryKey: [...SUPPORT_KEY, 'retention'],
    queryFn: ({ signal }) => api.get<RetentionReport>('/api/support/retention', { signal }),
  });
}

/** A citizen found by the enrollment form's search (GET /api/citizens?q=). */
export interface FoundCitizen {
  id: string;
  name: string | null;
  initials: string | null;
  birthDate: string;
  situation: string;
}

/** The citizen the enrollment form was opened for from the citizen page (`?citizenId=`), read for support. */
export function useCitizenToEnroll(id: string) {
  return useQuery({
    queryKey: [...CITIZENS_KEY, 'support-enroll', id],
    queryFn: ({ signal }) => api.get<FoundCitizen>(`/api/citizens/${enc(id)}?purpose=support`, { signal }),
    enabled: id !== '',
  });
}

export function useCitizenSearch(q: string) {
  return useQuery({
    queryKey: [...CITIZENS_KEY, 'support-search', q],
    queryFn: ({ signal }) =>
      api.get<{ items: FoundCitizen[] }>(`/api/citizens?q=${enc(q)}&pageSize=10`, { signal }),
    enabled: q.trim().length > 0,
  });
}

/** A change touches the caseload and reports (support), the citizen's timeline and the tasks. */
function useSupportMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all(
        [SUPPORT_KEY, CITIZENS_KEY, TASKS_KEY].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

export function useCreateEnrollment() {
  return useSupportMutation((input: EnrollmentInput) =>
    api.post<{ id: string }>('/api/support/enrollments', input),
  );
}

export function useAddContact(id: string) {
  return useSupportMutation((input: ContactInput) =>
    api.post<EnrollmentDetail>(`/api/support/enrollments/${enc(id)}/contacts`, input),
  );
}

export function useChangePhase(id: string) {
  return useSupportMutation((input: PhaseInput) =>
    api.post<EnrollmentDetail>(`/api/support/enrollments/${enc(id)}/phases`, input),
  );
}

export function useEndEnrollment(id: string) {
  return useSupportMutation((input: EndInput) =>
    api.post<EnrollmentDetail>(`/api/support/enrollments/${enc(id)}/end`, input),
  );
}

export function useSaveMethodSettings() {
  return useSupportMutation(({ method, ...input }: MethodSettingsInput & { method: Method }) =>
    api.post<Catalogue>(`/api/support/catalogue/${enc(method)}`, input),
  );
}

export function useSaveContactGap() {
  return useSupportMutation((input: ContactGapSetting) =>
    api.post<Catalogue>('/api/support/contact-gap', input),
  );
}

export function useCreateTeam() {
  return useSupportMutation((input: TeamInput) => api.post<TeamView>('/api/support/teams', input));
}

export function useCreateWorker() {
  return useSupportMutation((input: WorkerInput) => api.post<WorkerView>('/api/support/workers', input));
}

export function useUpdateWorker() {
  return useSupportMutation(({ id, ...input }: WorkerUpdate & { id: string }) =>
    api.put<WorkerView>(`/api/support/workers/${enc(id)}`, input),
  );
}
