import { type Kysely, sql } from 'kysely';

/**
 * The dashboards (issue 18 §4): `insight.dashboard` opens the page; each section has a permission
 * of its own — the outcomes for the leader and the administrator, costs and supply for the economy
 * role, the allocation team's flow for the allocation role, the prevention team's flow for the
 * prevention role, and every section for the leader and the administrator. Frozen.
 */
const GRANTS: Record<string, string[]> = {
  'insight.dashboard': ['leader', 'economy', 'allocation', 'prevention', 'admin'],
  'insight.dashboard.outcomes': ['leader', 'admin'],
  'insight.dashboard.economy': ['leader', 'economy', 'admin'],
  'insight.dashboard.allocation': ['leader', 'allocation', 'admin'],
  'insight.dashboard.prevention': ['leader', 'prevention', 'admin'],
};

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('role_permission')
    .values(
      Object.entries(GRANTS).flatMap(([permission, roles]) =>
        roles.map((role_code) => ({ role_code, permission })),
      ),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'insight.dashboard%'`.execute(db);
}
