import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from './db/database';
import { tenantWith } from './test/factories';
import { testApp, testDatabase } from './test/helpers';

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

const login = (payload: string, contentType = 'application/json') =>
  app.inject({
    method: 'POST',
    url: '/api/session/login',
    headers: { 'content-type': contentType },
    payload,
  });

describe('bad input gets a 400 with an error code, never a 500', () => {
  it('names malformed JSON', async () => {
    const res = await login('{"username": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('V_MALFORMED_JSON');
  });

  it('names each field of the wrong type', async () => {
    const res = await login(JSON.stringify({ username: 42, password: ['x'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'V_VALIDATION',
      fields: [
        { path: 'username', code: 'invalid' },
        { path: 'password', code: 'invalid' },
      ],
    });
  });

  it('reports missing fields as required', async () => {
    const res = await login(JSON.stringify({}));
    expect(res.json().fields).toEqual([
      { path: 'username', code: 'required' },
      { path: 'password', code: 'required' },
    ]);
  });

  it('names unknown fields', async () => {
    const res = await login(JSON.stringify({ username: 'a', password: 'b', isAdmin: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'isAdmin', code: 'unknown' }]);
  });

  it('refuses an oversized body', async () => {
    const res = await login(JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('V_BODY_TOO_LARGE');
  });

  it('refuses a form-encoded body where JSON is expected', async () => {
    const res = await login('username=a&password=b', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('V_UNSUPPORTED_MEDIA_TYPE');
  });

  it('names a malformed id in the path', async () => {
    const { users } = await tenantWith(app, db, ['admin']);
    const res = await users.admin.session.request({
      method: 'PATCH',
      url: '/api/admin/users/not-a-uuid',
      payload: {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'id', code: 'invalid' }]);
  });

  it('answers a URL the router cannot read (bad percent-encoding, an over-long id) in the one error shape (issue 20 §9, found by the fuzzer)', async () => {
    const { users } = await tenantWith(app, db, ['admin']);
    for (const url of ['/api/admin/users/%ED%A0%80/unlock', `/api/admin/users/${'x'.repeat(150)}/unlock`]) {
      const res = await users.admin.session.request({ method: 'POST', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual({ code: 'V_VALIDATION', message: expect.any(String) });
    }
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});

describe('API description', () => {
  it('serves an OpenAPI document generated from the route schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/session/login', '/api/admin/users', '/api/audit', '/api/tasks']),
    );
    expect(
      doc.paths['/api/session/login'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['username', 'password']);
  });

  it('serves the interactive documentation page at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('security headers', () => {
  it('sends a content security policy and no-sniff on every response', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets no cache keep an API answer, personal data or an error (ASVS 8.1.1)', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const list = await users.caseworker.session.request({ method: 'GET', url: '/api/citizens' });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const refused = await app.inject({ method: 'GET', url: '/api/citizens' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });
});
