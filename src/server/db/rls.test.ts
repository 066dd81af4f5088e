import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestMunicipality, createTestUser, testDatabase } from '../test/helpers';
import { type DatabaseHandles, withTenant } from './database';

let db: DatabaseHandles;

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('row-level security (the backstop behind every WHERE clause)', () => {
  it('shows a user of municipality A zero rows of municipality B when a query forgets its WHERE clause', async () => {
    const a = await createTestMunicipality(db, 'A');
    const b = await createTestMunicipality(db, 'B');
    await createTestUser(db, a.id, 'caseworker');
    const bUser = await createTestUser(db, b.id, 'caseworker');

    const seen = await withTenant(db.app, a.id, async (trx) => ({
      users: await trx.selectFrom('app_user').select(['id', 'municipality_id']).execute(),
      audit: await trx.selectFrom('audit_event').select('municipality_id').execute(),
      municipalities: await trx.selectFrom('municipality').select('id').execute(),
    }));
    expect(seen.users.length).toBeGreaterThan(0);
    expect(seen.users.every((u) => u.municipality_id === a.id)).toBe(true);
    expect(seen.users.map((u) => u.id)).not.toContain(bUser.id);
    expect(seen.audit.every((e) => e.municipality_id === a.id)).toBe(true);
    expect(seen.municipalities).toEqual([{ id: a.id }]);
  });

  it('shows nothing at all outside a tenant transaction', async () => {
    const a = await createTestMunicipality(db);
    await createTestUser(db, a.id, 'leader');
    expect(await db.app.selectFrom('app_user').select('id').execute()).toEqual([]);
    expect(await db.app.selectFrom('session').select('token_hash').execute()).toEqual([]);
  });

  it('refuses to write a row into another municipality', async () => {
    const a = await createTestMunicipality(db);
    const b = await createTestMunicipality(db);
    await expect(
      withTenant(db.app, a.id, (trx) =>
        trx
          .insertInto('app_user')
          .values({
            municipality_id: b.id,
            username: 'sneaky.user',
            display_name: 'x',
            role_code: 'admin',
            password_hash: 'x',
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot move a row of its own municipality into another', async () => {
    const a = await createTestMunicipality(db);
    const b = await createTestMunicipality(db);
    const user = await createTestUser(db, a.id, 'support');
    await expect(
      withTenant(db.app, a.id, (trx) =>
        trx.updateTable('app_user').set({ municipality_id: b.id }).where('id', '=', user.id).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('runs the application as a role that is neither superuser nor exempt from row-level security', async () => {
    const { rows } = await sql<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>`
      select current_user, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`.execute(
      db.app,
    );
    expect(rows).toEqual([{ current_user: 'hjemvej_app', rolsuper: false, rolbypassrls: false }]);
  });
});
