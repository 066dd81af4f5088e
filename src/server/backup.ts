import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { openConfiguredDatabase, pgliteDataDir } from './boot';
import type { Config } from './config';
import { openDatabase } from './db/database';
import { migrate } from './migrate';
import { verifyAllChains } from './modules/audit';

/**
 * Backup and restore of the whole database (issue 20 §7): in server mode a `pg_dump` archive
 * (custom format) restored with `pg_restore`; in embedded mode a gzipped tar of PGlite's data
 * directory. A restore migrates what it restored to this version and verifies every
 * municipality's audit chain, so a damaged or tampered backup is told at once.
 */

/** What a restore found. */
export interface RestoreReport {
  municipalities: number;
  /** Municipalities whose audit chain does not verify. */
  broken: string[];
  /** Embedded mode: where the data directory that was replaced was moved. */
  movedAside?: string;
}

/** Writes a backup of the configured database to `file`. */
export async function backupDatabase(config: Config, file: string): Promise<void> {
  const url = config.DATABASE_OWNER_URL ?? config.DATABASE_URL;
  if (url) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`]);
    return;
  }
  const db = await openConfiguredDatabase(config);
  try {
    const dump = await db.dumpDataDir?.('gzip');
    if (!dump) throw new Error('The embedded database cannot be dumped');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/**
 * Replaces the configured database with the backup in `file`. Server mode: every object the
 * backup holds is dropped and restored (`pg_restore --clean --if-exists`). Embedded mode: the data
 * directory is moved aside (kept, named with the time) and made anew from the backup; the server
 * must be stopped (PGlite allows one process).
 */
export async function restoreDatabase(config: Config, file: string): Promise<RestoreReport> {
  if (!existsSync(file)) throw new Error(`No backup at ${file}`);
  const url = config.DATABASE_OWNER_URL ?? config.DATABASE_URL;
  let movedAside: string | undefined;
  if (url) {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${url}`,
      file,
    ]);
  } else {
    const dataDir = pgliteDataDir(config);
    // Fails while a server holds the directory, before anything is moved.
    const probe = await openDatabase({ dataDir });
    await probe.close();
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, movedAside);
    const restored = await openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
    await restored.close();
  }
  const db = await openConfiguredDatabase(config);
  try {
    await migrate(db.owner);
    const reports = await verifyAllChains(db.owner);
    return {
      municipalities: reports.length,
      broken: reports.filter((r) => !r.ok).map((r) => r.municipality),
      ...(movedAside ? { movedAside } : {}),
    };
  } finally {
    await db.close();
  }
}

/** Runs a PostgreSQL client program; its error output becomes the error's message. */
function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) =>
      reject(
        new Error(`${program} could not be started (${error.message}); install PostgreSQL's client programs`),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
