import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dropDatabase, recreateDatabase } from './test/pg-admin';
import {
  exitOf,
  killChildren,
  PROCESS_TEST_CAP_MS,
  runServerScript,
  spawnServerScript,
  tempDataDir,
  waitForOutput,
} from './test/process';

// Issue 21 §2, ADR 0023: `npm start` in server mode runs WEB_CONCURRENCY worker processes behind
// one port, sharing nothing but PostgreSQL. Embedded PGlite is one process's database, so this runs
// on PostgreSQL only.

afterEach(killChildren);

const base = process.env.DATABASE_URL;
const pgDatabase = `hjemvej_cluster_${process.pid}`;
afterAll(async () => {
  if (base) await dropDatabase(base, pgDatabase);
});

const PASSWORD = 'Cluster-test-password-2026';
const LIMIT = 8;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request on a connection of its own (no keep-alive), so the primary may hand it to any
 * worker. `timeoutMs` gives up on a connection that is never answered.
 */
function send(
  port: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
  timeoutMs?: number,
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { connection: 'close', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error('no answer')));
    req.end(body);
  });
}

const login = (port: string, username: string, password: string) =>
  send(
    port,
    'POST',
    '/api/session/login',
    { 'content-type': 'application/json' },
    JSON.stringify({ username, password }),
  );

/** The server's JSON log lines (pino: each carries the pid of the process that wrote it). */
function logLines(stdout: string): { pid: number; msg?: string; workerPid?: number }[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

/** A short pause between two looks at a condition (the condition is what is waited on). */
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Waits until `check` holds, looking again after each short pause. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await pause();
}

describe('several server processes on PostgreSQL (issue 21 §2)', { timeout: PROCESS_TEST_CAP_MS }, () => {
  it.skipIf(!base)(
    'serves one session from every worker, counts the login limit across them, replaces a killed worker and stops gracefully',
    async () => {
      const env = {
        DATABASE_URL: await recreateDatabase(base as string, pgDatabase),
        DATA_DIR: tempDataDir(),
        SESSION_SECRET: 'c'.repeat(32),
        LOG_LEVEL: 'info',
      };
      for (const args of [
        ['municipality:create', '--code', '169', '--name', 'Høje-Taastrup', '--authority', 'Social'],
        ['user:create', '--municipality', '169', '--username', 'tester', '--name', 'Test Er'],
      ]) {
        const role = args[0] === 'user:create' ? ['--role', 'caseworker', '--password', PASSWORD] : [];
        expect((await runServerScript('cli.ts', [...args, ...role], env)).code).toBe(0);
      }
      const port = String(20000 + Math.floor(Math.random() * 20000));
      const server = spawnServerScript('main.ts', [], {
        ...env,
        PORT: port,
        HOST: '127.0.0.1',
        DEMO_SEED: 'false',
        WEB_CONCURRENCY: '2',
        LOGIN_RATE_PER_MINUTE: String(LIMIT),
      });
      let stdout = '';
      server.stdout?.on('data', (d) => {
        stdout += d;
      });
      await waitForOutput(server, 'Stop med Ctrl+C');
      while ((await send(port, 'GET', '/api/health').catch(() => null))?.status !== 200) await pause();
      const primary = server.pid;
      const workers = () =>
        new Set(
          logLines(stdout).flatMap((l) => (l.msg === 'worker listening' && l.workerPid ? [l.workerPid] : [])),
        );
      expect(workers().size).toBe(2);
      expect(stdout.match(/Hjemvej kører på/g)).toHaveLength(1);
      expect(stdout).toContain('2 processer');
      /** The pids of the processes that completed requests since the log had `from` characters. */
      const answeredBy = (from: number) =>
        new Set(logLines(stdout.slice(from)).flatMap((l) => (l.msg === 'request completed' ? [l.pid] : [])));
      const completed = (from: number) =>
        logLines(stdout.slice(from)).filter((l) => l.msg === 'request completed').length;

      // The login limit counts across the workers: the limit's logins pass (the first one right),
      // every one after it is refused, whichever worker it reaches.
      const mark = stdout.length;
      const first = await login(port, 'tester', PASSWORD);
      expect(first.status).toBe(200);
      const cookie = String(first.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
      const statuses = [first.status];
      for (let i = 1; i < LIMIT + 4; i++)
        statuses.push((await login(port, `nobody.${i}`, 'not-the-password')).status);
      expect(statuses).toEqual([200, ...Array(LIMIT - 1).fill(401), 429, 429, 429, 429]);

      // One session, asked for on fresh connections: every worker knows it.
      for (let i = 0; i < 30; i++) {
        const answer = await send(port, 'GET', '/api/session', { cookie });
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toMatchObject({ user: { username: 'tester' } });
      }
      // (The workers write their log lines as they answer: wait until all 42 are in.)
      await until(() => completed(mark) >= 42);
      expect(answeredBy(mark)).toEqual(workers());

      // A worker killed is replaced, and the server answers meanwhile and after.
      const [victim] = [...workers()];
      process.kill(victim as number, 'SIGKILL');
      let refused = 0;
      while (workers().size < 3) {
        // A connection the primary handed to the worker as it died is lost (reset, or never
        // answered: node:cluster's round robin, ADR 0023); every answer is the session's.
        const answer = await send(port, 'GET', '/api/session', { cookie }, undefined, 5000).catch(() => null);
        if (answer) expect(answer.status).toBe(200);
        else refused++;
        await pause();
      }
      expect(refused).toBeLessThanOrEqual(1);
      expect(stdout).toContain('worker exited unexpectedly: starting a new one');
      const replacement = [...workers()][2];
      const again = stdout.length;
      for (let i = 0; i < 10; i++)
        expect((await send(port, 'GET', '/api/session', { cookie })).status).toBe(200);
      await until(() => completed(again) >= 10);
      expect(answeredBy(again).has(replacement as number)).toBe(true);
      expect(answeredBy(again).has(victim as number)).toBe(false);

      // SIGTERM to the primary: the workers close gracefully and the primary exits 0.
      const exited = exitOf(server);
      process.kill(primary as number, 'SIGTERM');
      expect(await exited).toBe(0);
      for (const pid of workers()) expect(() => process.kill(pid, 0)).toThrow();
    },
  );
});
