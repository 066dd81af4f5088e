import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SsoLoginChoice, SsoSettingsInput, SsoSettingsView } from '../../../shared/sso/api';
import { api } from '../../api';

const SETTINGS_KEY = ['sso', 'settings'] as const;

/** GET /api/admin/sso: the municipality's single sign-on (the client secret only as set or not). */
export function useSsoSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api.get<SsoSettingsView>('/api/admin/sso', { signal }),
  });
}

/** PUT /api/admin/sso. */
export function useSaveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SsoSettingsInput) => api.put<SsoSettingsView>('/api/admin/sso', input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      await queryClient.invalidateQueries({ queryKey: ['sso', 'choices'] });
    },
  });
}

/** GET /api/sso/choices: the municipalities whose users log in with single sign-on (no session needed). */
export function useLoginChoices() {
  return useQuery({
    queryKey: ['sso', 'choices'],
    queryFn: ({ signal }) =>
      api.get<{ items: SsoLoginChoice[] }>('/api/sso/choices', { signal, skipAuthRedirect: true }),
  });
}
