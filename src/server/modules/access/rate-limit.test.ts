import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { testDatabase } from '../../test/helpers';
import { countRequest, removeEndedWindows } from './rate-limit.repository';
import { sharedRateLimitStore } from './rate-limit-store';

let db: DatabaseHandles;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

const route = () => `POST /test/${randomBytes(6).toString('hex')}`;

describe('rate limits counted in the database (ADR 0023)', () => {
  it('counts requests that arrive at once exactly, each getting its own number', async () => {
    const r = route();
    const counts = await Promise.all(
      Array.from({ length: 20 }, () => countRequest(db.app, r, 'client', 60_000)),
    );
    expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (const { ttlMs } of counts) expect(ttlMs).toBeGreaterThan(0);
    for (const { ttlMs } of counts) expect(ttlMs).toBeLessThanOrEqual(60_000);
    expect((await countRequest(db.app, r, 'another client', 60_000)).hits).toBe(1);
    expect((await countRequest(db.app, route(), 'client', 60_000)).hits).toBe(1);
  });

  it('starts a new window at one when the last one has ended, and tidies ended windows away', async () => {
    const r = route();
    await countRequest(db.app, r, 'client', 60_000);
    await countRequest(db.app, r, 'client', 60_000);
    await sql`update rate_limit set window_start = now() - interval '2 minutes' where route = ${r}`.execute(
      db.owner,
    );
    expect((await countRequest(db.app, r, 'client', 60_000)).hits).toBe(1);
    await sql`update rate_limit set window_start = now() - interval '2 minutes' where route = ${r}`.execute(
      db.owner,
    );
    expect(await removeEndedWindows(db.app)).toBeGreaterThanOrEqual(1);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from rate_limit where route = ${r}`.execute(db.owner);
    expect(left.rows[0]?.n).toBe(0);
  });

  it('keeps no client address in the table: the store writes an HMAC of it, per route', async () => {
    const Store = sharedRateLimitStore(db.app, 's'.repeat(32));
    const store = new Store({}).child({
      routeInfo: { method: 'POST', url: '/api/test-hmac' },
    } as unknown as Parameters<InstanceType<typeof Store>['child']>[0]);
    const incr = () =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.incr(
          '192.0.2.7',
          (error, result) => (error || !result ? reject(error) : resolve(result)),
          60_000,
          5,
        ),
      );
    expect((await incr()).current).toBe(1);
    expect((await incr()).current).toBe(2);
    const { rows } = await sql<{ client_key: string; hits: number }>`
      select client_key, hits from rate_limit where route = 'POST /api/test-hmac'`.execute(db.owner);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.hits).toBe(2);
    expect(rows[0]?.client_key).not.toContain('192.0.2');
  });
});
