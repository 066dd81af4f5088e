import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPermissions } from '../shared/permissions';
import type { DatabaseHandles } from './db/database';
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

/** Routes that anyone may call; every other route needs a login. Adding to this list needs a reason. */
const PUBLIC_API = ['GET /api/health', 'POST /api/session/login'];

describe('route permissions', () => {
  it('declares an access rule on every route, and only known permissions', () => {
    const routes = app.routeAccess();
    expect(routes.length).toBeGreaterThan(10);
    const known = new Set<string>([...allPermissions(), 'authenticated', 'public']);
    const bad = routes.filter((r) => r.access === undefined || !known.has(r.access));
    expect(bad).toEqual([]);
  });

  it('makes only the login and health routes public among the API routes', () => {
    const publicApi = app
      .routeAccess()
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.access === 'public')
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !r.startsWith('HEAD '));
    expect(publicApi.sort()).toEqual(PUBLIC_API.sort());
  });

  it('answers 401 on every non-public API route without a session', async () => {
    const closed = app
      .routeAccess()
      .filter((r) => r.url.startsWith('/api/') && r.access !== 'public' && r.method !== 'HEAD');
    for (const route of closed) {
      const url = route.url.replace(':id', '00000000-0000-4000-8000-000000000000');
      const res = await app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' ? undefined : {},
      });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
    }
  });

  it('refuses to start when a route lacks an access rule', async () => {
    const { buildApp } = await import('./app');
    const { testConfig } = await import('./test/helpers');
    const broken = await buildApp({ config: testConfig(), db, logger: false });
    broken.get('/api/forgotten', async () => 'oops');
    await expect(broken.ready()).rejects.toThrow(/without declared access: GET \/api\/forgotten/);
  });
});
