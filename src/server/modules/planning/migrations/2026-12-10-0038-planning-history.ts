import { type Kysely, sql } from 'kysely';

/**
 * Planning (issue 19): the municipality's by-name history as the model is fitted on it, computed
 * once a day. Reading the history of every citizen of a large municipality takes seconds; a
 * forecast that waited for it each time missed its two seconds. One row per municipality, day and
 * window (the day's row replaces the day before's). Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table planning_history (
  municipality_id uuid not null references municipality(id),
  as_of date not null,
  months integer not null check (months between 1 and 240),
  history jsonb not null,
  computed_at timestamptz not null default now(),
  primary key (municipality_id, as_of, months)
);
alter table planning_history enable row level security;
create policy tenant on planning_history using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update, delete on planning_history to hjemvej_app;`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table planning_history`.execute(db);
}
