import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPermissions } from '../shared/permissions';
import type { DatabaseHandles } from './db/database';
import { serverModules } from './modules';
import type { ModuleContext } from './platform/module';
import { testApp, testConfig, testDatabase } from './test/helpers';

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
/** Public: health, the login, and its second step (the pending-login cookie says who; issue 20 §3). */
const PUBLIC_API = [
  'GET /api/health',
  'POST /api/session/login',
  'POST /api/session/second-factor',
  'POST /api/session/enrolment',
  'POST /api/session/enrolment/confirm',
  // Single sign-on: the login page's buttons, the redirect to the provider and its answer (ADR 0020).
  'GET /api/sso/choices',
  'GET /api/sso/:code/start',
  'GET /api/sso/:code/callback',
];

describe('route permissions', () => {
  it('declares an access rule on every route, and only known permissions', () => {
    const routes = app.routeAccess();
    expect(routes.length).toBeGreaterThan(10);
    const known = new Set<string>([...allPermissions(), 'authenticated', 'public']);
    const bad = routes.filter((r) => r.access === undefined || !known.has(r.access));
    expect(bad).toEqual([]);
  });

  it('makes only the login (password and single sign-on) and health routes public among the API routes', () => {
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

describe('response schemas', () => {
  /**
   * Every route of every module, as Fastify's onRoute hook sees it: the modules' route plugins
   * registered on a bare instance (the response schemas are the routes' own, whatever the app adds).
   */
  async function moduleRoutes(): Promise<RouteOptions[]> {
    const config = testConfig();
    const probe = Fastify({ logger: false });
    probe.setValidatorCompiler(validatorCompiler);
    probe.setSerializerCompiler(serializerCompiler);
    probe.decorate('config', config);
    probe.decorate('db', db);
    const routes: RouteOptions[] = [];
    probe.addHook('onRoute', (route) => {
      routes.push(route);
    });
    const context: ModuleContext = { config, taskProviders: [], timelineProviders: [], personalData: [] };
    for (const { routes: register } of serverModules) {
      if (register) await probe.register(async (scope) => register(scope, context));
    }
    await probe.ready();
    await probe.close();
    return routes;
  }

  it('every JSON API route declares a response schema', async () => {
    const routes = await moduleRoutes();
    expect(routes.length).toBeGreaterThan(10);
    // The serializer sends only declared fields, so a route without a schema would send whatever
    // the service returns. A route that sends a file (PDF, XLSX, a document) says so: config.file.
    const undeclared = routes
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.config?.file)
      .filter((r) => !r.schema?.response || Object.keys(r.schema.response).length === 0)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });
});
