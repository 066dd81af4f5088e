import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  PlanningBaseline,
  ScenarioDetail,
  ScenarioRequest,
  ScenarioSummary,
} from '../../../shared/planning/api';
import { api } from '../../api';
import { INSIGHT_KEY } from '../insight';

export type { PlanningBaseline, ScenarioDetail, ScenarioRequest, ScenarioSummary };

/** Every planning query starts with this key. */
export const PLANNING_KEY = ['planning'] as const;

const SCENARIOS_KEY = [...PLANNING_KEY, 'scenarios'] as const;
const scenarioKey = (id: string) => [...PLANNING_KEY, 'scenario', id] as const;

/** How often a running forecast is asked for its progress. */
export const POLL_MS = 500;

/** What the model is fitted on, the past series, the supply, staffing and assumptions of today. */
export function useBaseline() {
  return useQuery({
    queryKey: [...PLANNING_KEY, 'baseline'],
    queryFn: ({ signal }) => api.get<PlanningBaseline>('/api/planning/baseline', { signal }),
  });
}

/**
 * The saved scenarios, newest first. While one of them runs the list is asked again now and then,
 * so a run started elsewhere (another tab, a colleague) shows its end too.
 */
export function useScenarios() {
  return useQuery({
    queryKey: SCENARIOS_KEY,
    queryFn: ({ signal }) => api.get<{ scenarios: ScenarioSummary[] }>('/api/planning/scenarios', { signal }),
    refetchInterval: (query) =>
      query.state.data?.scenarios.some((s) => s.status === 'running') ? POLL_MS * 4 : false,
  });
}

const pollWhileRunning = (data: ScenarioDetail | undefined) => (data?.status === 'running' ? POLL_MS : false);

/**
 * One scenario with its forecast, asked again every half second while it runs. When it has ended,
 * the list is refreshed so its row shows the end as well.
 */
export function useScenario(id: string | null) {
  return useQuery({
    queryKey: scenarioKey(id ?? ''),
    queryFn: ({ signal }) => api.get<ScenarioDetail>(`/api/planning/scenarios/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => pollWhileRunning(query.state.data),
  });
}

/** Several scenarios with their forecasts (the comparison), each polled while it runs. */
export function useScenarioDetails(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: scenarioKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<ScenarioDetail>(`/api/planning/scenarios/${id}`, { signal }),
      refetchInterval: (query: { state: { data: ScenarioDetail | undefined } }) =>
        pollWhileRunning(query.state.data),
    })),
  });
}

/** Starts a forecast: the server answers at once (202) with the scenario running. */
export function useRunScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScenarioRequest) => api.post<ScenarioSummary>('/api/planning/scenarios', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SCENARIOS_KEY }),
  });
}

/** Adds a scenario to the committee report or takes it out (the report is refreshed too). */
export function useSetInReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, inReport }: { id: string; inReport: boolean }) =>
      api.put<void>(`/api/planning/scenarios/${id}/report`, { inReport }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PLANNING_KEY }),
        queryClient.invalidateQueries({ queryKey: INSIGHT_KEY }),
      ]),
  });
}

/** Deletes a saved scenario (and so takes it out of the committee report). */
export function useDeleteScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scenario: ScenarioSummary) =>
      api.delete<void>(`/api/planning/scenarios/${scenario.id}`).then(() => scenario),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: SCENARIOS_KEY }),
        queryClient.invalidateQueries({ queryKey: INSIGHT_KEY }),
      ]),
  });
}

/** Tells the list that a polled scenario has ended (its row still says it runs). */
export function useScenarioEnded() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: SCENARIOS_KEY }), [queryClient]);
}
