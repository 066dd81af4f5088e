import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Placement,
  PlacementEndInput,
  PlacementInput,
  SkaevBoliger,
  SkaevUnit,
  TenancyEndInput,
  TenancyInput,
  UnitInput,
} from '../../../shared/placements/api';
import { api } from '../../api';
import { CITIZENS_KEY } from '../citizens';
import { TASKS_KEY } from '../tasks';

export type { Placement, SkaevBoliger, SkaevUnit };

/** Every placements query starts with this key, so any change refreshes the lists. */
export const PLACEMENTS_KEY = ['placements'] as const;

const enc = encodeURIComponent;

export function usePlacements(state: 'active' | 'ended') {
  return useQuery({
    queryKey: [...PLACEMENTS_KEY, 'list', state],
    queryFn: ({ signal }) => api.get<Placement[]>(`/api/placements?state=${state}`, { signal }),
  });
}

export function useSkaeveBoliger() {
  return useQuery({
    queryKey: [...PLACEMENTS_KEY, 'skaeve-boliger'],
    queryFn: ({ signal }) => api.get<SkaevBoliger>('/api/skaeve-boliger', { signal }),
  });
}

/** A citizen found by the search of a placement or tenancy form. */
export interface FoundCitizen {
  id: string;
  name: string | null;
  initials: string | null;
  birthDate: string;
  situation: string;
}

export function useCitizenSearch(q: string) {
  return useQuery({
    queryKey: [...CITIZENS_KEY, 'placements-search', q],
    queryFn: ({ signal }) =>
      api.get<{ items: FoundCitizen[] }>(`/api/citizens?q=${enc(q)}&pageSize=10`, { signal }),
    enabled: q.trim().length > 0,
  });
}

/** A change touches the placements, the citizen's whereabouts and the tasks. */
function usePlacementsMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all(
        [PLACEMENTS_KEY, CITIZENS_KEY, TASKS_KEY].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useCreatePlacement = () =>
  usePlacementsMutation((input: PlacementInput) => api.post<{ id: string }>('/api/placements', input));

export const useStartPlacement = () =>
  usePlacementsMutation(({ id, startedOn }: { id: string; startedOn: string }) =>
    api.post<void>(`/api/placements/${enc(id)}/start`, { startedOn }),
  );

export const useEndPlacement = () =>
  usePlacementsMutation(({ id, ...body }: PlacementEndInput & { id: string }) =>
    api.post<void>(`/api/placements/${enc(id)}/end`, body),
  );

export const useCreateUnit = () =>
  usePlacementsMutation((input: UnitInput) => api.post<{ id: string }>('/api/skaeve-boliger', input));

export const useStartTenancy = () =>
  usePlacementsMutation(({ unitId, ...body }: TenancyInput & { unitId: string }) =>
    api.post<{ id: string }>(`/api/skaeve-boliger/${enc(unitId)}/tenancies`, body),
  );

export const useEndTenancy = () =>
  usePlacementsMutation(({ tenancyId, ...body }: TenancyEndInput & { tenancyId: string }) =>
    api.post<void>(`/api/skaeve-boliger/tenancies/${enc(tenancyId)}/end`, body),
  );
