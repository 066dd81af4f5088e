import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/permissions';
import { buildApp } from '../../app';
import type { DatabaseHandles } from '../../db/database';
import { TEST_TOTP_SECRET } from '../../test/demo-password';
import {
  createTestMunicipality,
  createTestUser,
  nextTotpCode,
  type Session,
  TEST_PASSWORD,
  tenantWith,
  testConfig,
  testDatabase,
} from '../../test/helpers';
import { base32Decode, hotp, timeStep } from './totp';

/**
 * The second factor for password logins (issue 20 §3; ASVS 2.2.2–2.2.3, 2.8; RFC 6238): enrolment,
 * the login's second step, the failure count shared with passwords, replay, recovery codes, the
 * roles that must use one, and the administrator's reset.
 */
let db: DatabaseHandles;
let app: FastifyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  db = await testDatabase();
  app = await buildApp({
    config: testConfig({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15', LOG_LEVEL: 'trace' }),
    db,
    logStream: { write: (line) => logLines.push(line) },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const PENDING = 'hjemvej_login_pending';

const postLogin = (username: string, password = TEST_PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/session/login', payload: { username, password } });

/** The pending-login cookie of a first step's answer, as a request header. */
function pendingHeader(res: LightMyRequestResponse): { cookie: string } {
  const cookie = res.cookies.find((c) => c.name === PENDING);
  if (!cookie) throw new Error(`no pending-login cookie: ${res.statusCode} ${res.body}`);
  return { cookie: `${PENDING}=${cookie.value}` };
}

const sendCode = (headers: { cookie: string }, code: string, url = '/api/session/second-factor') =>
  app.inject({ method: 'POST', url, headers, payload: { code } });

/** A wrong code: the current code of another secret (one in a million is right by chance). */
const wrongCode = async () => hotp(base32Decode('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), timeStep(Date.now()));

/** A user (of a role that need not use a second factor) who enrols herself while logged in. */
async function enrolledUser(role: Role = 'caseworker') {
  const { municipality, users } = await tenantWith(app, db, [role, 'admin'] as Role[]);
  const me = users[role];
  const start = await me.session.request({ method: 'POST', url: '/api/account/second-factor/enrolment' });
  expect(start.statusCode).toBe(200);
  const { secret } = start.json() as { secret: string };
  const confirm = await me.session.request({
    method: 'POST',
    url: '/api/account/second-factor/confirm',
    payload: { code: await nextTotpCode(me.username, secret) },
  });
  expect(confirm.statusCode).toBe(200);
  const { recoveryCodes } = confirm.json() as { recoveryCodes: string[] };
  return { municipality, me, admin: users.admin, secret, recoveryCodes };
}

async function auditOf(municipalityId: string, action: string) {
  return db.owner
    .selectFrom('audit_event')
    .select(['action', 'entity_id', 'details', 'actor_username'])
    .where('municipality_id', '=', municipalityId)
    .where('action', '=', action)
    .orderBy('id') // insertion order: seq is given later, by the chaining job (ADR 0009)
    .execute();
}

describe('enrolment by a logged-in user', () => {
  it('shows a secret, its otpauth URI and an SVG QR code, and confirms with a current code: ten recovery codes, shown once', async () => {
    const { municipality, users } = await tenantWith(app, db, ['caseworker']);
    const me = users.caseworker;
    const before = await me.session.request({ method: 'GET', url: '/api/account/second-factor' });
    expect(before.json()).toEqual({ enrolled: false, required: false, recoveryCodesLeft: 0 });

    const start = await me.session.request({ method: 'POST', url: '/api/account/second-factor/enrolment' });
    const body = start.json() as { secret: string; otpauthUri: string; qrCode: string };
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUri).toBe(
      `otpauth://totp/Hjemvej:${me.username}?secret=${body.secret}&issuer=Hjemvej&algorithm=SHA1&digits=6&period=30`,
    );
    expect(Buffer.from(body.qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toContain(
      '<svg',
    );

    const wrong = await me.session.request({
      method: 'POST',
      url: '/api/account/second-factor/confirm',
      payload: { code: await wrongCode() },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH_CODE_INVALID');

    const confirm = await me.session.request({
      method: 'POST',
      url: '/api/account/second-factor/confirm',
      payload: { code: await nextTotpCode(me.username, body.secret) },
    });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);

    const after = await me.session.request({ method: 'GET', url: '/api/account/second-factor' });
    expect(after.json()).toEqual({ enrolled: true, required: false, recoveryCodesLeft: 10 });
    const again = await me.session.request({ method: 'POST', url: '/api/account/second-factor/enrolment' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SECOND_FACTOR_ENROLLED');
    expect(await auditOf(municipality.id, 'user.second_factor_enrol')).toMatchObject([
      { entity_id: me.id, actor_username: me.username },
    ]);
  });

  it('stores the secret sealed and the recovery codes argon2id-hashed, never in plain text', async () => {
    const { me, secret, recoveryCodes } = await enrolledUser();
    const row = await db.owner
      .selectFrom('user_second_factor')
      .selectAll()
      .where('user_id', '=', me.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_sealed).toMatch(/^v1\./);
    expect(row.secret_sealed).not.toContain(secret);
    const hashes = await db.owner
      .selectFrom('user_recovery_code')
      .select('code_hash')
      .where('user_id', '=', me.id)
      .execute();
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) {
      expect(code_hash).toMatch(/^\$argon2id\$/);
      for (const code of recoveryCodes) expect(code_hash).not.toContain(code.replace('-', ''));
    }
  });

  it('gives new recovery codes for a current code only, and the old ones stop working', async () => {
    const { me, secret, recoveryCodes } = await enrolledUser();
    const refused = await me.session.request({
      method: 'POST',
      url: '/api/account/second-factor/recovery-codes',
      payload: { code: recoveryCodes[0] },
    });
    expect(refused.statusCode).toBe(401);
    const res = await me.session.request({
      method: 'POST',
      url: '/api/account/second-factor/recovery-codes',
      payload: { code: await nextTotpCode(me.username, secret) },
    });
    expect(res.statusCode).toBe(200);
    const fresh = (res.json() as { recoveryCodes: string[] }).recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);

    const first = await postLogin(me.username);
    const old = await sendCode(pendingHeader(first), recoveryCodes[1] ?? '');
    expect(old.statusCode).toBe(401);
    const current = await sendCode(pendingHeader(first), fresh[0] ?? '');
    expect(current.statusCode).toBe(200);
  });
});

describe('the login of a user with a second factor', () => {
  it('asks for the code after the password and opens no session before it (202, a pending-login cookie only)', async () => {
    const { municipality, me, secret } = await enrolledUser();
    const first = await postLogin(me.username);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ secondStep: 'totp' });
    expect(first.cookies.map((c) => c.name)).toEqual([PENDING]);
    const pending = first.cookies[0];
    expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/session' });

    const noSession = await app.inject({ method: 'GET', url: '/api/session', headers: pendingHeader(first) });
    expect(noSession.statusCode).toBe(401);

    const res = await sendCode(pendingHeader(first), await nextTotpCode(me.username, secret));
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe(me.username);
    expect(res.cookies.find((c) => c.name === 'hjemvej_session')?.value).toBeTruthy();
    const logins = await auditOf(municipality.id, 'auth.login');
    expect(logins.filter((a) => a.entity_id === me.id).at(-1)?.details).toEqual({ factor: 'totp' });
  });

  it('refuses a code whose time step was accepted before (replay, RFC 6238 §5.2), and logs it as a replay', async () => {
    const { municipality, me, secret } = await enrolledUser();
    const code = await nextTotpCode(me.username, secret);
    const first = await postLogin(me.username);
    expect((await sendCode(pendingHeader(first), code)).statusCode).toBe(200);
    const second = await postLogin(me.username);
    const replay = await sendCode(pendingHeader(second), code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('AUTH_CODE_INVALID');
    // Told apart from a wrong code in the audit log (ASVS 2.8.5: someone else may have seen it).
    const wrong = await sendCode(pendingHeader(second), code === '000000' ? '111111' : '000000');
    expect(wrong.statusCode).toBe(401);
    const failures = (await auditOf(municipality.id, 'auth.login_failed')).filter(
      (a) => a.entity_id === me.id,
    );
    expect(failures.map((a) => (a.details as { replayed?: boolean }).replayed ?? false)).toEqual([
      true,
      false,
    ]);
  });

  it('locks the user after LOGIN_MAX_FAILURES wrong passwords and codes together, the right code refused then (ASVS 2.2.1)', async () => {
    const { municipality, me, secret } = await enrolledUser();
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) statuses.push((await postLogin(me.username, 'not-the-password')).statusCode);
    const first = await postLogin(me.username);
    statuses.push(first.statusCode);
    for (let i = 0; i < 3; i++)
      statuses.push((await sendCode(pendingHeader(first), await wrongCode())).statusCode);
    // 2 wrong passwords + 3 wrong codes = 5 = LOGIN_MAX_FAILURES: the fifth failure locks.
    expect(statuses).toEqual([401, 401, 202, 401, 401, 429]);
    const right = await sendCode(pendingHeader(first), await nextTotpCode(me.username, secret));
    expect(right.statusCode).toBe(429);
    expect((await postLogin(me.username)).statusCode).toBe(429);
    const failures = (await auditOf(municipality.id, 'auth.login_failed')).filter(
      (a) => a.entity_id === me.id,
    );
    expect(failures.map((a) => a.details)).toEqual([
      { failures: 1 },
      { failures: 2 },
      { failures: 3, factor: 'totp' },
      { failures: 4, factor: 'totp' },
    ]);
    expect((await auditOf(municipality.id, 'auth.lockout')).at(-1)).toMatchObject({
      entity_id: me.id,
      details: { failures: 5, factor: 'totp' },
    });
  });

  it('accepts a recovery code in place of the code, each once, and audits the factor', async () => {
    const { municipality, me, recoveryCodes } = await enrolledUser();
    const code = recoveryCodes[3] ?? '';
    const first = await postLogin(me.username);
    const res = await sendCode(pendingHeader(first), ` ${code.toUpperCase()} `);
    expect(res.statusCode).toBe(200);
    const logins = (await auditOf(municipality.id, 'auth.login')).filter((a) => a.entity_id === me.id);
    expect(logins.at(-1)?.details).toEqual({ factor: 'recovery_code' });
    const again = await postLogin(me.username);
    const reused = await sendCode(pendingHeader(again), code);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('AUTH_CODE_INVALID');
  });

  it('refuses a forged, changed or missing pending-login token', async () => {
    const { me, secret } = await enrolledUser();
    const first = await postLogin(me.username);
    const { cookie } = pendingHeader(first);
    const [payload, signature] = cookie.slice(PENDING.length + 1).split('.');
    const otherUser = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
        u: me.id.replace(/.$/, (last) => (last === '0' ? '1' : '0')),
      }),
    ).toString('base64url');
    for (const headers of [
      { cookie: `${PENDING}=${otherUser}.${signature}` },
      { cookie: `${PENDING}=x.y` },
      {},
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/session/second-factor',
        headers,
        payload: { code: hotp(base32Decode(secret), timeStep(Date.now())) },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH_SECOND_STEP_EXPIRED');
    }
  });
});

describe('a role that must use a second factor', () => {
  it('is admin and auditor by default for a new municipality', async () => {
    const { users } = await tenantWith(app, db, ['admin']);
    const res = await users.admin.session.request({ method: 'GET', url: '/api/admin/second-factor-roles' });
    expect(res.json()).toEqual({ roles: ['admin', 'auditor'] });
  });

  it('takes a user without a second factor from the password straight into enrolment, and gives a session only after a confirmed code', async () => {
    const m = await createTestMunicipality(db);
    const admin = await createTestUser(db, m.id, 'admin', { secondFactor: false });
    const first = await postLogin(admin.username);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ secondStep: 'enrol' });
    const headers = pendingHeader(first);
    expect((await app.inject({ method: 'GET', url: '/api/admin/users', headers })).statusCode).toBe(401);
    // The TOTP step is not open to a user who has no second factor.
    expect((await sendCode(headers, '123456')).json().code).toBe('AUTH_SECOND_STEP_EXPIRED');

    const start = await app.inject({ method: 'POST', url: '/api/session/enrolment', headers });
    expect(start.statusCode).toBe(200);
    const { secret } = start.json() as { secret: string };
    const wrong = await sendCode(headers, await wrongCode(), '/api/session/enrolment/confirm');
    expect(wrong.statusCode).toBe(401);
    const res = await sendCode(
      headers,
      await nextTotpCode(admin.username, secret),
      '/api/session/enrolment/confirm',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().recoveryCodes).toHaveLength(10);
    expect(res.json().user.username).toBe(admin.username);
    const session = res.cookies.find((c) => c.name === 'hjemvej_session');
    const users = await app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { cookie: `hjemvej_session=${session?.value}` },
    });
    expect(users.statusCode).toBe(200);
    // The next login asks for the code.
    expect((await postLogin(admin.username)).json()).toEqual({ secondStep: 'totp' });
  });

  it('is changed by the administrator (audited), and a caseworker then must enrol; others may not change it', async () => {
    const { municipality, users } = await tenantWith(app, db, ['admin', 'caseworker']);
    const put = (session: Session, roles: Role[]) =>
      session.request({ method: 'PUT', url: '/api/admin/second-factor-roles', payload: { roles } });
    expect((await put(users.caseworker.session, [])).statusCode).toBe(403);
    const res = await put(users.admin.session, ['caseworker', 'admin', 'auditor']);
    expect(res.json()).toEqual({ roles: ['admin', 'caseworker', 'auditor'] });
    expect((await auditOf(municipality.id, 'settings.second_factor_roles')).at(-1)?.details).toEqual({
      before: ['admin', 'auditor'],
      after: ['admin', 'caseworker', 'auditor'],
    });
    expect((await postLogin(users.caseworker.username)).json()).toEqual({ secondStep: 'enrol' });
    const status = await users.caseworker.session.request({
      method: 'GET',
      url: '/api/account/second-factor',
    });
    expect(status.json()).toMatchObject({ enrolled: false, required: true });
  });
});

describe("the administrator's reset (a lost phone)", () => {
  it("removes the second factor, ends the user's sessions, shows it in the user list and is audited", async () => {
    const { municipality, me, admin } = await enrolledUser();
    const list = async () =>
      (
        (await admin.session.request({ method: 'GET', url: '/api/admin/users' })).json() as {
          items: { id: string; secondFactor: boolean }[];
        }
      ).items.find((u) => u.id === me.id);
    expect((await list())?.secondFactor).toBe(true);
    expect(
      (await me.session.request({ method: 'POST', url: `/api/admin/users/${admin.id}/second-factor/reset` }))
        .statusCode,
    ).toBe(403);

    const res = await admin.session.request({
      method: 'POST',
      url: `/api/admin/users/${me.id}/second-factor/reset`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: me.id, secondFactor: false });
    expect((await list())?.secondFactor).toBe(false);
    expect((await me.session.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    expect(await auditOf(municipality.id, 'user.second_factor_reset')).toMatchObject([
      { entity_id: me.id, actor_username: admin.username },
    ]);
    // A caseworker need not use one: the password alone logs her in again.
    expect((await postLogin(me.username)).statusCode).toBe(200);
    const twice = await admin.session.request({
      method: 'POST',
      url: `/api/admin/users/${me.id}/second-factor/reset`,
    });
    expect(twice.json().code).toBe('SECOND_FACTOR_NOT_ENROLLED');
  });

  it("answers 404 for another municipality's user", async () => {
    const { me } = await enrolledUser();
    const other = await tenantWith(app, db, ['admin']);
    const res = await other.users.admin.session.request({
      method: 'POST',
      url: `/api/admin/users/${me.id}/second-factor/reset`,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('the secret (ASVS 2.8.2, 7.1.1)', () => {
  it('is in no answer after the enrolment and in no log line, nor are the recovery codes', async () => {
    logLines.length = 0;
    const { me, admin, secret, recoveryCodes } = await enrolledUser();
    const answers = [
      await me.session.request({ method: 'GET', url: '/api/account/second-factor' }),
      await me.session.request({ method: 'GET', url: '/api/session' }),
      await admin.session.request({ method: 'GET', url: '/api/admin/users' }),
      await me.session.request({ method: 'POST', url: '/api/account/second-factor/enrolment' }),
    ];
    const first = await postLogin(me.username);
    answers.push(first, await sendCode(pendingHeader(first), await nextTotpCode(me.username, secret)));
    for (const res of answers) {
      expect(res.body).not.toContain(secret);
      for (const code of recoveryCodes) expect(res.body).not.toContain(code);
    }
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(TEST_TOTP_SECRET);
    for (const code of recoveryCodes) expect(log).not.toContain(code);
  });
});
