import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoSettingsInput } from '../../../shared/sso/api';
import type { DatabaseHandles } from '../../db/database';
import { type Session, tenantWith, testApp, testDatabase } from '../../test/helpers';
import {
  loginAtProvider,
  startTestProvider,
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  type TestProvider,
} from '../../test/oidc-provider';

/**
 * Single sign-on (issue 20 §2) against a real OpenID provider started here (`oidc-provider` on a
 * random localhost port): authorisation code + PKCE (RFC 7636), state and nonce, the ID token's
 * issuer, audience and expiry (OpenID Connect Core §3.1.3.7), just-in-time provisioning, logout
 * at the provider (RP-Initiated Logout 1.0). The provider's login and consent forms are driven
 * with real HTTP requests; Hjemvej through app.inject().
 */
const PUBLIC_URL = 'http://hjemvej.test';

let db: DatabaseHandles;
let app: FastifyInstance;
let provider: TestProvider;
let admin: Session;
let municipality: { id: string; code: string };
let other: { municipality: { id: string; code: string }; admin: Session };

const callbackOf = (code: string) => `${PUBLIC_URL}/api/sso/${code}/callback`;
const unique = () => randomBytes(4).toString('hex');

function settings(overrides: Partial<SsoSettingsInput> = {}): SsoSettingsInput {
  return {
    enabled: true,
    issuer: provider.issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    roleClaim: 'groups',
    usernameClaim: 'preferred_username',
    roleMappings: [
      { value: 'hjemvej-sagsbehandlere', role: 'caseworker' },
      { value: 'hjemvej-ledere', role: 'leader' },
    ],
    ...overrides,
  };
}

/** A provider account with the given groups; its login name is its subject. */
function account(groups: string[], claims: Record<string, unknown> = {}): string {
  const login = `anna-${unique()}`;
  provider.accounts.set(login, {
    name: 'Anna Jensen',
    preferred_username: `${login}@kommune.dk`,
    email: `${login}@kommune.dk`,
    groups,
    ...claims,
  });
  return login;
}

const cookieOf = (res: LightMyRequestResponse, name: string) =>
  res.cookies.find((c) => c.name === name)?.value;

interface Flow {
  loginCookie: string;
  callback: URL;
}

/** From the login page's button to the provider's answer (not yet given to Hjemvej). */
async function throughProvider(code: string, login: string): Promise<Flow> {
  const start = await app.inject({ method: 'GET', url: `/api/sso/${code}/start` });
  expect(start.statusCode).toBe(302);
  const loginCookie = cookieOf(start, 'hjemvej_sso_login');
  if (!loginCookie) throw new Error('no login cookie');
  const callback = await loginAtProvider(String(start.headers.location), login, callbackOf(code));
  return { loginCookie, callback };
}

/** Gives the provider's answer to Hjemvej, as the browser does (with its login cookie, if any). */
function answer(flow: Flow, options: { cookie?: string | null; url?: URL } = {}) {
  const url = options.url ?? flow.callback;
  const cookie = options.cookie === undefined ? flow.loginCookie : options.cookie;
  return app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: cookie ? { cookie: `hjemvej_sso_login=${cookie}` } : {},
  });
}

/** The session a callback gave, as GET /api/session shows it. */
async function sessionOf(res: LightMyRequestResponse) {
  const token = cookieOf(res, 'hjemvej_session');
  if (!token) throw new Error(`no session: ${res.statusCode} ${res.headers.location}`);
  const session = await app.inject({
    method: 'GET',
    url: '/api/session',
    headers: { cookie: `hjemvej_session=${token}` },
  });
  expect(session.statusCode).toBe(200);
  return { token, body: session.json() };
}

async function fullLogin(code: string, login: string) {
  return answer(await throughProvider(code, login));
}

function auditOf(municipalityId: string, action: string) {
  return db.owner
    .selectFrom('audit_event')
    .select(['action', 'entity_id', 'details'])
    .where('municipality_id', '=', municipalityId)
    .where('action', '=', action)
    .execute();
}

beforeAll(async () => {
  db = await testDatabase();
  app = await testApp(db, { PUBLIC_URL });
  const a = await tenantWith(app, db, ['admin']);
  const b = await tenantWith(app, db, ['admin']);
  municipality = a.municipality;
  admin = a.users.admin.session;
  other = { municipality: b.municipality, admin: b.users.admin.session };
  provider = await startTestProvider({
    redirectUris: [callbackOf(municipality.code), callbackOf(other.municipality.code)],
    postLogoutRedirectUris: [`${PUBLIC_URL}/login`],
  });
  const saved = await admin.request({ method: 'PUT', url: '/api/admin/sso', payload: settings() });
  expect(saved.statusCode).toBe(200);
});
afterAll(async () => {
  await provider?.close();
  await app.close();
  await db.close();
});

describe('the administrator’s single sign-on settings', () => {
  it('never answers with the client secret, only that it is set (ASVS 2.10.4, 8.3.4)', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/admin/sso' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(TEST_CLIENT_SECRET);
    expect(res.json()).toMatchObject({
      enabled: true,
      issuer: provider.issuer,
      clientId: TEST_CLIENT_ID,
      clientSecretSet: true,
      redirectUri: callbackOf(municipality.code),
      postLogoutRedirectUri: `${PUBLIC_URL}/login`,
    });
    const { clientSecret: _, ...withoutSecret } = settings();
    const saved = await admin.request({ method: 'PUT', url: '/api/admin/sso', payload: withoutSecret });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain(TEST_CLIENT_SECRET);
    expect(saved.json().clientSecretSet).toBe(true);
  });

  it('stores the client secret encrypted at rest (AES-256-GCM), not as it was typed', async () => {
    const row = await db.owner
      .selectFrom('sso_config')
      .select('client_secret_sealed')
      .where('municipality_id', '=', municipality.id)
      .executeTakeFirstOrThrow();
    expect(row.client_secret_sealed).toMatch(/^v1\./);
    expect(row.client_secret_sealed).not.toContain(TEST_CLIENT_SECRET);
  });

  it('asks for a client secret the first time and names the field', async () => {
    const { clientSecret: _, ...withoutSecret } = settings();
    const res = await other.admin.request({ method: 'PUT', url: '/api/admin/sso', payload: withoutSecret });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SSO_SECRET_REQUIRED',
      fields: [{ path: 'clientSecret', code: 'required' }],
    });
  });

  it('refuses an http issuer other than localhost, naming the field (ASVS 9.2.1)', async () => {
    const res = await other.admin.request({
      method: 'PUT',
      url: '/api/admin/sso',
      payload: settings({ issuer: 'http://login.kommune.dk' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'issuer', code: 'https_required' }]);
  });

  it('shows another municipality none of this one’s settings (tenant isolation)', async () => {
    const res = await other.admin.request({ method: 'GET', url: '/api/admin/sso' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ enabled: false, issuer: '', clientId: '', clientSecretSet: false });
  });

  it('lets only the administrator set it up', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const res = await users.caseworker.session.request({
      method: 'PUT',
      url: '/api/admin/sso',
      payload: settings(),
    });
    expect(res.statusCode).toBe(403);
  });

  it('lists the municipality on the login page once it is on, and only then', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/sso/choices' });
    const codes = (res.json().items as { code: string }[]).map((c) => c.code);
    expect(codes).toContain(municipality.code);
    expect(codes).not.toContain(other.municipality.code);
  });
});

describe('logging in with single sign-on', () => {
  it('sends the browser to the provider with code flow, PKCE S256, state and nonce', async () => {
    const start = await app.inject({ method: 'GET', url: `/api/sso/${municipality.code}/start` });
    expect(start.statusCode).toBe(302);
    const location = new URL(String(start.headers.location));
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: TEST_CLIENT_ID,
      redirect_uri: callbackOf(municipality.code),
      code_challenge_method: 'S256',
    });
    for (const param of ['code_challenge', 'state', 'nonce'])
      expect(location.searchParams.get(param)).toBeTruthy();
    const cookie = start.cookies.find((c) => c.name === 'hjemvej_sso_login');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/sso' });
    // The PKCE verifier and the nonce are sealed: the cookie shows neither the state nor anything readable.
    expect(cookie?.value).not.toContain(location.searchParams.get('state'));
  });

  it('provisions the user into the municipality with the mapped role and gives a working session', async () => {
    const login = account(['alle-ansatte', 'hjemvej-sagsbehandlere']);
    const res = await fullLogin(municipality.code, login);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = res.cookies.find((c) => c.name === 'hjemvej_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const { token, body } = await sessionOf(res);
    expect(body.user).toMatchObject({
      username: `${login}_kommune.dk`,
      displayName: 'Anna Jensen',
      role: 'caseworker',
      municipality: { id: municipality.id },
    });
    // The session works for the role's routes, with the CSRF token, as a password session does.
    const citizens = await app.inject({
      method: 'GET',
      url: '/api/citizens',
      headers: { cookie: `hjemvej_session=${token}` },
    });
    expect(citizens.statusCode).toBe(200);
    const created = await auditOf(municipality.id, 'user.create');
    expect(created.filter((a) => a.entity_id === body.user.id)).toEqual([
      { action: 'user.create', entity_id: body.user.id, details: { role: 'caseworker', source: 'sso' } },
    ]);
    const logins = await auditOf(municipality.id, 'auth.login');
    expect(logins.filter((a) => a.entity_id === body.user.id)).toHaveLength(1);
  });

  it('updates the role from the claims at a later login, audited, and ends the older sessions', async () => {
    const login = account(['hjemvej-sagsbehandlere']);
    const first = await sessionOf(await fullLogin(municipality.code, login));
    expect(first.body.user.role).toBe('caseworker');
    provider.accounts.set(login, { ...provider.accounts.get(login), groups: ['hjemvej-ledere'] });
    const second = await sessionOf(await fullLogin(municipality.code, login));
    expect(second.body.user).toMatchObject({ id: first.body.user.id, role: 'leader' });
    const updates = await auditOf(municipality.id, 'user.update');
    expect(updates.filter((a) => a.entity_id === first.body.user.id)).toEqual([
      {
        action: 'user.update',
        entity_id: first.body.user.id,
        details: { fields: ['role_code'], role: 'leader', source: 'sso' },
      },
    ]);
    const old = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `hjemvej_session=${first.token}` },
    });
    expect(old.statusCode).toBe(401);
  });

  it('refuses a user whose groups map to no role, with a page that says so, and audits it', async () => {
    const login = account(['kantine']);
    const res = await fullLogin(municipality.code, login);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login/sso?fejl=no_role');
    expect(cookieOf(res, 'hjemvej_session')).toBeUndefined();
    const refused = await auditOf(municipality.id, 'auth.sso_refused');
    expect(refused.map((a) => a.details)).toContainEqual({
      reason: 'no_role',
      issuer: provider.issuer,
      subject: login,
    });
    const users = await admin.request({ method: 'GET', url: '/api/admin/users' });
    expect(users.json().items.map((u: { username: string }) => u.username)).not.toContain(
      `${login}_kommune.dk`,
    );
  });

  it('refuses an answer whose state is not the one the browser started with (RFC 6749 §10.12)', async () => {
    const flow = await throughProvider(municipality.code, account(['hjemvej-sagsbehandlere']));
    const url = new URL(flow.callback);
    url.searchParams.set('state', 'an-attacker-s-state');
    const res = await answer(flow, { url });
    expect(res.headers.location).toBe('/login/sso?fejl=failed');
    expect(cookieOf(res, 'hjemvej_session')).toBeUndefined();
  });

  it('refuses an answer without the browser’s login cookie, which holds the PKCE verifier (RFC 7636)', async () => {
    const flow = await throughProvider(municipality.code, account(['hjemvej-sagsbehandlere']));
    const res = await answer(flow, { cookie: null });
    expect(res.headers.location).toBe('/login/sso?fejl=failed');
    expect(cookieOf(res, 'hjemvej_session')).toBeUndefined();
  });

  it('refuses a login cookie that was changed', async () => {
    const flow = await throughProvider(municipality.code, account(['hjemvej-sagsbehandlere']));
    const tampered = `${flow.loginCookie.slice(0, -2)}${flow.loginCookie.endsWith('A') ? 'B' : 'A'}A`;
    const res = await answer(flow, { cookie: tampered });
    expect(res.headers.location).toBe('/login/sso?fejl=failed');
  });

  it('refuses an answer given a second time (the code is used once)', async () => {
    const flow = await throughProvider(municipality.code, account(['hjemvej-sagsbehandlere']));
    const first = await answer(flow);
    expect(first.headers.location).toBe('/');
    // The login cookie is cleared with the first answer; a replay that still carries it fails too.
    expect(first.cookies.find((c) => c.name === 'hjemvej_sso_login')?.value).toBe('');
    const replay = await answer(flow);
    expect(replay.headers.location).toBe('/login/sso?fejl=failed');
    expect(cookieOf(replay, 'hjemvej_session')).toBeUndefined();
  });

  it('refuses an ID token issued for another client (audience, OpenID Connect Core §3.1.3.7)', async () => {
    const flow = await throughProvider(municipality.code, account(['hjemvej-sagsbehandlere']));
    provider.audience.swapTo = 'another-client';
    try {
      const res = await answer(flow);
      expect(res.headers.location).toBe('/login/sso?fejl=failed');
      expect(cookieOf(res, 'hjemvej_session')).toBeUndefined();
    } finally {
      provider.audience.swapTo = null;
    }
  });

  it('answers the login of another municipality’s code only where single sign-on is on', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/sso/${other.municipality.code}/start` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login/sso?fejl=unavailable');
  });

  it('refuses a provider user whose username a password user has, and audits it (no takeover by name)', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const login = account(['hjemvej-sagsbehandlere'], { preferred_username: users.caseworker.username });
    const res = await fullLogin(municipality.code, login);
    expect(res.headers.location).toBe('/login/sso?fejl=username_taken');
    expect(cookieOf(res, 'hjemvej_session')).toBeUndefined();
    const refused = await auditOf(municipality.id, 'auth.sso_refused');
    expect(refused.map((a) => a.details)).toContainEqual({
      reason: 'username_taken',
      issuer: provider.issuer,
      subject: login,
    });
  });

  it('refuses a provisioned user whom the administrator disabled', async () => {
    const login = account(['hjemvej-sagsbehandlere']);
    const { body } = await sessionOf(await fullLogin(municipality.code, login));
    const disabled = await admin.request({
      method: 'PATCH',
      url: `/api/admin/users/${body.user.id}`,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    const res = await fullLogin(municipality.code, login);
    expect(res.headers.location).toBe('/login/sso?fejl=disabled');
    expect(cookieOf(res, 'hjemvej_session')).toBeUndefined();
  });

  it('refuses the provider’s error answer (the user cancelled) without a session', async () => {
    const start = await app.inject({ method: 'GET', url: `/api/sso/${municipality.code}/start` });
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
    const res = await app.inject({
      method: 'GET',
      url: `/api/sso/${municipality.code}/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
      headers: { cookie: `hjemvej_sso_login=${cookieOf(start, 'hjemvej_sso_login')}` },
    });
    expect(res.headers.location).toBe('/login/sso?fejl=failed');
    expect(cookieOf(res, 'hjemvej_session')).toBeUndefined();
  });

  it('refuses password login for a user provisioned by single sign-on', async () => {
    const login = account(['hjemvej-sagsbehandlere']);
    const { body } = await sessionOf(await fullLogin(municipality.code, login));
    for (const password of ['', '!external-login', 'correct-horse-battery']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/session/login',
        payload: { username: body.user.username, password: password || 'x' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    }
  });
});

describe('single sign-on in production', () => {
  it('is not offered by an http issuer saved outside production (ASVS 9.2.1)', async () => {
    const production = await testApp(db, { PUBLIC_URL, NODE_ENV: 'production' });
    try {
      const res = await production.inject({ method: 'GET', url: `/api/sso/${municipality.code}/start` });
      expect(res.headers.location).toBe('/login/sso?fejl=unavailable');
    } finally {
      await production.close();
    }
  });
});

describe('logging out of a single sign-on session', () => {
  it('ends the Hjemvej session and sends the browser to the provider’s end_session_endpoint', async () => {
    const res = await fullLogin(municipality.code, account(['hjemvej-sagsbehandlere']));
    const { token, body } = await sessionOf(res);
    const out = await app.inject({
      method: 'POST',
      url: '/api/sso/logout',
      headers: { cookie: `hjemvej_session=${token}`, 'x-csrf-token': body.csrfToken },
    });
    expect(out.statusCode).toBe(200);
    const to = new URL(out.json().redirectTo);
    expect(`${to.origin}${to.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/login`);
    expect(to.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const after = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `hjemvej_session=${token}` },
    });
    expect(after.statusCode).toBe(401);
    // The provider accepts the hint: its logout page asks to confirm, no error.
    const page = await fetch(to, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('logout');
  });

  it('ends a password session without sending the browser anywhere', async () => {
    const out = await admin.request({ method: 'POST', url: '/api/sso/logout' });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ redirectTo: null });
    admin = (await tenantWith(app, db, ['admin'])).users.admin.session;
  });
});
