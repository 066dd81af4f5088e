import { type Kysely, sql } from 'kysely';

/**
 * The fast-track requests whose answer is due ("Mine opgaver" of the prevention team, every view):
 * at national scale the list walked every open case's actions (issue 21 §4: 40 ms of København's
 * task list). A partial index of the unanswered fast-track requests by municipality and due date.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create index eviction_action_fast_track_due_idx on eviction_action (municipality_id, respond_by)
  where kind = 'fast_track' and responded_on is null;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index eviction_action_fast_track_due_idx').execute(db);
}
