import { type Kysely, sql } from 'kysely';

/**
 * Candidate ranking speed (issue 5): every application row carries a version the database hands
 * out — a number from one sequence, drawn again on every insert and update by a trigger, so two
 * states of a row never share a version, not in one transaction, not after a rollback, not across
 * app instances. The process caches of the ranking are keyed by it (ADR 0006). A covering index
 * holds exactly the columns the ranking reads for every waiting application, so that read is an
 * index-only scan. Frozen.
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
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
drop index allocation_application_ranking_idx;
drop trigger allocation_application_version on allocation_application;
drop function allocation_application_new_version();
alter table allocation_application drop column row_version;
drop sequence allocation_application_version_seq;
`)
    .execute(db);
}
