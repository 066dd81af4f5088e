import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { call, createDepartment, createOrganisation, tenantWith } from '../../test/factories';
import { login, TEST_PASSWORD, testApp, testDatabase } from '../../test/helpers';

let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

let serial = 0;
const newUser = (role: string, extra: Record<string, unknown> = {}) => ({
  username: `partner-${Date.now().toString(36)}-${++serial}`,
  displayName: 'Pia Partner',
  role,
  password: TEST_PASSWORD,
  ...extra,
});

/**
 * Issue 14 §3: on /admin/brugere, giving a user the housing-organisation role asks which
 * organisation (design.md §1: a housing organisation sees its own departments only).
 */
describe('the housing organisation of a housing-organisation user (issue 14 §3)', () => {
  it('refuses to create a housing-organisation user without an organisation, naming the field', async () => {
    const { users } = await tenantWith(app, db, ['admin']);
    const body = newUser('partner_housing');
    const res = await users.admin.session.request({ method: 'POST', url: '/api/admin/users', payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'USER_ORGANISATION_REQUIRED',
      fields: [{ path: 'organisationId', code: 'required' }],
    });
    const list = await call(users.admin.session, 'GET', '/api/admin/users');
    expect(list.items.map((u: { username: string }) => u.username)).not.toContain(body.username);
  });

  it('links a new housing-organisation user to the chosen organisation, which then is all it sees', async () => {
    const { users } = await tenantWith(app, db, ['admin']);
    const admin = users.admin.session;
    const { orgId, deptId } = await createDepartment(admin);
    const other = await createDepartment(admin);
    const choices = await call(admin, 'GET', '/api/admin/housing-organisations');
    expect(choices.items.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([orgId, other.orgId]),
    );

    const body = newUser('partner_housing', { organisationId: orgId });
    const created = await call(admin, 'POST', '/api/admin/users', body, 201);
    expect(created).toMatchObject({ role: 'partner_housing', organisationId: orgId });
    const listed = (await call(admin, 'GET', '/api/admin/users')).items.find(
      (u: { id: string }) => u.id === created.id,
    );
    expect(listed.organisationId).toBe(orgId);
    // The same link the organisation page shows as its contacts.
    const contacts = await call(admin, 'GET', `/api/housing/organisations/${orgId}/contacts`);
    expect(contacts.items.map((c: { userId: string }) => c.userId)).toEqual([created.id]);

    const partner = await login(app, body.username, TEST_PASSWORD);
    const departments = await call(partner, 'GET', '/api/partner/departments');
    const ids = JSON.stringify(departments);
    expect(ids).toContain(deptId);
    expect(ids).not.toContain(other.deptId);
  });

  it('asks for the organisation when an existing user gets the role, and ends the link when the user leaves it', async () => {
    const { users } = await tenantWith(app, db, ['admin', 'caseworker']);
    const admin = users.admin.session;
    const { id: orgId } = await createOrganisation(admin);
    const url = `/api/admin/users/${users.caseworker.id}`;

    const missing = await admin.request({ method: 'PATCH', url, payload: { role: 'partner_housing' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'USER_ORGANISATION_REQUIRED',
      fields: [{ path: 'organisationId', code: 'required' }],
    });
    const unchanged = (await call(admin, 'GET', '/api/admin/users')).items.find(
      (u: { id: string }) => u.id === users.caseworker.id,
    );
    expect(unchanged.role).toBe('caseworker');

    const given = await call(admin, 'PATCH', url, { role: 'partner_housing', organisationId: orgId });
    expect(given).toMatchObject({ role: 'partner_housing', organisationId: orgId });
    // A later change of name keeps the link.
    expect(await call(admin, 'PATCH', url, { displayName: 'Ny Navn' })).toMatchObject({
      organisationId: orgId,
    });

    const back = await call(admin, 'PATCH', url, { role: 'caseworker' });
    expect(back.organisationId).toBeNull();
    expect((await call(admin, 'GET', `/api/housing/organisations/${orgId}/contacts`)).items).toEqual([]);
  });

  it("refuses another municipality's organisation and an organisation for a role that has none", async () => {
    const a = await tenantWith(app, db, ['admin']);
    const b = await tenantWith(app, db, ['admin']);
    const { id: foreign } = await createOrganisation(b.users.admin.session);
    const admin = a.users.admin.session;
    const alien = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: newUser('partner_housing', { organisationId: foreign }),
    });
    expect(alien.statusCode).toBe(400);
    expect(alien.json()).toMatchObject({
      code: 'USER_ORGANISATION_NOT_FOUND',
      fields: [{ path: 'organisationId', code: 'invalid' }],
    });
    const { id: own } = await createOrganisation(admin);
    const wrongRole = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: newUser('caseworker', { organisationId: own }),
    });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().code).toBe('USER_ORGANISATION_NOT_ALLOWED');
  });
});
