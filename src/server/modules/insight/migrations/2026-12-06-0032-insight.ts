import { type Kysely, sql } from 'kysely';

/**
 * The monthly by-name flow (issue 18 §2, rule 35): `insight.flow` for the leader, the
 * administrator, the caseworker and the allocation role (figures with small numbers suppressed,
 * never names). Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('role_permission')
    .values(
      ['leader', 'admin', 'caseworker', 'allocation'].map((role_code) => ({
        role_code,
        permission: 'insight.flow',
      })),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission = 'insight.flow'`.execute(db);
}
