import { type Kysely, sql } from 'kysely';

/**
 * The name search reads only the tenant's part of the trigram index and hands back whole rows
 * (issue 21 §4: the citizen search was the slowest request of the staff mix). Frozen.
 *
 * - The trigram index was national: a common name in København rechecked every municipality's
 *   matches (27,000 for "jensen" at national scale, 4,000 of them elsewhere). It now leads with the
 *   municipality (`btree_gin` lets a GIN index hold the uuid beside the trigrams), so the search
 *   reads one municipality's postings.
 * - `citizen_name_matches(word)` returns the tenant's matching citizen rows, not their ids: the list
 *   then reads them from the function instead of looking each up again by primary key (6,800 for
 *   "jensen" in København). Security definer as `citizen_name_search` was (row-level security
 *   keeps LIKE, which is not leakproof, from the index), limited to `hjemvej_municipality()` in the
 *   function itself, so a caller sees only their tenant's rows, as under row-level security.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create extension if not exists btree_gin;
create index citizen_name_trgm_municipality_idx on citizen
  using gin (municipality_id, name_search gin_trgm_ops);
drop index citizen_name_trgm_idx;

create function citizen_name_matches(p_word text) returns setof citizen
  language sql stable security definer set search_path = public rows 500 as $f$
  select c.* from citizen c
  where c.municipality_id = hjemvej_municipality() and c.name_search like '%' || p_word || '%'
$f$;
revoke all on function citizen_name_matches(text) from public;
grant execute on function citizen_name_matches(text) to hjemvej_app;
drop function citizen_name_search(text);
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create function citizen_name_search(p_word text) returns setof uuid
  language sql stable security definer set search_path = public as $f$
  select c.id from citizen c
  where c.municipality_id = hjemvej_municipality() and c.name_search like '%' || p_word || '%'
$f$;
grant execute on function citizen_name_search(text) to hjemvej_app;
drop function citizen_name_matches(text);
create index citizen_name_trgm_idx on citizen using gin (name_search gin_trgm_ops);
drop index citizen_name_trgm_municipality_idx;
`)
    .execute(db);
}
