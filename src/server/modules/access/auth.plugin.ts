import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { RouteAccess } from '../../../shared/permissions';
import { AppError } from '../../errors';
import type { SessionContextRow } from './access.repository';
import { type AccessSettings, resolveSession } from './access.service';
import { truncateIp } from './client-ip';
import { SESSION_ENDED_CHANNEL, SessionCache } from './session-cache';

export const SESSION_COOKIE = 'hjemvej_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sessions, permissions and CSRF for every route. A route must declare `config.access`; one that
 * does not is refused at start-up and, should it slip through, answers 403 at run time.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { settings: AccessSettings }) => {
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      routes.push(route as RouteOptions);
    });
    app.decorate('routeAccess', () =>
      routes.flatMap((r) =>
        (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
          method: String(method),
          url: r.url,
          access: r.config?.access,
        })),
      ),
    );
    app.addHook('onReady', async () => {
      const missing = app.routeAccess().filter((r) => r.access === undefined);
      if (missing.length > 0) {
        throw new Error(
          `Routes without declared access: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`,
        );
      }
    });

    // On PostgreSQL a process keeps the sessions it has read for a few seconds, told by the
    // database of every session that ends (ADR 0025); in-process PGlite has no round trip to save.
    const kept =
      app.db.listen && opts.settings.sessionCacheSeconds > 0
        ? new SessionCache<SessionContextRow>(opts.settings.sessionCacheSeconds * 1000)
        : undefined;
    if (kept && app.db.listen) {
      const stop = app.db.listen(SESSION_ENDED_CHANNEL, kept.listener);
      app.addHook('onClose', async () => {
        kept.close();
        await stop();
      });
    }

    app.decorateRequest('auth', null);
    app.addHook('onRequest', async (request: FastifyRequest) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      request.auth = await resolveSession(app.db.app, opts.settings, token, truncateIp(request.ip), kept);
    });

    // Before validation, so that an anonymous caller learns nothing about a route's schema.
    app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.is404) return;
      const access = request.routeOptions.config.access;
      if (access === undefined) throw new AppError('FORBIDDEN');
      if (UNSAFE.has(request.method)) checkCsrf(request, access);
      if (access === 'public') return;
      if (!request.auth) {
        if (request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        throw new AppError('AUTH_REQUIRED');
      }
      if (access !== 'authenticated' && !request.auth.permissions.has(access))
        throw new AppError('FORBIDDEN');
    });
  },
  { name: 'hjemvej-auth', dependencies: ['@fastify/cookie'] },
);

/**
 * Logged-in writes carry the session's token in `x-csrf-token`. Public writes (login) must not come
 * from another site: the browser's Origin / Sec-Fetch-Site say so, and a JSON body cannot be sent
 * cross-site without a CORS preflight that this server never grants.
 */
function checkCsrf(request: FastifyRequest, access: RouteAccess): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('AUTH_CSRF');
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('AUTH_CSRF');
    }
    if (host !== request.host) throw new AppError('AUTH_CSRF');
  }
  if (access === 'public' || !request.auth) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !sameToken(header, request.auth.csrfToken))
    throw new AppError('AUTH_CSRF');
}
