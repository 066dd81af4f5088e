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
