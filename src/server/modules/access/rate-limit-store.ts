import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../../db/database';
import { countRequest, removeEndedWindows } from './rate-limit.repository';

/** How often a process removes ended windows from the table (at most). */
const SWEEP_EVERY_MS = 60_000;

interface RouteInfo {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit that counts in PostgreSQL (`rate_limit`, migration 0043), so that
 * every server process counts the same requests: a client over the limit is refused whichever
 * process it reaches (ADR 0023). The plugin makes one store per limited route (`child`); a request
 * is one atomic upsert. The client's key (its address) is stored as an HMAC under the session
 * secret. `continueExceeding` and `exponentialBackoff` are not supported (no route uses them).
 */
export function sharedRateLimitStore(db: Db, secret: string): FastifyRateLimitStoreCtor {
  let lastSweep = Date.now();
  const sweep = () => {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    // Only tidying: a failure leaves rows that the next sweep removes.
    removeEndedWindows(db).catch(() => {});
  };
  class SharedStore implements FastifyRateLimitStore {
    readonly #route: string;
    constructor(_options: unknown, route = '*') {
      this.#route = route;
    }
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
      _max: number,
    ): void {
      const clientKey = createHmac('sha256', secret).update(`rate-limit\0${key}`).digest('base64url');
      countRequest(db, this.#route, clientKey, Math.max(1, Math.trunc(timeWindow))).then(
        ({ hits, ttlMs }) => {
          sweep();
          callback(null, { current: hits, ttl: ttlMs });
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the route's merged limit settings, the route itself under `routeInfo`
      // (index.js, `mergeParams(…, { routeInfo: routeOptions })`), whatever the type says.
      const { method, url } = (routeOptions as unknown as RouteInfo).routeInfo ?? {};
      const methods = Array.isArray(method) ? method.join(',') : (method ?? '');
      return new SharedStore(undefined, `${methods} ${url ?? ''}`.trim() || '*');
    }
  }
  return SharedStore;
}
