import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors';

/**
 * PostgreSQL's text types cannot hold U+0000 (NUL): a string with one fails in the database with
 * SQLSTATE 22021 wherever it is written or compared. Every other character a JavaScript string
 * holds is stored (pg sends strings as UTF-8; a lone surrogate becomes U+FFFD). So NUL is refused
 * before anything reads the request: in the query string, the route's parameters, the headers (the
 * cookies decoded as @fastify/cookie decodes them) and, once parsed, the body — 400 V_VALIDATION
 * naming the field, as the route's schema would.
 */
const NUL = '\u0000';

/** The dotted path of the first string holding NUL in a parsed value (`''` for the value itself). */
export function pathOfNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return null;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    const here = path ? `${path}.${key}` : String(key);
    if (String(key).includes(NUL)) return here;
    const where = pathOfNul(item, here);
    if (where !== null) return where;
  }
  return null;
}

/** Whether a cookie header decodes (as percent-encoding) to a NUL anywhere. */
const cookieHoldsNul = (header: string | undefined) => header !== undefined && /%00/.test(header);

function refuse(reply: FastifyReply, path: string) {
  return reply.status(400).send(errorBody('V_VALIDATION', { fields: [{ path, code: 'invalid' }] }));
}

function nulBeforeBody(request: FastifyRequest): string | null {
  for (const [name, value] of Object.entries(request.headers)) {
    if (pathOfNul(value) !== null || name.includes(NUL)) return `headers.${name}`;
  }
  if (cookieHoldsNul(request.headers.cookie)) return 'headers.cookie';
  return pathOfNul(request.params) ?? pathOfNul(request.query);
}

/** Registers the guard on the root instance, before any plugin that reads headers or cookies. */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = nulBeforeBody(request);
    if (path !== null) return refuse(reply, path);
  });
  app.addHook('preValidation', async (request, reply) => {
    const path = pathOfNul(request.body);
    if (path !== null) return refuse(reply, path || 'body');
  });
}
