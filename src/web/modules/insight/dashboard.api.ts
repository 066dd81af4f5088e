import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../shared/insight/dashboard';
import { api } from '../../api';
import { INSIGHT_KEY } from './insight.api';

export type { Dashboard };

/** The dashboard of the last 12 months: the sections the user's role may see. */
export function useDashboard() {
  return useQuery({
    queryKey: [...INSIGHT_KEY, 'dashboard'],
    queryFn: ({ signal }) => api.get<Dashboard>('/api/insight/dashboard', { signal }),
  });
}
