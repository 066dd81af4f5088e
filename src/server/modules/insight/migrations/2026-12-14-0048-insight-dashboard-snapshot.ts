import { type Kysely, sql } from 'kysely';

/**
 * The computed dashboards, shared by every app process (issue 21 §2 and §4, ADR 0026): one row per
 * municipality and key (the date, the small-number limit and the viewer's set of permissions, as the
 * per-process cache of ADR 0016 was keyed; the permissions as a hash). Figures only, already suppressed for that key; no
 * personal data. Replaced on each computation; rows of earlier dates are removed when a new one is
 * written. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table dashboard_snapshot (
  municipality_id uuid not null references municipality(id),
  key text not null check (length(key) between 1 and 2000),
  as_of date not null,
  computed_at timestamptz not null,
  body jsonb not null,
  primary key (municipality_id, key)
);
alter table dashboard_snapshot enable row level security;
create policy tenant on dashboard_snapshot using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update, delete on dashboard_snapshot to hjemvej_app;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop table dashboard_snapshot').execute(db);
}
