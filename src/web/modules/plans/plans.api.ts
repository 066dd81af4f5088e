import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionInput,
  DepositCase,
  DepositCaseInput,
  PlanCreateInput,
  PlanDetail,
  PlanSummary,
  Sanction,
  SanctionInput,
  StaffMember,
} from '../../../shared/plans/api';
import type { CloseReason, Department, DepositOutcome, ParticipationWay } from '../../../shared/plans/model';
import { api } from '../../api';
import { CITIZENS_KEY } from '../citizens';
import { TASKS_KEY } from '../tasks';

export type { ActionInput, DepositCase, PlanDetail, PlanSummary, Sanction, StaffMember };

/** Every plans query starts with this key, so any change refreshes plans, alerts and lists. */
export const PLANS_KEY = ['plans'] as const;

const enc = encodeURIComponent;

/** The plan page of a citizen. */
export function planHref(citizenId: string): string {
  return `/borgere/${enc(citizenId)}/plan`;
}

export function usePlans(scope: 'mine' | 'all') {
  return useQuery({
    queryKey: [...PLANS_KEY, 'list', scope],
    queryFn: ({ signal }) => api.get<PlanSummary[]>(`/api/plans?scope=${scope}`, { signal }),
  });
}

export function useCitizenPlan(citizenId: string) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'citizen', citizenId],
    queryFn: ({ signal }) =>
      api.get<{ plan: PlanDetail | null }>(`/api/plans/citizens/${enc(citizenId)}`, { signal }),
  });
}

export function useStaff() {
  return useQuery({
    queryKey: [...PLANS_KEY, 'staff'],
    queryFn: ({ signal }) => api.get<StaffMember[]>('/api/plans/staff', { signal }),
    staleTime: 60_000,
  });
}

/** A citizen found by the search on the overview. */
export interface CitizenHit {
  id: string;
  name: string | null;
  birthDate: string;
}

export function useCitizenSearch(q: string) {
  return useQuery({
    queryKey: [...CITIZENS_KEY, 'plans-search', q],
    queryFn: ({ signal }) =>
      api.get<{ items: CitizenHit[] }>(`/api/citizens?q=${enc(q)}&pageSize=10`, { signal }),
    enabled: q.trim().length > 0,
  });
}

export function useSanctions(status: 'open' | 'handled') {
  return useQuery({
    queryKey: [...PLANS_KEY, 'sanctions', status],
    queryFn: ({ signal }) => api.get<Sanction[]>(`/api/plans/sanctions?status=${status}`, { signal }),
  });
}

export function useDepositCases(status: 'open' | 'decided') {
  return useQuery({
    queryKey: [...PLANS_KEY, 'deposit', status],
    queryFn: ({ signal }) =>
      api.get<{ limit: number; cases: DepositCase[] }>(`/api/plans/deposit-cases?status=${status}`, {
        signal,
      }),
  });
}

/** A change touches plans, the citizen (timeline) and "Mine opgaver". */
function usePlansMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all(
        [PLANS_KEY, CITIZENS_KEY, TASKS_KEY].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

export const useCreatePlan = () =>
  usePlansMutation((input: PlanCreateInput) => api.post<{ id: string }>('/api/plans', input));

export const useAddGoal = (planId: string) =>
  usePlansMutation((text: string) => api.post<{ id: string }>(`/api/plans/${enc(planId)}/goals`, { text }));

export const useAddAction = (planId: string) =>
  usePlansMutation((input: ActionInput) =>
    api.post<{ id: string }>(`/api/plans/${enc(planId)}/actions`, input),
  );

export const useCompleteAction = (planId: string) =>
  usePlansMutation(({ actionId, doneOn }: { actionId: string; doneOn: string }) =>
    api.post<void>(`/api/plans/${enc(planId)}/actions/${enc(actionId)}/done`, { doneOn }),
  );

export const useAddReview = (planId: string) =>
  usePlansMutation((reviewOn: string) =>
    api.post<{ id: string }>(`/api/plans/${enc(planId)}/reviews`, { reviewOn }),
  );

export const useHoldReview = (planId: string) =>
  usePlansMutation(({ reviewId, heldOn, note }: { reviewId: string; heldOn: string; note: string | null }) =>
    api.post<void>(`/api/plans/${enc(planId)}/reviews/${enc(reviewId)}/held`, { heldOn, note }),
  );

export const useClosePlan = (planId: string) =>
  usePlansMutation((input: { closedOn: string; reason: CloseReason; note: string | null }) =>
    api.post<void>(`/api/plans/${enc(planId)}/close`, input),
  );

export const useRecordParticipation = (planId: string) =>
  usePlansMutation((input: { participatedOn: string; how: ParticipationWay; note: string | null }) =>
    api.post<{ id: string }>(`/api/plans/${enc(planId)}/participation`, input),
  );

export const useSharePlan = (planId: string) =>
  usePlansMutation((department: Department) =>
    api.post<{ id: string }>(`/api/plans/${enc(planId)}/shares`, { department }),
  );

export const useRecordSanction = () =>
  usePlansMutation((input: SanctionInput) => api.post<{ id: string }>('/api/plans/sanctions', input));

export const useHandleSanction = () =>
  usePlansMutation(({ id, note }: { id: string; note: string }) =>
    api.post<void>(`/api/plans/sanctions/${enc(id)}/handle`, { note }),
  );

export const useCreateDepositCase = () =>
  usePlansMutation((input: DepositCaseInput) => api.post<{ id: string }>('/api/plans/deposit-cases', input));

export const useDecideDepositCase = () =>
  usePlansMutation(({ id, decidedOn, outcome }: { id: string; decidedOn: string; outcome: DepositOutcome }) =>
    api.post<void>(`/api/plans/deposit-cases/${enc(id)}/decision`, { decidedOn, outcome }),
  );

export const useHandleDepositCase = () =>
  usePlansMutation(({ id, note }: { id: string; note: string }) =>
    api.post<void>(`/api/plans/deposit-cases/${enc(id)}/handle`, { note }),
  );

/** The fast-track limit for deposit-loan and § 81 cases: in force today, and every dated change. */
export interface FastTrackSettings {
  current: number;
  limits: { validFrom: string; workingDays: number }[];
}

export function useFastTrackSettings() {
  return useQuery({
    queryKey: [...PLANS_KEY, 'settings'],
    queryFn: ({ signal }) => api.get<FastTrackSettings>('/api/plans/settings', { signal }),
  });
}

/** Sets the limit from a date; the deposit-case alerts follow it at once. */
export function useSaveFastTrackLimit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { validFrom: string; workingDays: number }) =>
      api.put<FastTrackSettings>('/api/plans/settings', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      void queryClient.invalidateQueries({ queryKey: TASKS_KEY });
    },
  });
}
