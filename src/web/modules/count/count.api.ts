import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CountCandidate,
  CountDetail,
  CountRegistration,
  CountReport,
  CountSummary,
  RegistrationInput,
} from '../../../shared/count/api';
import { api } from '../../api';

export type { CountCandidate, CountDetail, CountRegistration, CountReport, CountSummary, RegistrationInput };

/** Every count query starts with this key, so any change refreshes the list, the count and the report. */
export const COUNT_KEY = ['count'] as const;

/** The page of a year's count (registration). */
export function countHref(year: number): string {
  return `/taelling/${year}`;
}

/** The page of a year's count report. */
export function countReportHref(year: number): string {
  return `/taelling/${year}/rapport`;
}

/** Where the count's answers for VIVE are downloaded (semicolon-separated CSV). */
export function countExportHref(year: number): string {
  return `/api/counts/${year}/export`;
}

/** The counts of the municipality, newest first. */
export function useCounts() {
  return useQuery({
    queryKey: [...COUNT_KEY, 'list'],
    queryFn: ({ signal }) => api.get<CountSummary[]>('/api/counts', { signal }),
  });
}

/** A year's count: its registrations and the by-name list's people still to register. */
export function useCount(year: number) {
  return useQuery({
    queryKey: [...COUNT_KEY, 'count', year],
    queryFn: ({ signal }) => api.get<CountDetail>(`/api/counts/${year}`, { signal }),
  });
}

/** The count report (suppressed), beside the earlier counts and the national totals. */
export function useCountReport(year: number) {
  return useQuery({
    queryKey: [...COUNT_KEY, 'report', year],
    queryFn: ({ signal }) => api.get<CountReport>(`/api/counts/${year}/report`, { signal }),
  });
}

function useCountMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: COUNT_KEY }),
  });
}

export const useOpenCount = () =>
  useCountMutation((input: { year: number }) => api.post<{ year: number }>('/api/counts', input));

export const useRegister = () =>
  useCountMutation(({ year, input }: { year: number; input: RegistrationInput }) =>
    api.post<{ id: string }>(`/api/counts/${year}/registrations`, input),
  );

export const useUpdateRegistration = () =>
  useCountMutation(({ year, id, input }: { year: number; id: string; input: RegistrationInput }) =>
    api.put<void>(`/api/counts/${year}/registrations/${encodeURIComponent(id)}`, input),
  );

export const useCloseCount = () =>
  useCountMutation(({ year }: { year: number }) => api.post<void>(`/api/counts/${year}/close`));
