import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { Task, TaskProvider } from '../../platform/tasks';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Everything the actor must do, most urgent first. */
export async function collectTasks(
  trx: Tx,
  actor: Actor,
  providers: readonly TaskProvider[],
): Promise<Task[]> {
  const tasks: Task[] = [];
  // One transaction is one connection: providers run one after another.
  for (const provider of providers) tasks.push(...(await provider(trx, actor)));
  return tasks.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
      a.id.localeCompare(b.id),
  );
}
