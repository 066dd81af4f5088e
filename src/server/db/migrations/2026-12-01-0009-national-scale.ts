import { type Kysely, sql } from 'kysely';

/**
 * Indexes the national benchmark (bench/national, issue 7) found missing on the citizen page, the
 * heaviest per-citizen read: its plans scanned the whole municipality's rows to find one citizen's.
 * - every whereabouts episode of a citizen, retracted ones included (the page shows the full
 *   history; the partial whereabouts_citizen_idx holds only the live ones);
 * - a citizen's applications of any status and their tenancies (the allocation timeline; the only
 *   index on allocation_application.citizen_id covers open applications, tenancy had none).
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create index whereabouts_episode_citizen_all_idx on whereabouts_episode (citizen_id, from_date desc, recorded_at desc);
create index allocation_application_citizen_idx on allocation_application (citizen_id);
create index tenancy_citizen_idx on tenancy (citizen_id);
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      'drop index whereabouts_episode_citizen_all_idx, allocation_application_citizen_idx, tenancy_citizen_idx;',
    )
    .execute(db);
}
