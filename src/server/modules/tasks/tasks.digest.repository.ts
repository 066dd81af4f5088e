import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/** The daily task digest (issue 14 §2): opt-ins and which tasks a digest has told about. */

/** A user who opted in (who the digest acts as comes from the access module). */
export interface SubscriberRow {
  user_id: string;
  email: string;
  last_digest_on: string | null;
}

function subscribersQuery(db: Executor, m: string) {
  return db
    .selectFrom('task_digest_subscription as s')
    .select(['s.user_id', 's.email', 's.last_digest_on'])
    .where('s.municipality_id', '=', m)
    .where('s.enabled', '=', true);
}

/** The municipality's users who have opted in, whose digest of `date` is due. */
export function dueSubscribers(db: Executor, m: string, date: string): Promise<SubscriberRow[]> {
  return subscribersQuery(db, m)
    .where((eb) => eb.or([eb('s.last_digest_on', 'is', null), eb('s.last_digest_on', '<', date)]))
    .orderBy('s.user_id')
    .execute();
}

/** One subscriber, read again under the user's digest lock. */
export function subscriber(db: Executor, m: string, userId: string): Promise<SubscriberRow | undefined> {
  return subscribersQuery(db, m).where('s.user_id', '=', userId).executeTakeFirst();
}

/**
 * Holds the user's digest until the transaction ends: two server processes (PostgreSQL) never
 * compose the same user's digest at once, so the second sees the day already taken.
 */
export async function lockUserDigest(db: Executor, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`hjemvej.tasks.digest.${userId}`}, 0))`.execute(
    db,
  );
}

export async function sentTaskIds(db: Executor, m: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('task_digest_sent')
    .select('task_id')
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.task_id);
}

/** Forgets tasks that are gone from the user's list (the table holds no more than the list). */
export async function forgetSent(db: Executor, m: string, userId: string, taskIds: readonly string[]) {
  if (taskIds.length === 0) return;
  await db
    .deleteFrom('task_digest_sent')
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .where('task_id', 'in', taskIds)
    .execute();
}

export async function recordSent(
  db: Executor,
  m: string,
  userId: string,
  taskIds: readonly string[],
  date: string,
): Promise<void> {
  if (taskIds.length === 0) return;
  await db
    .insertInto('task_digest_sent')
    .values(taskIds.map((id) => ({ municipality_id: m, user_id: userId, task_id: id, sent_on: date })))
    .onConflict((oc) => oc.columns(['user_id', 'task_id']).doNothing())
    .execute();
}

/** Sets the last day the digest ran for the user (`null` gives the day back after a failed send). */
export async function setDigestDay(db: Executor, m: string, userId: string, date: string | null) {
  await db
    .updateTable('task_digest_subscription')
    .set({ last_digest_on: date })
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .execute();
}

/** Undoes a digest that could not be sent: its tasks are new again. */
export async function unrecordSent(
  db: Executor,
  m: string,
  userId: string,
  taskIds: readonly string[],
  date: string,
): Promise<void> {
  if (taskIds.length === 0) return;
  await db
    .deleteFrom('task_digest_sent')
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .where('sent_on', '=', date)
    .where('task_id', 'in', taskIds)
    .execute();
}

export function findSubscription(db: Executor, m: string, userId: string) {
  return db
    .selectFrom('task_digest_subscription')
    .select(['email', 'enabled'])
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function saveSubscription(
  db: Executor,
  m: string,
  userId: string,
  subscription: { email: string; enabled: boolean },
): Promise<void> {
  await db
    .insertInto('task_digest_subscription')
    .values({ municipality_id: m, user_id: userId, ...subscription })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...subscription, updated_at: sql<Date>`now()` }))
    .execute();
}

/** Removes the user's opt-in and address, and what the digests told them. */
export async function deleteSubscription(db: Executor, m: string, userId: string): Promise<void> {
  await db
    .deleteFrom('task_digest_sent')
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .execute();
  await db
    .deleteFrom('task_digest_subscription')
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .execute();
}
