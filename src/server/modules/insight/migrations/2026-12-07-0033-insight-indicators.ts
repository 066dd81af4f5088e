import { type Kysely, sql } from 'kysely';

/**
 * The outcome indicators (issue 18 §3, docs/indicators.md): `insight.indicators` for the leader,
 * the economy role, the administrator and the caseworker (figures with small numbers suppressed,
 * never names). Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('role_permission')
    .values(
      ['leader', 'economy', 'admin', 'caseworker'].map((role_code) => ({
        role_code,
        permission: 'insight.indicators',
      })),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission = 'insight.indicators'`.execute(db);
}
