import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DecisionInput,
  PairingInput,
  PlacementInput,
  ProfileInput,
  SupportInput,
  YoungPersonItem,
  YouthCaseworker,
  YouthProfileView,
} from '../../../shared/youth/api';
import { api } from '../../api';
import { TASKS_KEY } from '../tasks';

export type { YoungPersonItem, YouthProfileView };

/** Every youth query starts with this key, so any change refreshes the lists. */
export const YOUTH_KEY = ['youth'] as const;

const enc = encodeURIComponent;

export function useYoungPeople() {
  return useQuery({
    queryKey: [...YOUTH_KEY, 'list'],
    queryFn: ({ signal }) => api.get<{ items: YoungPersonItem[] }>('/api/youth', { signal }),
  });
}

export function useYouthProfile(citizenId: string) {
  return useQuery({
    queryKey: [...YOUTH_KEY, 'profile', citizenId],
    queryFn: ({ signal }) => api.get<YouthProfileView>(`/api/youth/${enc(citizenId)}`, { signal }),
  });
}

export function useYouthCaseworkers(enabled: boolean) {
  return useQuery({
    queryKey: [...YOUTH_KEY, 'caseworkers'],
    queryFn: ({ signal }) => api.get<YouthCaseworker[]>('/api/youth/caseworkers', { signal }),
    enabled,
  });
}

/** A change touches the young person, the list and the tasks (the § 111 task goes with a decision). */
function useYouthMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all(
        [YOUTH_KEY, TASKS_KEY].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

export const useSaveProfile = (citizenId: string) =>
  useYouthMutation((input: ProfileInput) =>
    api.put<{ id: string }>(`/api/youth/${enc(citizenId)}/profile`, input),
  );

export const useAddPlacement = (citizenId: string) =>
  useYouthMutation((input: PlacementInput) =>
    api.post<{ id: string }>(`/api/youth/${enc(citizenId)}/placements`, input),
  );

export const useAddSupport = (citizenId: string) =>
  useYouthMutation((input: SupportInput) =>
    api.post<{ id: string }>(`/api/youth/${enc(citizenId)}/supports`, input),
  );

export const useAddDecision = (citizenId: string) =>
  useYouthMutation((input: DecisionInput) =>
    api.post<{ id: string; timing: string }>(`/api/youth/${enc(citizenId)}/decisions`, input),
  );

export const useSavePairing = (citizenId: string) =>
  useYouthMutation((input: PairingInput) =>
    api.put<{ id: string }>(`/api/youth/${enc(citizenId)}/pairing`, input),
  );

/** The caseworkers with their service area, for the administrator (users.manage). */
export function useServiceAreas() {
  return useQuery({
    queryKey: [...YOUTH_KEY, 'service-areas'],
    queryFn: ({ signal }) => api.get<YouthCaseworker[]>('/api/youth/service-areas', { signal }),
  });
}

export const useSetServiceArea = () =>
  useYouthMutation(
    ({ userId, serviceArea }: { userId: string; serviceArea: 'born_unge' | 'voksen' | null }) =>
      api.put<void>(`/api/youth/service-areas/${enc(userId)}`, { serviceArea }),
  );
