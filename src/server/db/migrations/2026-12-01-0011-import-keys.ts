import { type Kysely, sql } from 'kysely';

/**
 * Machine-made keys compare byte by byte (collation "C") instead of by the database's language
 * rules: the notice and vacancy import keys (hashes), the tenancy key of an eviction case and the
 * CPR number (ten digits). Nobody reads their order, only equality and the digits' order, which "C"
 * keeps; every index on them is rebuilt. Measured in bench/prevention.ts: inserting 20,000 notices
 * spent ~120 ms (of ~800) comparing import keys through the locale's rules in the unique index.
 *
 * And the citizens known without a CPR number by birth date: the duplicate check of citizens
 * registered from a CPR number compares them only with those (a citizen with another CPR number is
 * someone else), so an import of thousands of new tenants reads a few rows each, not every citizen
 * born the same day.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table eviction_notice alter column import_key type text collate "C";
alter table eviction_case alter column tenancy_key type text collate "C";
alter table vacancy alter column import_key type text collate "C";
alter table citizen alter column cpr type text collate "C";
create index citizen_no_cpr_birth_idx on citizen (municipality_id, birth_date) where cpr is null and merged_into is null;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table eviction_notice alter column import_key type text collate "default";
alter table eviction_case alter column tenancy_key type text collate "default";
alter table vacancy alter column import_key type text collate "default";
alter table citizen alter column cpr type text collate "default";
drop index citizen_no_cpr_birth_idx;
`)
    .execute(db);
}
