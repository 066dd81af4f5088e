import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionInput,
  ActionView,
  CaseDetail,
  CaseSummary,
  CasesPage,
  DecisionInput,
  InboxCase,
  MonitoringReport,
  NoticeCreated,
  NoticeInput,
  NoticeView,
  OutcomeInput,
  PreventionSettings,
} from '../../../shared/prevention/api';
import type { EvictionStep } from '../../../shared/prevention/model';
import { api } from '../../api';
import { PARTNER_KEY } from '../allocation';
import { CITIZENS_KEY } from '../citizens';
import { HOUSING_KEY } from '../housing';
import { TASKS_KEY } from '../tasks';

export type {
  ActionInput,
  ActionView,
  CaseDetail,
  CaseSummary,
  CasesPage,
  DecisionInput,
  InboxCase,
  MonitoringReport,
  NoticeCreated,
  NoticeInput,
  NoticeView,
  OutcomeInput,
  PreventionSettings,
};
export { PARTNER_KEY };

/** Every prevention query starts with this key, so any change refreshes the inbox, cases and reports. */
export const PREVENTION_KEY = ['prevention'] as const;

/** The inbox's filter: open cases (the default) or closed ones. */
export type CaseStatus = 'open' | 'closed';

/** A notice a housing-organisation user has reported (GET /api/partner/notices). */
export interface PartnerNotice {
  id: string;
  receivedOn: string;
  tenantName: string;
  address: string;
  departmentName: string;
  arrearsAmount: number;
  step: EvictionStep;
  childrenUnder18: boolean;
}

/** A department the user may choose for a notice (the housing list or the partner's own). */
export interface NoticeDepartment {
  id: string;
  organisationName: string;
  number: string;
  name: string;
}

const enc = encodeURIComponent;

/** The case page of a case. */
export function caseHref(id: string): string {
  return `/udsaettelser/${enc(id)}`;
}

/** Where the letter offering help (PDF) of a case is downloaded. */
export function letterHref(caseId: string): string {
  return `/api/prevention/cases/${enc(caseId)}/letter`;
}

/** The monitoring spreadsheet of a period. */
export function monitoringXlsxHref(from: string, to: string): string {
  return `/api/prevention/monitoring.xlsx?from=${enc(from)}&to=${enc(to)}`;
}

/** A page of the inbox: open cases most urgent first (as the server orders all of them), or closed ones. */
export function useCases(status: CaseStatus, page: number) {
  return useQuery({
    queryKey: [...PREVENTION_KEY, 'cases', status, page],
    queryFn: ({ signal }) =>
      api.get<CasesPage>(`/api/prevention/cases?status=${enc(status)}&page=${page}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: [...PREVENTION_KEY, 'case', id],
    queryFn: ({ signal }) => api.get<CaseDetail>(`/api/prevention/cases/${enc(id)}`, { signal }),
  });
}

export function useMonitoring(from: string, to: string) {
  return useQuery({
    queryKey: [...PREVENTION_KEY, 'monitoring', from, to],
    queryFn: ({ signal }) =>
      api.get<MonitoringReport>(`/api/prevention/monitoring?from=${enc(from)}&to=${enc(to)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePreventionSettings(enabled = true) {
  return useQuery({
    queryKey: [...PREVENTION_KEY, 'settings'],
    queryFn: ({ signal }) => api.get<PreventionSettings>('/api/prevention/settings', { signal }),
    enabled,
  });
}

/**
 * The housing departments, for those who may read the housing supply (housing.read). Prevention
 * officers usually may not; the form then leaves the department out.
 */
export function useHousingDepartments(enabled: boolean) {
  return useQuery({
    queryKey: [...HOUSING_KEY, 'departments'],
    queryFn: ({ signal }) => api.get<{ items: NoticeDepartment[] }>('/api/housing/departments', { signal }),
    enabled,
  });
}

export function usePartnerNotices() {
  return useQuery({
    queryKey: [...PARTNER_KEY, 'notices'],
    queryFn: ({ signal }) => api.get<{ items: PartnerNotice[] }>('/api/partner/notices', { signal }),
  });
}

/**
 * A notice, an action or an outcome touches the inbox and reports (prevention), the partner's list,
 * the citizen (a new citizen, the timeline, housed or whereabouts unknown) and the tasks (§ 5 a).
 */
function usePreventionMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all(
        [PREVENTION_KEY, PARTNER_KEY, CITIZENS_KEY, TASKS_KEY].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export function useCreateNotice() {
  return usePreventionMutation((input: NoticeInput) =>
    api.post<NoticeCreated>('/api/prevention/notices', input),
  );
}

export function useReportNotice() {
  return usePreventionMutation((input: NoticeInput) =>
    api.post<NoticeCreated>('/api/partner/notices', input),
  );
}

export function useRecordAction(caseId: string) {
  return usePreventionMutation((input: ActionInput) =>
    api.post<CaseDetail>(`/api/prevention/cases/${enc(caseId)}/actions`, input),
  );
}

export function useRecordResponse() {
  return usePreventionMutation(({ actionId, respondedOn }: { actionId: string; respondedOn: string }) =>
    api.post<CaseDetail>(`/api/prevention/actions/${enc(actionId)}/response`, { respondedOn }),
  );
}

export function useRecordDecision(caseId: string) {
  return usePreventionMutation((input: DecisionInput) =>
    api.post<CaseDetail>(`/api/prevention/cases/${enc(caseId)}/decision`, input),
  );
}

export function useRecordOutcome(caseId: string) {
  return usePreventionMutation((input: OutcomeInput) =>
    api.post<CaseDetail>(`/api/prevention/cases/${enc(caseId)}/outcome`, input),
  );
}

export function useSavePreventionSettings() {
  return usePreventionMutation((input: PreventionSettings) =>
    api.put<PreventionSettings>('/api/prevention/settings', input),
  );
}
