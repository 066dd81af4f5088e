import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { tenantWith, testApp, testDatabase } from '../../test/helpers';
import { forgetSession, SESSION_ENDED_CHANNEL, SessionCache } from './session-cache';

interface Row {
  user_id: string;
  name: string;
}

const FAR = new Date(Date.now() + 3_600_000);

function cacheAt(ttlMs = 15_000) {
  let now = 0;
  const cache = new SessionCache<Row>(ttlMs, 100, () => now);
  return {
    cache,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the per-process session cache (ADR 0025)', () => {
  it('keeps nothing until its listener is in place, and forgets everything when the listener is lost', () => {
    const { cache } = cacheAt();
    cache.keep('a', { user_id: 'u', name: 'x' }, FAR, cache.mark());
    expect(cache.get('a')).toBeUndefined();
    cache.listener.onListening();
    cache.keep('a', { user_id: 'u', name: 'x' }, FAR, cache.mark());
    expect(cache.get('a')).toEqual({ user_id: 'u', name: 'x' });
    cache.listener.onLost();
    expect(cache.get('a')).toBeUndefined();
    cache.listener.onListening();
    expect(cache.get('a')).toBeUndefined();
    cache.close();
  });

  it('keeps a session for its time to live only, and never past the session’s own end', () => {
    const { cache, advance } = cacheAt(15_000);
    cache.listener.onListening();
    cache.keep('a', { user_id: 'u', name: 'x' }, FAR, cache.mark());
    advance(14_999);
    expect(cache.get('a')).toBeDefined();
    advance(1);
    expect(cache.get('a')).toBeUndefined();
    cache.keep('b', { user_id: 'u', name: 'y' }, new Date(Date.now() - 1), cache.mark());
    expect(cache.get('b')).toBeUndefined();
    cache.close();
  });

  it('does not keep what a read brought back if a session ended while the read was under way', () => {
    const { cache } = cacheAt();
    cache.listener.onListening();
    const mark = cache.mark();
    cache.listener.onNotify('someone-else');
    cache.keep('a', { user_id: 'u', name: 'x' }, FAR, mark);
    expect(cache.get('a')).toBeUndefined();
    cache.close();
  });

  it('forgets an ended session, and every session of a user whose sessions were ended', () => {
    const { cache } = cacheAt();
    cache.listener.onListening();
    for (const [hash, user] of [
      ['a', 'u1'],
      ['b', 'u1'],
      ['c', 'u2'],
    ] as const)
      cache.keep(hash, { user_id: user, name: hash }, FAR, cache.mark());
    cache.listener.onNotify('c');
    expect(cache.get('c')).toBeUndefined();
    cache.endUser('u1');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
    cache.keep('d', { user_id: 'u3', name: 'd' }, FAR, cache.mark());
    forgetSession('d');
    expect(cache.get('d')).toBeUndefined();
    cache.close();
  });
});

describe.skipIf(!process.env.DATABASE_URL)('sessions kept by a server process on PostgreSQL', () => {
  let db: DatabaseHandles;
  let app: FastifyInstance;
  // A listener of the test's own tells when the database has notified the processes.
  let heard: string[] = [];
  let listening = false;
  let stop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    db = await testDatabase();
    // A long time to live, so that only an ended session, never the clock, ends a kept one here.
    app = await testApp(db, { SESSION_CACHE_SECONDS: '60' });
    stop =
      db.listen?.(SESSION_ENDED_CHANNEL, {
        onNotify: (hash) => heard.push(hash),
        onListening: () => {
          listening = true;
        },
        onLost: () => {
          listening = false;
        },
      }) ?? stop;
  });
  afterAll(async () => {
    await stop();
    await app.close();
    await db.close();
  });

  const until = async (condition: () => Promise<boolean> | boolean) => {
    const giveUp = Date.now() + 30_000;
    while (!(await condition())) {
      if (Date.now() > giveUp) throw new Error('gave up waiting');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  /** Whether the app has its listener in place: a session it read is then served without reading it again. */
  const sessionKept = async (request: () => Promise<number>, idle: () => Promise<void>) => {
    if ((await request()) !== 200) return false;
    await idle();
    return (await request()) === 200;
  };

  it('answers from the kept session while nothing ends it, and refuses it as soon as any process ends it', async () => {
    await until(() => listening);
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    const me = users.caseworker;
    const ask = async () => (await me.session.request({ method: 'GET', url: '/api/session' })).statusCode;
    // Idle for longer than SESSION_IDLE_MINUTES, written straight into the table: no session ends by
    // that, so nothing is notified, and a kept session answers on. Read from the table, it would end.
    const makeIdle = async () => {
      await db.owner
        .updateTable('session')
        .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
        .where('user_id', '=', me.id)
        .execute();
    };
    const restore = async () => {
      await db.owner
        .updateTable('session')
        .set({ last_seen_at: new Date() })
        .where('user_id', '=', me.id)
        .execute();
    };
    // The app's own listener comes up apart from the test's: until it is in place, a read is not kept.
    await until(async () => {
      const kept = await sessionKept(ask, makeIdle);
      if (!kept) await restore();
      return kept;
    });

    // Another process (here: the owner's handle) deletes the session: the trigger notifies at commit.
    heard = [];
    const { token_hash } = await db.owner
      .deleteFrom('session')
      .where('user_id', '=', me.id)
      .returning('token_hash')
      .executeTakeFirstOrThrow();
    await until(() => heard.includes(token_hash));
    await until(async () => (await ask()) === 401);
    // The leader's session, kept too, is untouched by that.
    expect((await users.leader.session.request({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
  });

  it('refuses a session on the request right after its logout, and a disabled user’s at once', async () => {
    await until(() => listening);
    const { users } = await tenantWith(app, db, ['admin', 'caseworker', 'economy']);
    const asker = (user: (typeof users)['caseworker']) => async () =>
      (await user.session.request({ method: 'GET', url: '/api/session' })).statusCode;
    expect(await asker(users.caseworker)()).toBe(200);
    expect(
      (await users.caseworker.session.request({ method: 'POST', url: '/api/session/logout' })).statusCode,
    ).toBeLessThan(300);
    expect(await asker(users.caseworker)()).toBe(401);

    expect(await asker(users.economy)()).toBe(200);
    const disabled = await users.admin.session.request({
      method: 'PATCH',
      url: `/api/admin/users/${users.economy.id}`,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(await asker(users.economy)()).toBe(401);
  });
});
