import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommitteeIntroductionInput, CommitteeReport } from '../../../shared/insight/committee';
import type {
  Comparison,
  InsightSettings,
  SharingInput,
  SuppressionLimitInput,
} from '../../../shared/insight/comparison';
import { api } from '../../api';
import { INSIGHT_KEY } from './insight.api';
import { type Period, periodQuery } from './steering';

export type { CommitteeReport, Comparison, InsightSettings };

const committeeKey = (period: Period | null) =>
  [...INSIGHT_KEY, 'committee', period?.from ?? null, period?.to ?? null] as const;

const committeePath = (period: Period | null, refresh = false) => {
  const query = new URLSearchParams(period ? periodQuery(period) : '');
  if (refresh) query.set('refresh', 'true');
  const search = query.toString();
  return search ? `/api/insight/committee-report?${search}` : '/api/insight/committee-report';
};

/** The committee report of a period; without one, the server's default period (the last 12 months). */
export function useCommitteeReport(period: Period | null) {
  return useQuery({
    queryKey: committeeKey(period),
    queryFn: ({ signal }) => api.get<CommitteeReport>(committeePath(period), { signal }),
  });
}

/** Computes the committee report's figures now instead of showing those computed minutes ago. */
export function useRefreshCommitteeReport(period: Period | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.get<CommitteeReport>(committeePath(period, true)),
    onSuccess: (data) => client.setQueryData(committeeKey(period), data),
  });
}

/** The municipality's figures against those the other municipalities share. */
export function useComparison() {
  return useQuery({
    queryKey: [...INSIGHT_KEY, 'comparison'],
    queryFn: ({ signal }) => api.get<Comparison>('/api/insight/comparison', { signal }),
  });
}

/** The suppression limit, the inhabitants and the decision on sharing. */
export function useInsightSettings() {
  return useQuery({
    queryKey: [...INSIGHT_KEY, 'settings'],
    queryFn: ({ signal }) => api.get<InsightSettings>('/api/insight/settings', { signal }),
  });
}

/** A change that refreshes every insight figure (the limit and the sharing change what they show). */
function useInsightMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: INSIGHT_KEY }),
  });
}

export const useSaveIntroduction = () =>
  useInsightMutation((input: CommitteeIntroductionInput) =>
    api.put<void>('/api/insight/committee-report/introduction', input),
  );

export const useSaveSuppressionLimit = () =>
  useInsightMutation((input: SuppressionLimitInput) =>
    api.put<InsightSettings>('/api/insight/suppression-limit', input),
  );

export const useSaveSharing = () =>
  useInsightMutation((input: SharingInput) => api.put<InsightSettings>('/api/insight/sharing', input));

/** Publishes the figures now (the confirmation's input is the word "now": a null would ask nothing). */
export const usePublishNow = () =>
  useInsightMutation((_: 'now') => api.post<InsightSettings>('/api/insight/sharing/publish'));
