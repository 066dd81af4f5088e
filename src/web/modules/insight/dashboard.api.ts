import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dashboard } from '../../../shared/insight/dashboard';
import { api } from '../../api';
import { INSIGHT_KEY } from './insight.api';

export type { Dashboard };

/** The dashboard of the last 12 months: the sections the user's role may see. */
const DASHBOARD_KEY = [...INSIGHT_KEY, 'dashboard'];

export function useDashboard() {
  return useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: ({ signal }) => api.get<Dashboard>('/api/insight/dashboard', { signal }),
  });
}

/** Computes the dashboard's figures now (the server keeps them a few minutes) and shows them. */
export function useRefreshDashboard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.get<Dashboard>('/api/insight/dashboard?refresh=true'),
    onSuccess: (data) => client.setQueryData(DASHBOARD_KEY, data),
  });
}
