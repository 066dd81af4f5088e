import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EconomicsReport, EconomicsSettingsView, LimitInput } from '../../../shared/economics/api';
import type { EconomicsSettings } from '../../../shared/economics/model';
import { api } from '../../api';

export type { EconomicsReport, EconomicsSettingsView };

/** Every economics query starts with this key, so a changed setting refreshes the figures. */
export const ECONOMICS_KEY = ['economics'] as const;

/** The figures of a calendar year, or of the last 12 months (no year). */
export function useEconomics(year: number | null, enabled = true) {
  return useQuery({
    queryKey: [...ECONOMICS_KEY, 'report', year],
    queryFn: ({ signal }) =>
      api.get<EconomicsReport>(year === null ? '/api/economics' : `/api/economics?year=${year}`, { signal }),
    enabled,
  });
}

export function useEconomicsSettings() {
  return useQuery({
    queryKey: [...ECONOMICS_KEY, 'settings'],
    queryFn: ({ signal }) => api.get<EconomicsSettingsView>('/api/economics/settings', { signal }),
  });
}

function useEconomicsMutation<I>(mutationFn: (input: I) => Promise<EconomicsSettingsView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ECONOMICS_KEY }),
  });
}

export const useSaveSettings = () =>
  useEconomicsMutation((input: EconomicsSettings) =>
    api.post<EconomicsSettingsView>('/api/economics/settings', input),
  );

export const useSaveLimit = () =>
  useEconomicsMutation((input: LimitInput) =>
    api.post<EconomicsSettingsView>('/api/economics/settings/limits', input),
  );
