import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../shared/permissions';
import type { DatabaseHandles } from '../db/database';
import { demoUsername, seedDemo } from '../demo/seed';
import { DEMO_TEST_PASSWORD, TEST_DEMO_SECOND_FACTOR } from './demo-password';
import { login, type Session, testApp, testDatabase } from './helpers';

/**
 * Whether the demo's tests are skipped: the demo municipality has a fixed kommunekode, and the
 * PostgreSQL run shares one database between test files, so they run on PGlite only (a fresh
 * in-memory database per file).
 */
export const skipDemo = Boolean(process.env.DATABASE_URL);

/**
 * The demo seeded into a fresh database with an app on it, for the tests of the `describe` that
 * calls this (it registers their beforeAll and afterAll). `login(role)` logs in the role's demo user.
 */
export function seededDemo() {
  let handles: { db: DatabaseHandles; app: FastifyInstance } | undefined;
  beforeAll(async () => {
    // The demo as the global setup seeded it once for the run (PGlite); seeded here otherwise.
    const db = await testDatabase({ demo: true });
    await seedDemo(db, DEMO_TEST_PASSWORD, TEST_DEMO_SECOND_FACTOR);
    handles = { db, app: await testApp(db) };
  });
  afterAll(async () => {
    await handles?.app.close();
    await handles?.db.close();
  });
  const ready = () => {
    if (!handles) throw new Error('The demo is seeded in beforeAll');
    return handles;
  };
  return {
    get app() {
      return ready().app;
    },
    get db() {
      return ready().db;
    },
    login: (role: Role): Promise<Session> => login(ready().app, demoUsername(role), DEMO_TEST_PASSWORD),
    /** The demo municipality's id (kommunekode 169), for a service called in its tenant. */
    municipalityId: async (): Promise<string> =>
      (
        await ready()
          .db.owner.selectFrom('municipality')
          .select('id')
          .where('code', '=', '169')
          .executeTakeFirstOrThrow()
      ).id,
  };
}
