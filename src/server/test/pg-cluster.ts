import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries on this machine (Debian's layout), or null when none. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL cluster of the test's own: started, stopped, restarted and removed by it. */
export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication). */
  url: string;
  port: number;
  /** Restarts the server (`pg_ctl restart -m fast`: the sessions are terminated) and waits until it accepts connections. */
  restart(): Promise<void>;
  /** Stops the server (`-m fast`: the sessions are terminated) and waits until it is down. */
  stop(): Promise<void>;
  /** Starts the stopped server again and waits until it accepts connections. */
  start(): Promise<void>;
  /** The server's log so far (with `log_statement: 'all'` in its settings: every statement it ran). */
  log(): string;
  /**
   * A streaming replica of this cluster on a port of its own: `pg_basebackup -R` (a base backup that
   * configures itself as a standby of this server) started as a hot standby, returned once it
   * accepts connections. The primary needs `wal_level` replica (PostgreSQL's default); initdb's
   * pg_hba.conf already lets 127.0.0.1 connect for replication. Removed with this cluster.
   */
  startStandby(settings?: Record<string, string>): Promise<ThrowawayCluster>;
  /** Stops the server and removes its data directory. */
  remove(): Promise<void>;
}

type Run = (tool: string, args: string[]) => Promise<unknown>;

/**
 * Creates and starts a throwaway cluster with initdb and pg_ctl (`-w`: each step waits until the
 * server is ready, never on a clock). As root the binaries run as the postgres user, as PostgreSQL
 * refuses to run as root. `settings` are server settings (`-c name=value`), such as
 * `log_statement: 'all'`.
 */
export async function startThrowawayCluster(
  bin: string,
  { settings = {} }: { settings?: Record<string, string> } = {},
): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hjemvej-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pg: Run = (tool, args) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  const data = path.join(dir, 'data');
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const cluster = await serve(pg, dir, data, 'log', settings);
  return {
    ...cluster,
    remove: async () => {
      await cluster.remove();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts the server of `data` on a free port with its socket in `dir` and its log in `dir/<logName>`. */
async function serve(
  pg: Run,
  dir: string,
  data: string,
  logName: string,
  settings: Record<string, string>,
): Promise<ThrowawayCluster> {
  const port = await freePort();
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${extra.join('')}`;
  const logFile = path.join(dir, logName);
  const ctl = (args: string[]) => pg('pg_ctl', ['-D', data, '-l', logFile, '-o', options, '-w', ...args]);
  await ctl(['start']);
  const standbys: ThrowawayCluster[] = [];
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: async () => {
      await ctl(['-m', 'fast', 'restart']);
    },
    stop: async () => {
      await ctl(['-m', 'fast', 'stop']);
    },
    start: async () => {
      await ctl(['start']);
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    startStandby: async (standbySettings = {}) => {
      const standbyData = path.join(dir, `standby-${standbys.length + 1}`);
      await pg('pg_basebackup', [
        '-D',
        standbyData,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-R',
        '-X',
        'stream',
        '--no-sync',
      ]);
      const standby = await serve(
        pg,
        dir,
        standbyData,
        `standby-${standbys.length + 1}.log`,
        standbySettings,
      );
      standbys.push(standby);
      return standby;
    },
    remove: async () => {
      for (const standby of standbys) await standby.remove();
      await ctl(['-m', 'immediate', 'stop']).catch(() => {});
    },
  };
}
