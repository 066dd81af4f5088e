import { type Kysely, sql } from 'kysely';

/**
 * Small-number suppression as a setting and the comparison across municipalities (issue 18 §6–7).
 *
 * - `municipality.suppression_limit` (rule 33: default 5, never below 3) and
 *   `municipality.inhabitants` (the basis of rates per 10,000): attributes of the municipality the
 *   app role may change in its own row only (the `tenant` policy of migration 0001), and no other
 *   column of it.
 * - `insight_sharing`: one row per municipality that has decided on sharing, with who decided and
 *   when, and when its figures were last published. A tenant table like any other.
 * - `shared_indicator`: the one path across tenants. A municipality writes only its own rows
 *   (`tenant`), and only figures already suppressed at its limit: a count of at least the limit, 0,
 *   "<limit" or "x" (the checks below refuse anything else). The policy `shared` lets a municipality
 *   that shares read the rows of every other municipality that shares, and nothing more: a
 *   municipality that has not opted in neither shows nor sees. `insight_shares(m)` (SECURITY
 *   DEFINER) answers only whether municipality m has opted in.
 * - `insight.compare` for the leader, the economy role and the administrator; `insight.settings`
 *   (the limit, the opt-in and publishing) for the administrator.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table municipality
  add column suppression_limit int not null default 5 check (suppression_limit >= 3),
  add column inhabitants int check (inhabitants > 0);
grant update (suppression_limit, inhabitants) on municipality to hjemvej_app;

create table insight_sharing (
  municipality_id uuid primary key references municipality(id),
  sharing boolean not null,
  changed_by uuid not null references app_user(id),
  changed_at timestamptz not null default now(),
  published_at timestamptz
);
alter table insight_sharing enable row level security;
create policy tenant on insight_sharing using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update on insight_sharing to hjemvej_app;

create table shared_indicator (
  municipality_id uuid not null references municipality(id),
  municipality_code text not null,
  municipality_name text not null,
  key text not null check (key ~ '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$'),
  period text not null check (length(period) between 4 and 10),
  value text not null,
  suppression_limit int not null check (suppression_limit >= 3),
  inhabitants int not null check (inhabitants > 0),
  published_at timestamptz not null default now(),
  primary key (municipality_id, key),
  -- Only suppressed figures: 0, a count of at least the limit, "<limit" or "x".
  check (case
    when value = 'x' or value = '0' then true
    when value = '<' || suppression_limit then true
    when value ~ '^[1-9][0-9]{0,8}$' then value::int >= suppression_limit
    else false
  end)
);

create function insight_shares(p_municipality uuid)
  returns boolean language sql stable security definer set search_path = public as $f$
  select coalesce((select sharing from insight_sharing where municipality_id = p_municipality), false)
$f$;
revoke all on function insight_shares(uuid) from public;
grant execute on function insight_shares(uuid) to hjemvej_app;

alter table shared_indicator enable row level security;
create policy tenant on shared_indicator using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
create policy shared on shared_indicator for select
  using (insight_shares(hjemvej_municipality()) and insight_shares(municipality_id));
grant select, insert, delete on shared_indicator to hjemvej_app;
`)
    .execute(db);
  const grants: [string, string][] = [
    ['leader', 'insight.compare'],
    ['economy', 'insight.compare'],
    ['admin', 'insight.compare'],
    ['admin', 'insight.settings'],
  ];
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission in ('insight.compare', 'insight.settings')`.execute(
    db,
  );
  await sql
    .raw(`
drop table shared_indicator;
drop function insight_shares(uuid);
drop table insight_sharing;
revoke update (suppression_limit, inhabitants) on municipality from hjemvej_app;
alter table municipality drop column inhabitants, drop column suppression_limit;
`)
    .execute(db);
}
