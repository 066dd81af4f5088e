import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../db/database';
import { call, createCitizen, tenantWith } from '../test/factories';
import { testApp, testDatabase } from '../test/helpers';
import { pathOfNul } from './text-guard';

// Issue 20 (b): a NUL character (U+0000) in any text input answered 500 (PostgreSQL error 22021)
// on 11 of 15 endpoints, the login form included. PostgreSQL text cannot hold it.

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

const NUL = '\u0000';

describe('the path of a NUL in a parsed value', () => {
  it('names the first string holding NUL by its dotted path', () => {
    expect(pathOfNul({ a: 'ok', b: { c: ['x', `y${NUL}`] } })).toBe('b.c.1');
  });

  it('names a key holding NUL', () => {
    expect(pathOfNul({ [`k${NUL}`]: 'v' })).toBe(`k${NUL}`);
  });

  it('finds nothing in clean values, numbers and buffers', () => {
    expect(pathOfNul({ a: 'æøå', n: 0, b: true, z: null, list: [1, 'x'] })).toBeNull();
    expect(pathOfNul(Buffer.from([0, 0, 0]))).toBeNull();
  });
});

describe('text PostgreSQL cannot hold is refused with a 400 naming the field, never a 500', () => {
  it('refuses a NUL in the login form without a session', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session/login',
      payload: { username: `admin${NUL}`, password: 'whatever-it-is' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'V_VALIDATION',
      fields: [{ path: 'username', code: 'invalid' }],
    });
  });

  it('refuses a NUL in a session cookie', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: 'hjemvej_session=a%00b' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'headers.cookie', code: 'invalid' }]);
  });

  it('refuses a NUL in a search query and in a path parameter', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const search = await users.caseworker.session.request({ method: 'GET', url: '/api/citizens?q=ab%00c' });
    expect(search.statusCode).toBe(400);
    expect(search.json().fields).toEqual([{ path: 'q', code: 'invalid' }]);
    const byId = await users.caseworker.session.request({ method: 'GET', url: '/api/citizens/a%00b' });
    expect(byId.statusCode).toBe(400);
    expect(byId.json().fields).toEqual([{ path: 'id', code: 'invalid' }]);
  });

  it('refuses a citizen whose name holds a NUL and registers nobody', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const session = users.caseworker.session;
    await createCitizen(session, {
      birthDate: '1990-05-01',
      initials: 'NU',
      givenName: 'Nul',
      familyName: 'Før',
    });
    const before = await call(session, 'GET', '/api/citizens');
    const res = await session.request({
      method: 'POST',
      url: '/api/citizens',
      payload: { birthDate: '1990-05-01', initials: 'NX', givenName: `Ni${NUL}els`, familyName: 'Nielsen' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'givenName', code: 'invalid' }]);
    expect(await call(session, 'GET', '/api/citizens')).toEqual(before);
  });

  it('answers every route of the API with a 400 for a NUL in its body, query or path, for an admin', async () => {
    const { users } = await tenantWith(app, db, ['admin']);
    const session = users.admin.session;
    const routes = app
      .routeAccess()
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(100);
    const answers: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, `x%00y`).replace(/\*$/, 'x');
      const method = route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const withBody = method === 'POST' || method === 'PATCH' || method === 'PUT';
      const res = await session.request({
        method,
        url: url.includes('%00') || withBody ? url : `${url}?q=x%00y`,
        ...(withBody ? { payload: { note: `a${NUL}b` } } : {}),
      });
      if (res.statusCode !== 400 || res.json().code !== 'V_VALIDATION')
        answers.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(answers).toEqual([]);
  });
});
