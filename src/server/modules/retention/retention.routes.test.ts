import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandles, withTenant } from '../../db/database';
import { declaredPersonalData } from '../../platform/module';
import type { PersonalDataTable } from '../../platform/personal-data';
import { call, createApplication, createCitizen, fakeCpr } from '../../test/factories';
import { type Session, tenantWith, testApp, testDatabase } from '../../test/helpers';
import { verifyChain } from '../audit';
import { serverModules } from '../index';
import { countRowsAbout } from './retention.repository';

/** Ten years on: everything written today is past a five-year policy. */
const LATER = '2036-06-01';

let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  app = await testApp(db, { HJEMVEJ_TEST_CLOCK: 'true' });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const declarations = declaredPersonalData(serverModules);
const tables: PersonalDataTable[] = declarations.flatMap((d) => d.declaration.tables);
const byName = new Map(tables.map((t) => [t.table, t]));

/** A request as of `date` (the test clock, ADR 0011). */
function at(session: Session, date: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: {
      cookie: `${session.cookie}; hjemvej_test_clock=${date}`,
      ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
    },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

async function rowsAbout(municipalityId: string, citizenId: string) {
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t.table] = await countRowsAbout(db.owner, municipalityId, byName, t, [citizenId]);
  return counts;
}

describe('the retention policy (GDPR art. 5(1)(e))', () => {
  it('is 5 years until the administrator sets it, and only whole years from 1 to 30 are accepted', async () => {
    const { users } = await tenantWith(app, db, ['admin', 'caseworker']);
    const admin = users.admin.session;
    expect(await call(admin, 'GET', '/api/retention/policy', undefined, 200)).toMatchObject({ years: 5 });
    for (const years of [0, 31, 2.5]) {
      const res = await admin.request({ method: 'PUT', url: '/api/retention/policy', payload: { years } });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].path).toBe('years');
    }
    expect(await call(admin, 'PUT', '/api/retention/policy', { years: 7 }, 200)).toMatchObject({ years: 7 });
    expect(await call(admin, 'GET', '/api/retention/policy', undefined, 200)).toMatchObject({ years: 7 });
    const refused = await users.caseworker.session.request({
      method: 'PUT',
      url: '/api/retention/policy',
      payload: { years: 9 },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('a dry run and the deletion it confirms (GDPR art. 5(1)(e), art. 17)', () => {
  it('lists exactly the citizens past the limit and none with an open case; the deletion erases them from every declared table, keeps the others and leaves the audit chain verifiable with pseudonyms', async () => {
    const { municipality, users } = await tenantWith(app, db, ['admin', 'caseworker']);
    const cw = users.caseworker.session;
    const admin = users.admin.session;
    const m = municipality.id;

    // Quiet (fakeCpr: born 1866): registered, whereabouts, a contact, a consent, a reading of the record — no open case.
    const quiet = await createCitizen(cw, {
      cpr: fakeCpr('120366'),
      givenName: 'Stille',
      familyName: 'Borger',
    });
    await call(
      cw,
      'POST',
      `/api/citizens/${quiet.id}/contacts`,
      { contactOn: '2026-01-05', channel: 'meeting', note: 'Mødt på gaden' },
      201,
    );
    await call(cw, 'GET', `/api/citizens/${quiet.id}?purpose=casework`, undefined, 200);
    // On the waiting list (an open case): never due, however old.
    const waiting = await createApplication(cw);
    // Another municipality's citizen, just as old.
    const other = await tenantWith(app, db, ['caseworker']);
    const elsewhere = await createCitizen(other.users.caseworker.session);

    // Today nobody is due.
    const now = await call(admin, 'POST', '/api/retention/dry-runs', undefined, 201);
    expect(now.due).toEqual([]);

    const dry = (await at(admin, LATER, 'POST', '/api/retention/dry-runs')).json();
    expect(dry.kind).toBe('dry_run');
    expect(dry.due.map((c: { id: string }) => c.id)).toEqual([quiet.id]);
    expect(dry.due[0]).toMatchObject({ name: 'Stille Borger', birthYear: 1866 });
    expect(dry.tables.find((t: { table: string }) => t.table === 'citizen')).toMatchObject({ rows: 1 });
    expect(dry.tables.find((t: { table: string }) => t.table === 'citizen_contact')).toMatchObject({
      rows: 1,
    });
    expect(JSON.stringify(dry.due)).not.toContain(waiting.citizenId);

    const before = await rowsAbout(m, quiet.id);
    expect(before.citizen).toBe(1);
    expect(before.citizen_contact).toBe(1);
    const untouchedBefore = await rowsAbout(m, waiting.citizenId);

    // A number other than the dry run's changes nothing.
    const wrong = await at(admin, LATER, 'POST', '/api/retention/deletions', {
      dryRunId: dry.id,
      citizens: 2,
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().code).toBe('RETENTION_COUNT_CHANGED');

    const run = await at(admin, LATER, 'POST', '/api/retention/deletions', { dryRunId: dry.id, citizens: 1 });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ kind: 'deletion', citizens: 1, failed: 0 });
    expect(run.json().auditPseudonymised).toBeGreaterThan(0);

    // Erased from every declared table, each checked.
    const after = await rowsAbout(m, quiet.id);
    for (const t of tables)
      expect({ table: t.table, rows: after[t.table] }).toEqual({ table: t.table, rows: 0 });
    // The citizen with an open case and the other municipality's citizen are untouched.
    expect(await rowsAbout(m, waiting.citizenId)).toEqual(untouchedBefore);
    expect((await rowsAbout(other.municipality.id, elsewhere.id)).citizen).toBe(1);

    // The same dry run cannot be confirmed twice.
    const again = await at(admin, LATER, 'POST', '/api/retention/deletions', {
      dryRunId: dry.id,
      citizens: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RETENTION_DRY_RUN_USED');

    // The audit chain still verifies, and no audit row names the erased citizen any more.
    const report = await withTenant(db.app, m, (trx) => verifyChain(trx, m));
    expect(report).toMatchObject({ ok: true, brokenAt: null });
    const { rows: naming } = await sql<{ n: string }>`select count(*) as n from audit_event
      where municipality_id = ${m} and (entity_id = ${quiet.id} or details::text like ${`%${quiet.id}%`})`.execute(
      db.owner,
    );
    expect(Number(naming[0]?.n)).toBe(0);
    const { rows: pseudonyms } = await sql<{ n: string }>`select count(*) as n from audit_event
      where municipality_id = ${m} and entity_type = 'citizen' and entity_id like 'pseudonym:%'`.execute(
      db.owner,
    );
    expect(Number(pseudonyms[0]?.n)).toBeGreaterThanOrEqual(2);

    // Both runs are logged and audited.
    const runs = (await call(admin, 'GET', '/api/retention/runs', undefined, 200)).items;
    expect(runs.map((r: { kind: string }) => r.kind)).toEqual(['deletion', 'dry_run', 'dry_run']);
    expect(runs[0]).toMatchObject({
      citizens: 1,
      years: 5,
      cutoff: '2031-06-01',
      ranBy: users.admin.username,
    });
    expect(runs[1]).toMatchObject({ used: true });
    const { rows: audited } = await sql<{ action: string }>`select action from audit_event
      where municipality_id = ${m} and entity_type = 'retention_run' order by id`.execute(db.owner);
    expect(audited.map((r) => r.action)).toEqual([
      'retention_run.dry_run',
      'retention_run.dry_run',
      'retention_run.start',
      'citizen.erase',
      'retention_run.finish',
    ]);
  });

  it('detects a clear citizen id changed in an audit row after migration 0042 (the subject digest)', async () => {
    const { municipality, users } = await tenantWith(app, db, ['caseworker']);
    const m = municipality.id;
    const a = await createCitizen(users.caseworker.session);
    const b = await createCitizen(users.caseworker.session);
    expect((await withTenant(db.app, m, (trx) => verifyChain(trx, m))).ok).toBe(true);
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(db.owner);
    try {
      await sql`update audit_event set entity_id = ${b.id} where municipality_id = ${m} and entity_id = ${a.id}`.execute(
        db.owner,
      );
    } finally {
      await sql`alter table audit_event enable trigger audit_event_append_only`.execute(db.owner);
    }
    const report = await withTenant(db.app, m, (trx) => verifyChain(trx, m));
    expect(report.ok).toBe(false);
    expect(report.brokenAt?.reason).toBe('hash_mismatch');
  });

  it('refuses an audit row rewritten to anything but its pseudonym (append-only, ADR 0021)', async () => {
    const { municipality, users } = await tenantWith(app, db, ['caseworker']);
    const a = await createCitizen(users.caseworker.session);
    await expect(
      sql`update audit_event set entity_id = 'pseudonym:0000000000000000'
        where municipality_id = ${municipality.id} and entity_id = ${a.id}`.execute(db.owner),
    ).rejects.toThrow(/append-only/);
  });
});

describe('the register of processing activities (GDPR art. 30)', () => {
  it('lists every module that declares personal data, for the administrator and the auditor only', async () => {
    const { users } = await tenantWith(app, db, ['admin', 'auditor', 'caseworker']);
    for (const role of ['admin', 'auditor'] as const) {
      const register = await call(users[role].session, 'GET', '/api/retention/register', undefined, 200);
      expect(register.activities.map((a: { module: string }) => a.module)).toEqual(
        declarations.map((d) => d.module),
      );
      expect(register.retentionYears).toBe(5);
      const citizens = register.activities.find((a: { module: string }) => a.module === 'citizens');
      expect(citizens.legalBases).toContain('gdpr_9_2_b');
      expect(citizens.tables).toContain('citizen');
    }
    const refused = await users.caseworker.session.request({ method: 'GET', url: '/api/retention/register' });
    expect(refused.statusCode).toBe(403);
  });
});
