import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { dropDatabase, recreateDatabase } from '../../test/pg-admin';
import {
  exitOf,
  killChildren,
  PROCESS_TEST_CAP_MS,
  runServerScript,
  spawnServerScript,
  tempDataDir,
  waitForOutput,
} from '../../test/process';

afterEach(killChildren);

const base = process.env.DATABASE_URL;
const pgDatabase = `hjemvej_audit_crash_${process.pid}`;
afterAll(async () => {
  if (base) await dropDatabase(base, pgDatabase);
});

const PASSWORD = 'demo-crash-password-1';

/** Logs in over HTTP and answers a GET with the session, as the web does. */
async function sessionOf(origin: string, username: string) {
  const res = await fetch(`${origin}/api/session/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return (path: string) => fetch(`${origin}${path}`, { headers: { cookie } });
}

// ADR 0009: audit rows are appended without a lock and chained by the server's job. A server
// killed while it writes them must lose no committed row, and the next server must chain what the
// dead one left. Only a database server outlives the app process: on embedded PGlite the database
// dies with it, so this runs on PostgreSQL.
describe('the audit chain after a crash (issue 21 §1)', { timeout: PROCESS_TEST_CAP_MS }, () => {
  it.skipIf(!base)(
    'keeps every acknowledged audited read and chains them all after kill -9 and a restart',
    async () => {
      const env = {
        DATABASE_URL: await recreateDatabase(base as string, pgDatabase),
        DATA_DIR: tempDataDir(),
        PORT: String(20000 + Math.floor(Math.random() * 20000)),
        SESSION_SECRET: 's'.repeat(32),
        DEMO_SEED: 'true',
        DEMO_PASSWORD: PASSWORD,
        LOG_LEVEL: 'warn',
        // One process, killed with -9: the crash is the whole server's (ADR 0023).
        WEB_CONCURRENCY: '1',
      };
      const origin = `http://127.0.0.1:${env.PORT}`;
      const first = spawnServerScript('main.ts', [], env);
      await waitForOutput(first, 'Stop med Ctrl+C');
      const get = await sessionOf(origin, 'demo.caseworker');
      const citizens = (await (await get('/api/citizens?pageSize=50')).json()) as { items: { id: string }[] };
      expect(citizens.items.length).toBeGreaterThan(10);

      // Eight readers open citizen pages (each an audited read) until the server dies under them.
      let acknowledged = 0;
      let dead = false;
      const reader = async (k: number) => {
        for (let i = k; !dead; i += 8) {
          const id = citizens.items[i % citizens.items.length]?.id as string;
          try {
            const res = await get(`/api/citizens/${id}?purpose=casework`);
            await res.arrayBuffer();
            if (res.status === 200) acknowledged += 1;
          } catch {
            return; // the connection died with the server
          }
        }
      };
      const readers = Array.from({ length: 8 }, (_, k) => reader(k));
      while (acknowledged < 300) await new Promise((resolve) => setTimeout(resolve, 5));
      const exited = exitOf(first);
      first.kill('SIGKILL');
      await exited;
      dead = true;
      await Promise.all(readers);

      // The next server chains what the dead one left, in its first run of the job.
      const second = spawnServerScript('main.ts', [], env);
      await waitForOutput(second, 'Stop med Ctrl+C');
      const db = await openDatabase({ url: env.DATABASE_URL });
      try {
        const unchained = () =>
          db.owner
            .selectFrom('audit_event')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('hash', 'is', null)
            .executeTakeFirstOrThrow();
        while (Number((await unchained()).n) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        const reads = await db.owner
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', 'citizen.read')
          .where('actor_username', '=', 'demo.caseworker')
          .executeTakeFirstOrThrow();
        expect(Number(reads.n)).toBeGreaterThanOrEqual(acknowledged);
      } finally {
        await db.close();
      }
      const stopped = exitOf(second);
      second.kill('SIGINT');
      expect(await stopped).toBe(0);

      const verify = await runServerScript('cli.ts', ['audit:verify'], env);
      expect(verify.stdout).toMatch(/Kommune \d{3}: OK, \d+ rækker, hoved [0-9a-f]{64}/);
      expect(verify.code).toBe(0);
    },
  );
});
