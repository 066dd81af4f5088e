import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** The user's own daily e-mail digest of new tasks (issue 14 §2). */
export interface DigestSettings {
  /** Whether this server sends e-mail at all. */
  available: boolean;
  enabled: boolean;
  email: string | null;
}

/** On needs an address; off with an empty address removes it. */
export interface DigestSettingsInput {
  enabled: boolean;
  email: string;
}

const DIGEST_KEY = ['tasks-digest'] as const;

/** GET /api/tasks/digest. */
export function useDigestSettings() {
  return useQuery({
    queryKey: DIGEST_KEY,
    queryFn: ({ signal }) => api.get<DigestSettings>('/api/tasks/digest', { signal }),
  });
}

/** PUT /api/tasks/digest: only the logged-in user's own setting. */
export function useSaveDigestSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DigestSettingsInput) => api.put<DigestSettings>('/api/tasks/digest', input),
    onSuccess: (saved) => queryClient.setQueryData(DIGEST_KEY, saved),
  });
}
