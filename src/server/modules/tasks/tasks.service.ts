import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import type { Task, TaskProvider } from '../../platform/tasks';
import * as repo from './tasks.repository';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Everything the actor must do or should know, most urgent first; notices the actor has read are left out. */
export async function collectTasks(
  trx: Tx,
  actor: Actor,
  providers: readonly TaskProvider[],
): Promise<Task[]> {
  const tasks: Task[] = [];
  // One transaction is one connection: providers run one after another.
  for (const provider of providers) tasks.push(...(await provider(trx, actor)));
  const noticeIds = tasks.filter((t) => t.notice).map((t) => t.id);
  const read = await repo.readTaskIds(trx, actor.municipalityId, actor.userId, noticeIds);
  return tasks
    .filter((t) => !(t.notice && read.has(t.id)))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
        a.id.localeCompare(b.id),
    );
}

/**
 * The actor marks one of their current notices read. Only a notice the actor has now can be
 * marked (a task is done by doing it, not by reading it). Not audited: a read mark changes no
 * personal data, only what the user's own list shows.
 */
export async function markTaskRead(
  trx: Tx,
  actor: Actor,
  providers: readonly TaskProvider[],
  taskId: string,
): Promise<void> {
  const tasks = await collectTasks(trx, actor, providers);
  const found = tasks.find((t) => t.id === taskId);
  if (!found?.notice) throw new AppError('NOT_FOUND');
  await repo.insertTaskRead(trx, actor.municipalityId, actor.userId, taskId);
}
