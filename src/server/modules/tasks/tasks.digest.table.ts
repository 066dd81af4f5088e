import type { ColumnType } from 'kysely';

/** A user's opt-in to the daily digest of new tasks by e-mail (issue 14 §2). */
export interface TaskDigestSubscriptionTable {
  user_id: string;
  municipality_id: string;
  email: string;
  enabled: boolean;
  /** The last day (Danish time) the digest ran for the user, whether or not it had news. */
  last_digest_on: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A task of the user's list that a digest has already told about. */
export interface TaskDigestSentTable {
  user_id: string;
  task_id: string;
  municipality_id: string;
  sent_on: string;
}

declare module '../../db/schema' {
  /** The tasks module's tables. */
  interface Database {
    task_digest_subscription: TaskDigestSubscriptionTable;
    task_digest_sent: TaskDigestSentTable;
  }
}
