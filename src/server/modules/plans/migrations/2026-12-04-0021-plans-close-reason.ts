import { type Kysely, sql } from 'kysely';

/**
 * Closing a coherent plan (issue 15 §6): why it ended (goals met, the citizen declined, moved away,
 * other with a note), required whenever a plan is closed. Plans closed before this migration (none
 * in a released version: closing had no route) get `other`.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table coherent_plan
  add column closed_reason text check (closed_reason in ('goals_met', 'citizen_declined', 'moved', 'other')),
  add column closed_note text check (length(closed_note) between 1 and 2000);
update coherent_plan set closed_reason = 'other' where status = 'closed';
alter table coherent_plan add constraint coherent_plan_closed_reason
  check ((status = 'closed') = (closed_reason is not null));
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table coherent_plan drop constraint coherent_plan_closed_reason;
alter table coherent_plan drop column closed_note, drop column closed_reason;
`)
    .execute(db);
}
