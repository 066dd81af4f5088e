import type { Tx } from '../db/database';
import type { Actor } from './actor';

/** One thing a user must act on. Title and text live in the web catalogues under `titleKey`. */
export interface Task {
  id: string;
  kind: string;
  titleKey: string;
  params: Record<string, string | number>;
  href: string;
  dueAt: string | null;
  severity: 'info' | 'warning' | 'error';
  /**
   * A notice: something that happened and that the user should know of (an offer made, an
   * application decided), not an action. It disappears once the user marks it read; a task
   * disappears when the work is done.
   */
  notice?: boolean;
}

/**
 * A module's contribution to "Mine opgaver": a query over its own deadlines and states (legal
 * clocks are data, not cron jobs), run in the user's tenant transaction.
 */
export type TaskProvider = (trx: Tx, actor: Actor) => Promise<Task[]>;
