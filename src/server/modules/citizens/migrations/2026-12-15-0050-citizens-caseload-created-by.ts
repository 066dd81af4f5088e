import { type Kysely, sql } from 'kysely';

/**
 * The citizens a user registered are found by index (issue 21 §4). Frozen.
 *
 * `citizen_caseload` (migration 0039), behind every need-to-know check of a support worker, counts
 * the citizens the user registered as her caseload. Without an index on who registered a citizen,
 * that part read every citizen of the municipality (78,000 in København: 35 of the 36 ms of the
 * support worker's consent tasks, and the same in each of her requests); with one it is a lookup.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw('create index citizen_created_by_idx on citizen (municipality_id, created_by);').execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop index citizen_created_by_idx;').execute(db);
}
