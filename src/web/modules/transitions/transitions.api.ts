import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionInput,
  MeetingInput,
  MeetingRecordInput,
  ParticipantInput,
  PlanOfferInput,
  TransitionPlanDetail,
  TransitionPlanInput,
  TransitionPlanSummary,
  TransitionStaff,
  YouthOffer,
  YouthOfferInput,
} from '../../../shared/transitions/api';
import { api } from '../../api';
import { CITIZENS_KEY } from '../citizens';
import { TASKS_KEY } from '../tasks';

export type { TransitionPlanDetail, TransitionPlanSummary, TransitionStaff, YouthOffer };

/** Every transitions query starts with this key, so any change refreshes the lists. */
export const TRANSITIONS_KEY = ['transitions'] as const;

const enc = encodeURIComponent;

export function useTransitionPlans() {
  return useQuery({
    queryKey: [...TRANSITIONS_KEY, 'list'],
    queryFn: ({ signal }) => api.get<TransitionPlanSummary[]>('/api/transitions', { signal }),
  });
}

export function useTransitionPlan(id: string) {
  return useQuery({
    queryKey: [...TRANSITIONS_KEY, 'plan', id],
    queryFn: ({ signal }) => api.get<TransitionPlanDetail>(`/api/transitions/${enc(id)}`, { signal }),
  });
}

export function useTransitionStaff(enabled = true) {
  return useQuery({
    queryKey: [...TRANSITIONS_KEY, 'staff'],
    queryFn: ({ signal }) => api.get<TransitionStaff[]>('/api/transitions/staff', { signal }),
    enabled,
  });
}

export function useYouthOffers() {
  return useQuery({
    queryKey: [...TRANSITIONS_KEY, 'offers'],
    queryFn: ({ signal }) => api.get<YouthOffer[]>('/api/youth-offers', { signal }),
  });
}

/** A citizen found by the search of the plan form. */
export interface FoundCitizen {
  id: string;
  name: string | null;
  initials: string | null;
  birthDate: string;
}

export function useCitizenSearch(q: string) {
  return useQuery({
    queryKey: [...CITIZENS_KEY, 'transitions-search', q],
    queryFn: ({ signal }) =>
      api.get<{ items: FoundCitizen[] }>(`/api/citizens?q=${enc(q)}&pageSize=10`, { signal }),
    enabled: q.trim().length > 0,
  });
}

/** A change touches the plans and "Mine opgaver" (actions are tasks of their responsible users). */
function useTransitionsMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all(
        [TRANSITIONS_KEY, TASKS_KEY].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

export const useCreatePlan = () =>
  useTransitionsMutation((input: TransitionPlanInput) => api.post<{ id: string }>('/api/transitions', input));

export const useAddParticipant = () =>
  useTransitionsMutation(({ planId, ...body }: ParticipantInput & { planId: string }) =>
    api.post<{ id: string }>(`/api/transitions/${enc(planId)}/participants`, body),
  );

export const useAddMeeting = () =>
  useTransitionsMutation(({ planId, ...body }: MeetingInput & { planId: string }) =>
    api.post<{ id: string }>(`/api/transitions/${enc(planId)}/meetings`, body),
  );

export const useRecordMeeting = () =>
  useTransitionsMutation(({ meetingId, ...body }: MeetingRecordInput & { meetingId: string }) =>
    api.post<void>(`/api/transitions/meetings/${enc(meetingId)}/record`, body),
  );

export const useAddAction = () =>
  useTransitionsMutation(({ planId, ...body }: ActionInput & { planId: string }) =>
    api.post<{ id: string }>(`/api/transitions/${enc(planId)}/actions`, body),
  );

export const useMarkActionDone = () =>
  useTransitionsMutation(({ actionId, doneOn }: { actionId: string; doneOn: string }) =>
    api.post<void>(`/api/transitions/actions/${enc(actionId)}/done`, { doneOn }),
  );

export const useAddPlanOffer = () =>
  useTransitionsMutation(({ planId, ...body }: PlanOfferInput & { planId: string }) =>
    api.post<{ id: string }>(`/api/transitions/${enc(planId)}/offers`, body),
  );

export const useEndPlanOffer = () =>
  useTransitionsMutation(({ planOfferId, toDate }: { planOfferId: string; toDate: string }) =>
    api.post<void>(`/api/transitions/offers/${enc(planOfferId)}/end`, { toDate }),
  );

export const useClosePlan = () =>
  useTransitionsMutation(({ planId, closedOn }: { planId: string; closedOn: string }) =>
    api.post<void>(`/api/transitions/${enc(planId)}/close`, { closedOn }),
  );

export const useCreateOffer = () =>
  useTransitionsMutation((input: YouthOfferInput) => api.post<{ id: string }>('/api/youth-offers', input));

export const useUpdateOffer = () =>
  useTransitionsMutation(({ id, ...body }: YouthOfferInput & { id: string }) =>
    api.patch<void>(`/api/youth-offers/${enc(id)}`, body),
  );
