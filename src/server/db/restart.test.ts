import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresBinDir, startThrowawayCluster, type ThrowawayCluster } from '../test/pg-cluster';
import {
  killChildren,
  PROCESS_TEST_CAP_MS,
  runServerScript,
  spawnServerScript,
  waitForOutput,
} from '../test/process';

// Issue 20 (a): in server mode an app process died when PostgreSQL restarted while a query was
// running (pg emits 'error' on a checked-out connection, and only idle ones were listened to).
// This runs the real server on a PostgreSQL cluster of its own, which it restarts.

const bin = postgresBinDir();
let cluster: ThrowawayCluster | undefined;

afterEach(async () => {
  killChildren();
  await cluster?.remove();
  cluster = undefined;
});

/** Waits until `check` holds, asking again after each short pause (a condition, not a clock). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/**
 * Locks `table` from a session of its own, sends `request`, waits until the server's statement
 * matching `waiting` (a condition on pg_stat_activity) waits on that lock, restarts PostgreSQL and
 * answers the request's response.
 */
async function restartDuring(
  table: string,
  waiting: string,
  request: () => Promise<Response>,
): Promise<Response> {
  const c = cluster as ThrowawayCluster;
  const locker = new pg.Client({ connectionString: c.url });
  locker.on('error', () => {});
  await locker.connect();
  await locker.query('begin');
  await locker.query(`lock table ${table} in access exclusive mode`);
  const response = request();
  await until(async () => {
    // (Inside its transaction the locker would see one snapshot of the activity: clear it.)
    await locker.query('select pg_stat_clear_snapshot()');
    const { rows } = await locker.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and ${waiting}`,
    );
    return (rows[0]?.n ?? 0) > 0;
  });
  await c.restart();
  const answer = await response;
  await locker.end().catch(() => {});
  return answer;
}

describe('a PostgreSQL restart under the running server', { timeout: PROCESS_TEST_CAP_MS }, () => {
  it.skipIf(!process.env.DATABASE_URL || bin === null)(
    'costs only the request in flight, answered 503 DATABASE_UNAVAILABLE with retry advice, and the server recovers by itself',
    async () => {
      cluster = await startThrowawayCluster(bin as string);
      const env = { DATABASE_URL: cluster.url };
      const password = 'Restart-test-password-2026';
      for (const args of [
        ['municipality:create', '--code', '169', '--name', 'Høje-Taastrup', '--authority', 'Social'],
        ['user:create', '--municipality', '169', '--username', 'tester', '--name', 'Test Er'],
      ]) {
        const role = args[0] === 'user:create' ? ['--role', 'caseworker', '--password', password] : [];
        expect((await runServerScript('cli.ts', [...args, ...role], env)).code).toBe(0);
      }
      const port = String(20000 + Math.floor(Math.random() * 20000));
      const child = spawnServerScript('main.ts', [], {
        ...env,
        PORT: port,
        HOST: '127.0.0.1',
        DEMO_SEED: 'false',
        LOG_LEVEL: 'error',
        // One process: the test asks whether that process survives (a worker would be replaced).
        WEB_CONCURRENCY: '1',
      });
      let stderr = '';
      child.stderr?.on('data', (d) => {
        stderr += d;
      });
      await waitForOutput(child, 'Stop med Ctrl+C');
      let n = 0;
      const login = (username = `nobody.${++n}`, secret = 'not-the-password-at-all') =>
        fetch(`http://127.0.0.1:${port}/api/session/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: secret }),
        });
      // Several at once: the pool then holds idle connections that the restart closes too.
      const some = () => Promise.all(Array.from({ length: 6 }, () => login()));
      expect((await some()).map((r) => r.status)).toEqual(Array(6).fill(401));

      // A query in flight: the users' table locked by another session, so the login's read waits.
      const answer = await restartDuring('app_user', "query ilike '%auth_user_by_username%'", login);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(await answer.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });

      // The same process answers again, on new connections, and the user logs in.
      expect(child.exitCode).toBeNull();
      expect((await some()).map((r) => r.status)).toEqual(Array(6).fill(401));
      expect((await login('tester', password)).status).toBe(200);

      // A transaction in flight: a known user's failed login is audited in a transaction, and the
      // audit table is locked, so the restart comes mid-transaction. Its connection then fails
      // while checked out — what ended the process before (it answered nothing more).
      const failed = await restartDuring(
        'audit_event',
        "query ilike '%audit_event%' and query not ilike '%audit_chain_pending%'",
        () => login('tester', 'a-wrong-password-for-tester'),
      );
      expect([401, 503]).toContain(failed.status);
      expect(child.exitCode).toBeNull();
      expect((await login('tester', password)).status).toBe(200);
      expect(child.exitCode).toBeNull();
      expect(stderr).not.toContain('Uncaught');
    },
  );
});
