import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportedCountAt } from '../../../shared/suppression';
import type { DatabaseHandles } from '../../db/database';
import { call, createApprovedApplication, createCitizen, tenantWith } from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';
import { possibleValues } from '../../test/suppression';

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

type Breakdown = Record<string, ReportedCountAt>;

/**
 * What a reader outside case work can make of the acute applicants from the counts shown: the total
 * and its breakdowns by age, household, waiting time and priority, each adding up to it.
 */
function possibleAcute(
  counts: Record<'byAgeBand' | 'byHouseholdSize' | 'byWaitingBand' | 'byPriority', Breakdown> & {
    total: ReportedCountAt;
  },
): number[] {
  const priorities = ['acute', 'high', 'normal'].map((p) => counts.byPriority[p] as ReportedCountAt);
  const breakdowns = [counts.byAgeBand, counts.byHouseholdSize, counts.byWaitingBand].map(Object.values);
  return possibleValues(counts.total, [priorities, ...breakdowns], [0, 0]);
}

describe('waiting-list figures outside case work: design.md small-number suppression (issue 20 (c))', () => {
  it('gives the leader and economy no way to work one acute applicant out of the total, in the counts, the snapshots and the dashboard alike, while the allocation officer sees 1', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation', 'leader', 'economy']);
    const cw = users.caseworker.session;
    const officer = users.allocation.session;
    await createApprovedApplication(cw, officer, {}, 'acute');
    for (let i = 0; i < 5; i++) await createApprovedApplication(cw, officer);
    await call(officer, 'POST', '/api/allocation/snapshots', { label: '2. budgetopfølgning' }, 201);

    // Case work: exact.
    const exact = await call(officer, 'GET', '/api/allocation/waiting-list/counts');
    expect(exact.counts.total).toBe(6);
    expect(exact.counts.byPriority).toEqual({ acute: 1, high: 0, normal: 5 });
    const [exactSnapshot] = (await call(officer, 'GET', '/api/allocation/snapshots')).items;
    expect(exactSnapshot.counts.byPriority.acute).toBe(1);

    for (const role of ['leader', 'economy'] as const) {
      const session = users[role].session;
      const { counts } = await call(session, 'GET', '/api/allocation/waiting-list/counts');
      // "<5" beside "x" (at least 5) and a total of 6 would leave only 1. The total stays (the
      // dashboard and the committee report show it alone), so the priorities are left out.
      expect(counts.total).toBe(6);
      expect(['<5', 'x']).toContain(counts.byPriority.acute);
      expect(possibleAcute(counts).length, JSON.stringify(counts)).toBeGreaterThan(1);
      expect(possibleAcute(counts)).toContain(1);
      const [snapshot] = (await call(session, 'GET', '/api/allocation/snapshots')).items;
      expect(['<5', 'x']).toContain(snapshot.counts.byPriority.acute);
      expect(possibleAcute(snapshot.counts).length, JSON.stringify(snapshot.counts)).toBeGreaterThan(1);
    }

    // The leader's dashboard shows the waiting list by priority as the counts show it.
    const { counts } = await call(users.leader.session, 'GET', '/api/allocation/waiting-list/counts');
    const dashboard = await call(users.leader.session, 'GET', '/api/insight/dashboard?refresh=true');
    expect(dashboard.allocation.waitingList).toEqual({ total: counts.total, byPriority: counts.byPriority });
    const { byPriority } = dashboard.allocation.waitingList;
    const priorities = [byPriority.acute, byPriority.high, byPriority.normal];
    expect(
      possibleValues(dashboard.allocation.waitingList.total, [priorities], [0, 0]).length,
    ).toBeGreaterThan(1);
  });
});
