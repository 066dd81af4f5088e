import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database';
import { seedDemo } from '../demo/seed';
import { migrate } from '../migrate';
import { DEMO_TEST_PASSWORD, TEST_DEMO_SECOND_FACTOR } from './demo-password';
import { dropDatabase, recreateDatabase } from './pg-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of this run's fresh PostgreSQL database; empty on PGlite. */
    pgTestUrl: string;
    /** On PGlite: a file holding a dump of a freshly migrated database, that each test file starts from. */
    pgliteSnapshot: string;
    /** On PGlite: the same with the demo seeded (`seededDemo`), so the demo's tests seed it once per run. */
    pgliteDemoSnapshot: string;
  }
}

const DATABASE = `hjemvej_test_${process.pid}`;

/**
 * With DATABASE_URL: one fresh, migrated database for the whole run, dropped afterwards. On PGlite:
 * one database migrated once and dumped, so that each test file starts its own in-memory database
 * from the dump instead of running every migration again (seconds per file on a busy machine); and
 * a second dump with the demo seeded, for the demo's tests (about 25 s per file otherwise).
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide('pgTestUrl', '');
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrate(db.owner);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'hjemvej-test-'));
      const save = async (name: string) => {
        const dump = await db.dumpDataDir?.();
        if (!dump) throw new Error('PGlite gives no dump of its data directory');
        const file = path.join(dir, name);
        writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
        return file;
      };
      project.provide('pgliteSnapshot', await save('migrated.tar'));
      await seedDemo(db, DEMO_TEST_PASSWORD, TEST_DEMO_SECOND_FACTOR);
      project.provide('pgliteDemoSnapshot', await save('demo.tar'));
      return () => rmSync(dir, { recursive: true, force: true });
    } finally {
      await db.close();
    }
  }
  project.provide('pgliteSnapshot', '');
  project.provide('pgliteDemoSnapshot', '');
  const url = await recreateDatabase(base, DATABASE);
  const db = await openDatabase({ url });
  await migrate(db.owner);
  await db.close();
  project.provide('pgTestUrl', url);
  return async () => {
    await dropDatabase(base, DATABASE);
  };
}
