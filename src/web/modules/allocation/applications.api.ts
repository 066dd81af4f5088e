import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApplicationDetail,
  ApplicationInput,
  ApplicationSummary,
  AssessmentInput,
  WaitingListCounts,
  WaitingListItem,
  WaitingListQuery,
  WaitingListSnapshot,
} from '../../../shared/allocation/api';
import type { AllocationSettings, ApplicationStatus } from '../../../shared/allocation/model';
import { api } from '../../api';
import { CITIZENS_KEY } from '../citizens';
import { HOUSING_KEY } from '../housing';
import { TASKS_KEY } from '../tasks';

export type {
  ApplicationDetail,
  ApplicationInput,
  ApplicationSummary,
  AssessmentInput,
  WaitingListCounts,
  WaitingListItem,
  WaitingListQuery,
  WaitingListSnapshot,
};

/** Every allocation query starts with this key, so one invalidation refreshes them all. */
export const ALLOCATION_KEY = ['allocation'] as const;

/** Rows per page of the waiting list. */
export const WAITING_LIST_PAGE_SIZE = 25;

/** GET /api/allocation/waiting-list. */
export interface WaitingList {
  items: WaitingListItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: WaitingListCounts;
}

const enc = encodeURIComponent;
const applicationPath = (id: string) => `/api/allocation/applications/${enc(id)}`;

/** Where the web shows an application. */
export const applicationHref = (id: string) => `/anvisning/ansoegninger/${enc(id)}`;

/** The download of one of an application's documents. */
export const documentHref = (applicationId: string, documentId: string) =>
  `${applicationPath(applicationId)}/documents/${enc(documentId)}`;

/** The decision letter (PDF) of an application. */
export const letterHref = (applicationId: string) => `${applicationPath(applicationId)}/letter`;

/** The whole waiting list as a workbook. */
export const WAITING_LIST_XLSX_HREF = '/api/allocation/waiting-list.xlsx';

export function useApplications(
  filter: { status?: ApplicationStatus | ''; citizenId?: string },
  enabled = true,
) {
  return useQuery({
    queryKey: [...ALLOCATION_KEY, 'applications', filter.status ?? '', filter.citizenId ?? ''],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams();
      if (filter.status) query.set('status', filter.status);
      if (filter.citizenId) query.set('citizenId', filter.citizenId);
      const text = query.toString();
      return api.get<{ items: ApplicationSummary[] }>(
        `/api/allocation/applications${text === '' ? '' : `?${text}`}`,
        { signal },
      );
    },
    // While another status loads, keep the list; never show one citizen's applications for another.
    placeholderData: filter.citizenId ? undefined : keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: [...ALLOCATION_KEY, 'application', id],
    queryFn: ({ signal }) => api.get<ApplicationDetail>(applicationPath(id), { signal }),
  });
}

export function useWaitingList(query: WaitingListQuery) {
  return useQuery({
    queryKey: [...ALLOCATION_KEY, 'waiting-list', query],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      return api.get<WaitingList>(`/api/allocation/waiting-list?${params.toString()}`, { signal });
    },
    placeholderData: keepPreviousData,
  });
}

export function useAllocationSettings() {
  return useQuery({
    queryKey: [...ALLOCATION_KEY, 'settings'],
    queryFn: ({ signal }) => api.get<AllocationSettings>('/api/allocation/settings', { signal }),
  });
}

/**
 * An application touches much: the waiting list, vacancies' candidates, the citizen's timeline, the
 * elderly page's applicants and the tasks. A change refreshes all of them.
 */
function useRefreshAllocation() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ALLOCATION_KEY }),
      queryClient.invalidateQueries({ queryKey: CITIZENS_KEY }),
      queryClient.invalidateQueries({ queryKey: HOUSING_KEY }),
      queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
    ]);
  };
}

function useAllocationMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const refresh = useRefreshAllocation();
  return useMutation({ mutationFn, onSuccess: refresh });
}

/** POST /api/allocation/applications, or PUT of an existing one. */
export function useSaveApplication(id: string | null) {
  return useAllocationMutation((input: ApplicationInput) =>
    id === null
      ? api.post<{ id: string }>('/api/allocation/applications', input)
      : api.put<ApplicationDetail>(applicationPath(id), input).then((detail) => ({ id: detail.id })),
  );
}

export function useAssess(id: string) {
  return useAllocationMutation((input: AssessmentInput) =>
    api.post<ApplicationDetail>(`${applicationPath(id)}/assessment`, input),
  );
}

export function useResubmit(id: string) {
  return useAllocationMutation((reason: string) =>
    api.post<ApplicationDetail>(`${applicationPath(id)}/resubmit`, { reason }),
  );
}

export function useWithdraw(id: string) {
  return useAllocationMutation((reason: string) =>
    api.post<ApplicationDetail>(`${applicationPath(id)}/withdraw`, { reason }),
  );
}

export function useUploadDocument(id: string) {
  return useAllocationMutation((file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<{ id: string }>(`${applicationPath(id)}/documents`, form);
  });
}

export function useCreateSnapshot() {
  return useAllocationMutation((label: string) =>
    api.post<WaitingListSnapshot>('/api/allocation/snapshots', { label }),
  );
}

export function useSaveAllocationSettings() {
  return useAllocationMutation((input: AllocationSettings) =>
    api.put<AllocationSettings>('/api/allocation/settings', input),
  );
}
