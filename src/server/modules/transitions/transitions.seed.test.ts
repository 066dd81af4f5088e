import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { demoUsername, seedDemo } from '../../demo/seed';
import { call } from '../../test/factories';
import { login, testApp, testDatabase } from '../../test/helpers';

const PASSWORD = 'demo-password-long';
let db: DatabaseHandles;
let app: FastifyInstance;

// The demo municipality has a fixed kommunekode, so this runs on PGlite only (as the other demo
// seed tests).
describe.skipIf(Boolean(process.env.DATABASE_URL))(
  'the demo transition plans and youth offers (issue 17 §4–5, §9)',
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

    it('show plans for young people with a meeting held, decisions, an overdue action and the next meeting', async () => {
      const caseworker = await login(app, demoUsername('caseworker'), PASSWORD);
      const plans = (await call(caseworker, 'GET', '/api/transitions')) as {
        id: string;
        age: number;
        nextMeetingOn: string | null;
        overdueActions: number;
      }[];
      expect(plans.length).toBeGreaterThanOrEqual(2);
      for (const p of plans) {
        expect(p.age).toBeGreaterThanOrEqual(15);
        expect(p.age).toBeLessThanOrEqual(29);
        expect(p.nextMeetingOn).not.toBeNull();
        expect(p.overdueActions).toBe(1);
      }
      const plan = await call(caseworker, 'GET', `/api/transitions/${plans[0]?.id}`);
      expect(
        plan.meetings.some((m: { recorded: boolean; decisions: string | null }) => m.recorded && m.decisions),
      ).toBe(true);
      expect(plan.offers.length).toBeGreaterThan(0);
      const kinds = ((await call(caseworker, 'GET', '/api/tasks')).items as { kind: string }[]).map(
        (t) => t.kind,
      );
      expect(kinds).toContain('transition_action_overdue');
    });

    it("let the support worker, who takes part, see the plans and find the worker's actions in Mine opgaver", async () => {
      const support = await login(app, demoUsername('support'), PASSWORD);
      expect((await call(support, 'GET', '/api/transitions')).length).toBeGreaterThanOrEqual(2);
      const kinds = ((await call(support, 'GET', '/api/tasks')).items as { kind: string }[]).map(
        (t) => t.kind,
      );
      expect(kinds).toContain('transition_action');
    });

    it('hold the catalogue of youth offers, from ungeguide to ungestøtte', async () => {
      const admin = await login(app, demoUsername('admin'), PASSWORD);
      const offers = (await call(admin, 'GET', '/api/youth-offers')) as { kind: string }[];
      expect(new Set(offers.map((o) => o.kind))).toEqual(
        new Set([
          'ungeguide',
          'mentor',
          'stoettekontaktperson',
          'kui',
          'ungebolig',
          'cti',
          'behandling',
          'ungestoette',
        ]),
      );
    });
  },
);
