import { type Kysely, sql } from 'kysely';

/**
 * The roles of design.md §1 and the foundation's permissions. Frozen: later modules grant their
 * own permissions in their own migrations.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  const roles = [
    'admin',
    'caseworker',
    'allocation',
    'support',
    'prevention',
    'leader',
    'economy',
    'partner_housing',
    'partner_shelter',
    'auditor',
  ];
  await db
    .insertInto('role')
    .values(roles.map((code, index) => ({ code, sort_order: (index + 1) * 10 })))
    .execute();
  const grants = [
    ...roles.map((role) => ({ role_code: role, permission: 'tasks.read' })),
    { role_code: 'admin', permission: 'users.manage' },
    { role_code: 'auditor', permission: 'audit.read' },
  ];
  await db.insertInto('role_permission').values(grants).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission`.execute(db);
  await sql`delete from role`.execute(db);
}
