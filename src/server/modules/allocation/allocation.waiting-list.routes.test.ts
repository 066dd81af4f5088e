import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { call, createApprovedApplication, createCitizen, tenantWith } from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';

let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  app = await testApp(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

/**
 * Issue 14 §3: the leader and economy roles read the waiting-list figures (design.md §1: indicators
 * and costs, aggregates only) with small numbers suppressed (design.md §2 "insight": n < 5;
 * domain.md rule 33), and never a name or an application.
 */
describe('waiting-list figures for the leader and economy roles (issue 14 §3)', () => {
  it('gives the leader and economy the counts and the budget follow-up snapshots, small numbers as "<5", no names', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation', 'leader', 'economy']);
    const cw = users.caseworker.session;
    const officer = users.allocation.session;
    const acute = await createCitizen(cw, {
      givenName: 'Agnete',
      familyName: 'Akutsen',
      initials: 'AA',
      birthDate: '1990-05-01',
    });
    await createApprovedApplication(cw, officer, { citizenId: acute.id }, 'acute');
    for (let i = 0; i < 6; i++) await createApprovedApplication(cw, officer);
    await call(officer, 'POST', '/api/allocation/snapshots', { label: '1. budgetopfølgning' }, 201);

    // The allocation officer works the cases: exact counts.
    const exact = await call(officer, 'GET', '/api/allocation/waiting-list/counts');
    expect(exact.counts.total).toBe(7);
    expect(exact.counts.byPriority).toEqual({ acute: 1, high: 0, normal: 6 });

    for (const role of ['leader', 'economy'] as const) {
      const session = users[role].session;
      const counts = await session.request({ method: 'GET', url: '/api/allocation/waiting-list/counts' });
      expect(counts.statusCode).toBe(200);
      const body = counts.json();
      expect(body.counts.total).toBe(7);
      // One acute applicant: "<5"; the normal ones are hidden too, or 7 − 0 − 6 would give the 1 away.
      expect(body.counts.byPriority).toEqual({ acute: '<5', high: 0, normal: 'x' });
      expect(counts.body).not.toContain('Akutsen');
      expect(counts.body).not.toContain(acute.id);

      const snapshots = await session.request({ method: 'GET', url: '/api/allocation/snapshots' });
      expect(snapshots.statusCode).toBe(200);
      const [snapshot] = snapshots.json().items;
      expect(snapshot).toMatchObject({ label: '1. budgetopfølgning', counts: { total: 7 } });
      expect(snapshot.counts.byPriority.acute).toBe('<5');
      expect(snapshots.body).not.toContain('Akutsen');

      // Neither the list with names nor an application.
      for (const url of ['/api/allocation/waiting-list', '/api/allocation/applications']) {
        expect((await session.request({ method: 'GET', url })).statusCode).toBe(403);
      }
    }
  });
});
