import type { Tx } from '../../db/database';
import type { Actor } from '../../platform/actor';

/** One thing a user must act on. Title and text live in the web catalogues under `titleKey`. */
export interface Task {
  id: string;
  kind: string;
  titleKey: string;
  params: Record<string, string | number>;
  href: string;
  dueAt: string | null;
  severity: 'info' | 'warning' | 'error';
}

/**
 * A module's contribution to "Mine opgaver": a query over its own deadlines and states (legal
 * clocks are data, not cron jobs), run in the user's tenant transaction.
 */
export type TaskProvider = (trx: Tx, actor: Actor) => Promise<Task[]>;

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
