import { type Kysely, sql } from 'kysely';

/**
 * Support (issue 15, the national benchmark): every enrollment of a worker or a team by index,
 * ended ones included, so that a caseload (and "Mine opgaver"'s recently ended courses) is found
 * from the user's worker and team rows without reading all of the municipality's enrollments. The
 * partial indexes of 0016 serve only active enrollments. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index support_enrollment_worker_end_idx on support_enrollment (worker_id, end_on)`.execute(
    db,
  );
  await sql`create index support_enrollment_team_end_idx on support_enrollment (team_id, end_on)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index support_enrollment_team_end_idx`.execute(db);
  await sql`drop index support_enrollment_worker_end_idx`.execute(db);
}
