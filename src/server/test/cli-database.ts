import { afterAll, afterEach, beforeAll } from 'vitest';
import { type DatabaseHandles, openDatabase } from '../db/database';
import { dropDatabase, recreateDatabase } from './pg-admin';
import { killChildren, runServerScript, tempDataDir } from './process';

/**
 * A database of its own for a test file that runs the CLI as a process: a temp PGlite directory, or
 * a fresh PostgreSQL database named `<name>_<pid>` when the tests run on PostgreSQL (dropped after).
 * Registers the file's setup and teardown; `cli` runs a command, `withDb` opens the same database.
 */
export function cliDatabase(name: string) {
  let env: Record<string, string> = {};
  const pgDatabase = `${name}_${process.pid}`;
  beforeAll(async () => {
    env = { DATA_DIR: tempDataDir(), SESSION_SECRET: 's'.repeat(32), LOG_LEVEL: 'silent' };
    if (process.env.DATABASE_URL)
      env.DATABASE_URL = await recreateDatabase(process.env.DATABASE_URL, pgDatabase);
  });
  afterEach(killChildren);
  afterAll(async () => {
    if (process.env.DATABASE_URL) await dropDatabase(process.env.DATABASE_URL, pgDatabase);
  });
  return {
    env: () => env,
    cli: (...args: string[]) => runServerScript('cli.ts', args, env),
    async withDb<T>(fn: (db: DatabaseHandles) => Promise<T>): Promise<T> {
      const db = await openDatabase({ url: env.DATABASE_URL, dataDir: `${env.DATA_DIR}/pglite` });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
  };
}
