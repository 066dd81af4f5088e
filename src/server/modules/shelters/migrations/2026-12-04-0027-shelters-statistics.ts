import { type Kysely, sql } from 'kysely';

/**
 * Stay lengths (issue 16 §10): `shelters.statistics` for the shelter's staff (their own shelter),
 * the economy and leader roles and the administrator (every shelter of the municipality, small
 * numbers suppressed). The quarterly report to Danmarks Statistik needs no new permission: it is
 * the shelter staff's (`shelters.stays`).
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('role_permission')
    .values(
      ['partner_shelter', 'economy', 'leader', 'admin'].map((role_code) => ({
        role_code,
        permission: 'shelters.statistics',
      })),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission = 'shelters.statistics'`.execute(db);
}
