import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database';
import { migrate } from '../migrate';
import { dropDatabase, recreateDatabase } from './pg-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of this run's fresh PostgreSQL database; empty on PGlite. */
    pgTestUrl: string;
  }
}

const DATABASE = `hjemvej_test_${process.pid}`;

/** With DATABASE_URL: one fresh, migrated database for the whole run, dropped afterwards. */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide('pgTestUrl', '');
    return;
  }
  const url = await recreateDatabase(base, DATABASE);
  const db = await openDatabase({ url });
  await migrate(db.owner);
  await db.close();
  project.provide('pgTestUrl', url);
  return async () => {
    await dropDatabase(base, DATABASE);
  };
}
