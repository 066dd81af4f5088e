import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { DatabaseHandles } from './db/database';
import { errorBody, registerErrorHandler } from './errors';
import { loggerOptions } from './logger';
import { serverModules } from './modules';
import { accessSettings, authPlugin, sharedRateLimitStore } from './modules/access';
import { declaredPersonalData, type ModuleContext } from './platform/module';
import { responseSerializer } from './platform/serializer';
import { installTestClock } from './platform/test-clock';
import { registerTextGuard } from './platform/text-guard';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: DatabaseHandles;
  }
}

/** What modules' routes and jobs read of the assembled app: the providers of every module (modules/index.ts). */
export function moduleContext(config: Config): ModuleContext {
  return {
    config,
    taskProviders: serverModules.flatMap((m) => m.tasks?.(config) ?? []),
    timelineProviders: serverModules.flatMap((m) => m.timeline ?? []),
    personalData: declaredPersonalData(serverModules),
  };
}

export interface BuildOptions {
  config: Config;
  db: DatabaseHandles;
  /** Pass false in tests to keep output quiet; defaults to pino with the configured level. */
  logger?: boolean;
  /** Where log lines go (default stdout); tests capture them to prove what is never logged. */
  logStream?: { write(line: string): void };
}

/**
 * Builds the whole application without listening: plugins, the auth layer, every module's routes
 * and the web app. main.ts listens; tests call `inject()`.
 */
export async function buildApp({
  config,
  db,
  logger = true,
  logStream,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? { ...loggerOptions(config.LOG_LEVEL), ...(logStream ? { stream: logStream } : {}) }
      : false,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // A URL the router cannot read (bad percent-encoding, a path parameter over 100 characters)
    // answers in the one error shape, not Fastify's own (issue 20 §9, found by the fuzzer).
    frameworkErrors: (_error, _request, reply) => {
      (reply as unknown as FastifyReply).status(400).send(errorBody('V_VALIDATION'));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  app.decorate('config', config);
  app.decorate('db', db);
  registerErrorHandler(app);
  if (config.HJEMVEJ_TEST_CLOCK) installTestClock(app);
  registerTextGuard(app);

  await app.register(cookie);
  await app.register(authPlugin, { settings: accessSettings(config) });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  // API answers carry personal data: no browser or proxy cache keeps them (ASVS 8.1.1). A route
  // that sets its own Cache-Control keeps it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
  // Rate limits count in PostgreSQL in server mode, so that every process counts the same
  // requests (ADR 0023); the embedded database has one process, which counts in memory.
  await app.register(rateLimit, {
    global: false,
    ...(db.kind === 'postgres' ? { store: sharedRateLimitStore(db.app, config.SESSION_SECRET) } : {}),
  });
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Hjemvej API',
        version: '0.1.0',
        description:
          'Housing First case management for Danish municipalities. Errors: `{ code, message, params?, fields? }`.',
      },
    },
    transform: jsonSchemaTransform,
  });
  // Routes that come from plugins are public by nature (documentation, static files).
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: 'public' };
    });
    await scope.register(swaggerUi, { routePrefix: '/api/docs' });
    if (existsSync(path.join(config.webDir, 'index.html'))) {
      await scope.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false });
    }
  });

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            // Where reports read (ADR 0024): `none` configured, the replica `up`, or `down` (the primary).
            replica: z.enum(['none', 'up', 'down']),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, replica: db.replica?.state ?? ('none' as const) }),
  );
  // Every module's routes, with the task and timeline providers of all modules (modules/index.ts).
  const context = moduleContext(config);
  for (const { routes } of serverModules) {
    if (routes) await app.register(async (scope) => routes(scope, context));
  }

  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return reply.status(404).send(errorBody('NOT_FOUND'));
    const indexFile = path.join(config.webDir, 'index.html');
    if (!existsSync(indexFile)) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Hjemvej: web-appen er ikke bygget. Kør "npm start" (eller "npm run build:web").');
    }
    // The single-page app routes everything else itself.
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await readFile(indexFile));
  });

  return app;
}
