import { useQuery } from '@tanstack/react-query';
import type { InsightFlow } from '../../../shared/insight/report';
import { api } from '../../api';

export type { InsightFlow };

/** Every insight query starts with this key. */
export const INSIGHT_KEY = ['insight'] as const;

/** The monthly by-name flow (rule 35) of the last `months` months. */
export function useMonthlyFlow(months = 24) {
  return useQuery({
    queryKey: [...INSIGHT_KEY, 'flow', months],
    queryFn: ({ signal }) => api.get<InsightFlow>(`/api/insight/flow?months=${months}`, { signal }),
  });
}
