import { type Kysely, sql } from 'kysely';

/**
 * Incremental candidate ranking (issue 5): a ranking kept in the process can be brought up to date
 * by reading only the applications changed since it was made, if the database says which those are
 * in commit order. `row_version` cannot: it is drawn when a row is written, not when it commits, so
 * a transaction still open when a ranking was made can commit later with a lower number than one
 * the ranking saw.
 *
 * - The waiting list's version (allocation_list_version, migration 0007) is now drawn while its row
 *   lock is held (`do update set version = nextval(…)`, evaluated after the lock, instead of the
 *   value drawn before it), so within a municipality it grows in commit order: a snapshot that sees
 *   version v sees every commit numbered up to v and none after.
 * - allocation_list_change holds, per application, the list version of the last commit that changed
 *   it or one of its offers, written by the same deferred trigger in the same commit. The
 *   applications changed since a ranking at version v are those with `version > v`; one row per
 *   application, so the table never grows beyond the applications themselves.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table allocation_list_change (
  application_id uuid primary key,
  municipality_id uuid not null references municipality(id),
  version bigint not null
);
create index allocation_list_change_version_idx on allocation_list_change (municipality_id, version)
  include (application_id);
alter table allocation_list_change enable row level security;
create policy tenant on allocation_list_change using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update on allocation_list_change to hjemvej_app;

create or replace function allocation_list_changed() returns trigger language plpgsql as $f$
declare
  m uuid;
  application uuid;
  bumped text;
  v bigint;
begin
  if tg_table_name = 'offer' then
    if tg_op = 'DELETE' then m := old.municipality_id; application := old.application_id;
    else m := new.municipality_id; application := new.application_id; end if;
  else
    if tg_op = 'DELETE' then m := old.municipality_id; application := old.id;
    else m := new.municipality_id; application := new.id; end if;
  end if;
  -- One new list version per transaction and municipality, however many rows it changed.
  bumped := coalesce(current_setting('hjemvej.allocation_list_commit', true), '');
  if split_part(bumped, '/', 1) = m::text then
    v := split_part(bumped, '/', 2)::bigint;
  else
    insert into allocation_list_version as l (municipality_id, version)
      values (m, nextval('allocation_application_version_seq'))
      on conflict (municipality_id) do update set version = nextval('allocation_application_version_seq')
      returning l.version into v;
    perform set_config('hjemvej.allocation_list_commit', m::text || '/' || v::text, true);
  end if;
  insert into allocation_list_change as c (application_id, municipality_id, version)
    values (application, m, v)
    on conflict (application_id) do update set version = excluded.version
      where c.version <> excluded.version;
  return null;
end
$f$;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create or replace function allocation_list_changed() returns trigger language plpgsql as $f$
declare
  m uuid;
begin
  if tg_op = 'DELETE' then m := old.municipality_id; else m := new.municipality_id; end if;
  if coalesce(current_setting('hjemvej.allocation_list_bumped', true), '') <> m::text then
    insert into allocation_list_version (municipality_id, version)
      values (m, nextval('allocation_application_version_seq'))
      on conflict (municipality_id) do update set version = excluded.version;
    perform set_config('hjemvej.allocation_list_bumped', m::text, true);
  end if;
  return null;
end
$f$;
drop table allocation_list_change;
`)
    .execute(db);
}
