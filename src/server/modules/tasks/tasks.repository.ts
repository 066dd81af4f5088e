import type { Executor } from '../../db/database';

/** Of the given task ids, those the user has marked read. */
export async function readTaskIds(
  db: Executor,
  m: string,
  userId: string,
  taskIds: readonly string[],
): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('task_read')
    .select('task_id')
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .where('task_id', 'in', [...taskIds])
    .execute();
  return new Set(rows.map((r) => r.task_id));
}

/** Records that the user has read a notice (once; a second mark changes nothing). */
export async function insertTaskRead(db: Executor, m: string, userId: string, taskId: string) {
  await db
    .insertInto('task_read')
    .values({ municipality_id: m, user_id: userId, task_id: taskId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
