import path from 'node:path';
import type { Config } from './config';
import { assertAppRoleIsBound, type DatabaseHandles, openDatabase } from './db/database';
import { migrate } from './migrate';

/** The embedded database's directory (PGlite's data directory) under DATA_DIR. */
export function pgliteDataDir(config: Config): string {
  return path.join(config.dataDir, 'pglite');
}

/**
 * Opens the configured database (PostgreSQL or PGlite in DATA_DIR), migrates it and checks the app
 * role. A worker of several server processes passes `migrate: false`: its primary migrated.
 */
export async function openConfiguredDatabase(
  config: Config,
  { migrate: migrating = true }: { migrate?: boolean } = {},
): Promise<DatabaseHandles> {
  const db = await openDatabase({
    url: config.DATABASE_URL,
    ownerUrl: config.DATABASE_OWNER_URL,
    replicaUrl: config.DATABASE_REPLICA_URL,
    dataDir: pgliteDataDir(config),
    poolSize: config.DATABASE_POOL_SIZE,
  });
  try {
    if (migrating) await migrate(db.owner);
    await assertAppRoleIsBound(db.app);
    // The reporting handle too: a replica's login must be bound to the app role as the primary's is.
    if (db.reports !== db.app) await assertAppRoleIsBound(db.reports);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
