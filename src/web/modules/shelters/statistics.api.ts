import { useQuery } from '@tanstack/react-query';
import type { StayLengths, StayReportCheck } from '../../../shared/shelters/api';
import { api } from '../../api';
import { SHELTERS_KEY } from './shelters.api';

export type { StayLengths, StayReportCheck };

/** Stay lengths per shelter and over time (issue 16 §10). */
export function useStayLengths() {
  return useQuery({
    queryKey: [...SHELTERS_KEY, 'stay-lengths'],
    queryFn: ({ signal }) => api.get<StayLengths>('/api/shelters/stay-lengths', { signal }),
  });
}

/** The completeness check of a quarter's stay report to Danmarks Statistik (issue 16 §9). */
export function useStayReportCheck(quarter: string) {
  return useQuery({
    queryKey: [...SHELTERS_KEY, 'dst-report', quarter],
    queryFn: ({ signal }) =>
      api.get<StayReportCheck>(`/api/shelters/dst-report?quarter=${encodeURIComponent(quarter)}`, { signal }),
  });
}

/** The quarter's report file. */
export const stayReportHref = (quarter: string) =>
  `/api/shelters/dst-report/file?quarter=${encodeURIComponent(quarter)}`;
