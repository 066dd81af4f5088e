import { type Kysely, sql } from 'kysely';

/**
 * Youth indicators (issue 17 §8): `youth.indicators` for the leader and the administrator (figures
 * with small numbers suppressed, never names). Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('role_permission')
    .values(['leader', 'admin'].map((role_code) => ({ role_code, permission: 'youth.indicators' })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission = 'youth.indicators'`.execute(db);
}
