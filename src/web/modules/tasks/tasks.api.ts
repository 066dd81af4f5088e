import { useQuery } from '@tanstack/react-query';
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
