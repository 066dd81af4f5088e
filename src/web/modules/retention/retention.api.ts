import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DryRunView,
  ProcessingRegister,
  RetentionPolicy,
  RetentionRunView,
} from '../../../shared/retention/api';
import { api } from '../../api';

export type { DryRunView, ProcessingRegister, RetentionPolicy, RetentionRunView };

const KEY = ['retention'] as const;

export function useRetentionPolicy() {
  return useQuery({
    queryKey: [...KEY, 'policy'],
    queryFn: ({ signal }) => api.get<RetentionPolicy>('/api/retention/policy', { signal }),
  });
}

export function useRetentionRuns() {
  return useQuery({
    queryKey: [...KEY, 'runs'],
    queryFn: ({ signal }) => api.get<{ items: RetentionRunView[] }>('/api/retention/runs', { signal }),
  });
}

export function useProcessingRegister() {
  return useQuery({
    queryKey: [...KEY, 'register'],
    queryFn: ({ signal }) => api.get<ProcessingRegister>('/api/retention/register', { signal }),
  });
}

function useRetentionMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

export const useSaveRetentionPolicy = () =>
  useRetentionMutation((years: number) => api.put<RetentionPolicy>('/api/retention/policy', { years }));

export const useDryRun = () =>
  useRetentionMutation((_: undefined) => api.post<DryRunView>('/api/retention/dry-runs', undefined));

export const useDeletionRun = () =>
  useRetentionMutation((input: { dryRunId: string; citizens: number }) =>
    api.post<RetentionRunView>('/api/retention/deletions', input),
  );
