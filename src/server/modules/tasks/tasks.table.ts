import type { Generated } from 'kysely';

/** A user has read a notice in "Mine opgaver" (migration 0014); the notice no longer shows for them. */
export interface TaskReadTable {
  municipality_id: string;
  user_id: string;
  task_id: string;
  read_at: Generated<Date>;
}

declare module '../../db/schema' {
  /** The tasks module's tables. */
  interface Database {
    task_read: TaskReadTable;
  }
}
