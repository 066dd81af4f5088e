import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** One thing that needs the user's action; its title is an i18n key under `tasks.`. */
export interface Task {
  id: string;
  kind: string;
  titleKey: string;
  params: Record<string, string | number>;
  /** Where the user acts on it, e.g. `/admin/brugere`. */
  href: string;
  dueAt: string | null;
  severity: 'info' | 'warning' | 'error';
  /** Something to know, not to do: it disappears once marked read. */
  notice: boolean;
}

/** Query key of the task list. */
export const TASKS_KEY = ['tasks'] as const;

/** GET /api/tasks. */
export function useTasks(enabled = true) {
  return useQuery({
    queryKey: TASKS_KEY,
    queryFn: ({ signal }) => api.get<{ items: Task[] }>('/api/tasks', { signal }),
    enabled,
  });
}

/** POST /api/tasks/:id/read: the notice no longer shows for the user. */
export function useMarkTaskRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/tasks/${encodeURIComponent(id)}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
  });
}
