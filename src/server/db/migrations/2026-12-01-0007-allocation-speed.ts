import { type Kysely, sql } from 'kysely';

/**
 * Candidate ranking speed (issue 5): every application row carries a version the database hands
 * out — a number from one sequence, drawn again on every insert and update by a trigger, so two
 * states of a row never share a version, not in one transaction, not after a rollback, not across
 * app instances. The process caches of the ranking are keyed by it (ADR 0006). A covering index
 * holds exactly the columns the ranking reads for every waiting application, so that read is an
 * index-only scan. The whole list has a version too (allocation_list_version), so an unchanged
 * list need not be read at all. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create sequence allocation_application_version_seq;
alter table allocation_application add column row_version bigint;
update allocation_application set row_version = nextval('allocation_application_version_seq');
alter table allocation_application
  alter column row_version set default nextval('allocation_application_version_seq'),
  alter column row_version set not null;

create function allocation_application_new_version() returns trigger language plpgsql as $f$
begin
  new.row_version := nextval('allocation_application_version_seq');
  return new;
end
$f$;
create trigger allocation_application_version before update on allocation_application
  for each row execute function allocation_application_new_version();

-- The ranking's read of the waiting list: its small columns straight from the index.
create index allocation_application_ranking_idx on allocation_application (municipality_id)
  include (id, status, paused_until, priority, waiting_since, row_version)
  where status in ('approved', 'paused');

grant usage on sequence allocation_application_version_seq to hjemvej_app;

-- The version of a municipality's whole waiting list (its applications and offers): a new number
-- from the same sequence in every transaction that changes either table, written at commit by a
-- deferred trigger, so it becomes visible exactly together with the change. Taken last, the row
-- lock orders committing writers without ever waiting on a lock they hold.
create table allocation_list_version (
  municipality_id uuid primary key references municipality(id),
  version bigint not null
);
alter table allocation_list_version enable row level security;
create policy tenant on allocation_list_version using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update on allocation_list_version to hjemvej_app;

create function allocation_list_changed() returns trigger language plpgsql as $f$
declare
  m uuid;
begin
  if tg_op = 'DELETE' then m := old.municipality_id; else m := new.municipality_id; end if;
  -- Once per transaction and municipality, however many rows it changed.
  if coalesce(current_setting('hjemvej.allocation_list_bumped', true), '') <> m::text then
    insert into allocation_list_version (municipality_id, version)
      values (m, nextval('allocation_application_version_seq'))
      on conflict (municipality_id) do update set version = excluded.version;
    perform set_config('hjemvej.allocation_list_bumped', m::text, true);
  end if;
  return null;
end
$f$;
create constraint trigger allocation_application_list_version
  after insert or update or delete on allocation_application deferrable initially deferred
  for each row execute function allocation_list_changed();
create constraint trigger offer_list_version
  after insert or update or delete on offer deferrable initially deferred
  for each row execute function allocation_list_changed();
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
drop trigger offer_list_version on offer;
drop trigger allocation_application_list_version on allocation_application;
drop function allocation_list_changed();
drop table allocation_list_version;
drop index allocation_application_ranking_idx;
drop trigger allocation_application_version on allocation_application;
drop function allocation_application_new_version();
alter table allocation_application drop column row_version;
drop sequence allocation_application_version_seq;
`)
    .execute(db);
}
