import { type Kysely, sql } from 'kysely';

/**
 * "Mine opgaver" reads a caseworker's recent decisions and offers (the last 30 days) on every view;
 * at national scale both were sequential scans of every municipality's history (issue 21 §4: 70 ms
 * of København's task list). Indexes by municipality and time:
 * - approvals and rejections (the only events the task list reads by time);
 * - offers made, and offers answered (accepted, declined or expired).
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create index application_event_decided_idx on application_event (municipality_id, at)
  where action in ('approve', 'reject');
create index offer_offered_idx on offer (municipality_id, offered_at);
create index offer_responded_idx on offer (municipality_id, responded_at)
  where status in ('accepted', 'declined', 'expired');
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw('drop index application_event_decided_idx, offer_offered_idx, offer_responded_idx')
    .execute(db);
}
