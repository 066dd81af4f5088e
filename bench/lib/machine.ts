import os from 'node:os';
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/database';

/** What a result was measured on: numbers from different machines do not compare. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  /** PostgreSQL settings that move these numbers most. */
  postgresSettings: Record<string, string>;
}

export async function machineInfo(db: Db): Promise<MachineInfo> {
  const { rows } = await sql<{ name: string; setting: string }>`
    select name, current_setting(name) as setting from pg_settings
    where name in ('server_version', 'shared_buffers', 'work_mem', 'effective_cache_size',
      'max_parallel_workers_per_gather', 'jit', 'synchronous_commit')
    order by name`.execute(db);
  const settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  const { server_version: version = '?', ...postgresSettings } = settings;
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: version,
    postgresSettings,
  };
}

/** The load average over 1, 5 and 15 minutes, to two decimals (each report gives it before and after). */
export const loadAverageNow = (): number[] => os.loadavg().map((n) => Math.round(n * 100) / 100);

/**
 * Waits until the machine is quiet enough to measure on: no autovacuum worker and no other backend
 * busy in PostgreSQL (the previous run's audit chaining, vacuum and checkpoint done) and the 1-minute
 * load average under the number of cores, polled every 2 s for at most `maxSeconds`. A CHECKPOINT
 * first, so the previous run's dirty pages are not written during the next one. Returns the seconds
 * waited and whether it became quiet (a busy shared machine may not: the report says so).
 */
export async function settle(
  db: Db,
  o: { maxSeconds?: number; log?: (line: string) => void } = {},
): Promise<{ waitedSeconds: number; quiet: boolean; loadAverage: number[] }> {
  const maxSeconds = o.maxSeconds ?? 180;
  const started = performance.now();
  // A role without pg_checkpoint cannot: then only the waiting.
  await sql`checkpoint`.execute(db).catch(() => undefined);
  for (;;) {
    const { rows } = await sql<{ busy: number }>`
      select count(*)::int as busy from pg_stat_activity
      where pid <> pg_backend_pid() and datname = current_database()
        and (backend_type = 'autovacuum worker' or (backend_type = 'client backend' and state = 'active'))`.execute(
      db,
    );
    const load = os.loadavg()[0] ?? 0;
    const waited = (performance.now() - started) / 1000;
    const quiet = (rows[0]?.busy ?? 0) === 0 && load < os.availableParallelism();
    if (quiet || waited >= maxSeconds) {
      const waitedSeconds = Math.round(waited);
      if (!quiet) o.log?.(`  not quiet after ${waitedSeconds} s (load ${load.toFixed(2)}); measuring anyway`);
      return { waitedSeconds, quiet, loadAverage: loadAverageNow() };
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
