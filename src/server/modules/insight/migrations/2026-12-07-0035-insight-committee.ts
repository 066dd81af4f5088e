import { type Kysely, sql } from 'kysely';

/**
 * The committee report (issue 18 §5): the introduction the administration writes for a period's
 * status to the social committee, one per municipality and period, and `insight.report` for the
 * leader, the economy role and the administrator. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table committee_introduction (
  municipality_id uuid not null references municipality(id),
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  text text not null check (length(text) <= 8000),
  updated_by uuid references app_user(id),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, period_from, period_to)
);
alter table committee_introduction enable row level security;
create policy tenant on committee_introduction using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update on committee_introduction to hjemvej_app;`)
    .execute(db);
  await db
    .insertInto('role_permission')
    .values(['leader', 'economy', 'admin'].map((role_code) => ({ role_code, permission: 'insight.report' })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission = 'insight.report'`.execute(db);
  await sql`drop table committee_introduction`.execute(db);
}
