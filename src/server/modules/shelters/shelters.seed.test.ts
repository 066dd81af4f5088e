import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { demoUsername, seedDemo } from '../../demo/seed';
import { call } from '../../test/factories';
import { login, testApp, testDatabase } from '../../test/helpers';

const PASSWORD = 'demo-password-long';
let db: DatabaseHandles;
let app: FastifyInstance;

// The demo municipality has a fixed kommunekode, so this runs on PGlite only, where each test file
// has a database of its own (as the other demo seed tests).
describe.skipIf(Boolean(process.env.DATABASE_URL))(
  'the demo shelters’ notifications (issue 16 §3, §11)',
  () => {
    beforeAll(async () => {
      db = await testDatabase();
      await seedDemo(db, PASSWORD);
      app = await testApp(db);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('fill the caseworker’s inbox, one acknowledged, and leave a letter for the handlekommune outside the deployment', async () => {
      const caseworker = await login(app, demoUsername('caseworker'), PASSWORD);
      const inbox = (await call(caseworker, 'GET', '/api/shelters/notifications')) as {
        name: string;
        acknowledgedOn: string | null;
        citizenId: string | null;
      }[];
      expect(inbox.length).toBeGreaterThanOrEqual(4);
      expect(inbox.every((n) => n.citizenId !== null)).toBe(true);
      expect(inbox.filter((n) => n.acknowledgedOn !== null).map((n) => n.name)).toEqual(['Poul Kjær']);
      const tasks = (await call(caseworker, 'GET', '/api/tasks')).items as { kind: string }[];
      expect(tasks.some((t) => t.kind === 'shelter_notification_received')).toBe(true);
      const shelter = await login(app, demoUsername('partner_shelter'), PASSWORD);
      const mine = await call(shelter, 'GET', '/api/shelters/mine');
      expect(mine.residents.find((s: { name: string }) => s.name === 'Jonas Brandt')).toMatchObject({
        handlekommune: '101',
        handlekommuneInDeployment: false,
      });
    });
  },
);
