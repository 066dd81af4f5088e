import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** When a citizen becomes inactive (domain.md rule 36). */
export interface InactivityPolicy {
  noContactDays: number;
  institutionDays: number;
}

const POLICY_KEY = ['settings', 'inactivity-policy'] as const;

/** GET /api/settings/inactivity-policy. */
export function useInactivityPolicy() {
  return useQuery({
    queryKey: POLICY_KEY,
    queryFn: ({ signal }) => api.get<InactivityPolicy>('/api/settings/inactivity-policy', { signal }),
  });
}

/** PUT /api/settings/inactivity-policy; every citizen list shows the new statuses afterwards. */
export function useSaveInactivityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: InactivityPolicy) =>
      api.put<InactivityPolicy>('/api/settings/inactivity-policy', policy),
    onSuccess: async (saved) => {
      queryClient.setQueryData(POLICY_KEY, saved);
      await queryClient.invalidateQueries({ queryKey: ['citizens'] });
    },
  });
}
