import { type Kysely, sql } from 'kysely';

/**
 * The daily task digest by e-mail (issue 14 §2), optional per user:
 * - task_digest_subscription: a user's opt-in and the address to send to (users have no e-mail
 *   column), and the last day the digest ran for them, so a day is sent at most once, across
 *   processes;
 * - task_digest_sent: which of the user's tasks a digest has already told about. A task is "new"
 *   while it has no row here; a row goes when its task is gone from the user's list.
 * Both are tenant tables under row-level security. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table task_digest_subscription (
  user_id uuid primary key references app_user(id) on delete cascade,
  municipality_id uuid not null references municipality(id),
  email text not null check (length(email) between 3 and 254),
  enabled boolean not null default true,
  last_digest_on date,
  updated_at timestamptz not null default now()
);
create index task_digest_subscription_enabled_idx on task_digest_subscription (municipality_id)
  where enabled;
alter table task_digest_subscription enable row level security;
create policy tenant on task_digest_subscription using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update, delete on task_digest_subscription to hjemvej_app;

create table task_digest_sent (
  user_id uuid not null references app_user(id) on delete cascade,
  task_id text collate "C" not null,
  municipality_id uuid not null references municipality(id),
  sent_on date not null,
  primary key (user_id, task_id)
);
alter table task_digest_sent enable row level security;
create policy tenant on task_digest_sent using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, delete on task_digest_sent to hjemvej_app;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop table task_digest_sent; drop table task_digest_subscription;').execute(db);
}
