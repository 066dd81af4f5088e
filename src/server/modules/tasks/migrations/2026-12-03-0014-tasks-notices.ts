import { type Kysely, sql } from 'kysely';

/**
 * Notices in "Mine opgaver" (issue 14 §1): a notice (an offer made or answered, an application
 * decided) is a query over the data like every task, and disappears for a user once that user has
 * marked it read. One row per user and task id; a read mark is never changed, only added.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table task_read (
  municipality_id uuid not null references municipality(id),
  user_id uuid not null references app_user(id) on delete cascade,
  task_id text not null check (length(task_id) between 1 and 200),
  read_at timestamptz not null default now(),
  primary key (municipality_id, user_id, task_id)
);
alter table task_read enable row level security;
create policy tenant on task_read using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert on task_read to hjemvej_app;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table task_read`.execute(db);
}
