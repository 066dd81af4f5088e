import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthsBefore, today } from '../../../shared/dates';
import type { YouthIndicators } from '../../../shared/youth/indicators';
import type { DatabaseHandles } from '../../db/database';
import { call, createApplication, createCitizen, tenantWith } from '../../test/factories';
import { type Session, testApp, testDatabase } from '../../test/helpers';

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

const now = today();
const thisYear = Number(now.slice(0, 4));
const bornAged = (years: number, months = 0) => monthsBefore(now, years * 12 + months);

async function homeless(s: Session, birthDate: string) {
  const { id } = await createCitizen(s, {
    birthDate,
    firstEpisode: { situation: 'street', fromDate: addDays(now, -30) },
  });
  return id;
}

const placement = (s: Session, id: string, fromDate: string, toDate?: string) =>
  call(s, 'POST', `/api/youth/${id}/placements`, { placementType: 'family_care', fromDate, toDate }, 201);

describe('GET /api/youth/indicators (issue 17 §8)', () => {
  it('counts the young homeless, the formerly placed, decisions and transitions, suppressing small numbers', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader', 'admin']);
    const cw = users.caseworker.session;
    // Six homeless aged 20 (five of them formerly placed) and five aged 26.
    const twenty = [];
    for (let i = 0; i < 6; i++) twenty.push(await homeless(cw, bornAged(20, 1)));
    for (let i = 0; i < 5; i++) await homeless(cw, bornAged(26, 1));
    for (const id of twenty.slice(0, 5)) await placement(cw, id, bornAged(8), monthsBefore(now, 24));
    // A placed 17-year-old with a § 111 decision today: on time (rule 31).
    const { id: seventeen } = await createCitizen(cw, { birthDate: bornAged(17) });
    await placement(cw, seventeen, bornAged(10));
    await call(cw, 'POST', `/api/youth/${seventeen}/decisions`, { decidedOn: now, outcome: 'granted' }, 201);

    const res = (await call(users.leader.session, 'GET', '/api/youth/indicators')) as YouthIndicators;
    expect(res.years.map((y) => y.year)).toEqual([4, 3, 2, 1, 0].map((n) => thisYear - n));
    const current = res.years.at(-1);
    expect(current).toMatchObject({
      onDate: now,
      homeless18to24: 6,
      homeless25to29: 5,
      formerlyPlaced: 5,
      formerlyPlacedPercent: 45.5,
      // One decision: "<5"; its neighbour is 0 and names nobody.
      decisionsOnTime: '<5',
      decisionsLate: 0,
    });
    // The national counts of domain.md beside the municipality's.
    expect(res.national.find((n) => n.year === 2022)).toEqual({ year: 2022, age18to24: 744, age25to29: 842 });
    // The administrator may read them too.
    await call(users.admin.session, 'GET', '/api/youth/indicators');
  });

  it('hides a neighbour of a small cell (secondary suppression) and counts a transition at 18', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    const cw = users.caseworker.session;
    for (let i = 0; i < 7; i++) await homeless(cw, bornAged(22, 2));
    await homeless(cw, bornAged(27, 2));
    // Placed until yesterday, 18 today, no decision and no application: without a housing plan.
    const { id: eighteen } = await createCitizen(cw, { birthDate: bornAged(18) });
    await placement(cw, eighteen, bornAged(12), addDays(now, -1));
    const res = (await call(users.leader.session, 'GET', '/api/youth/indicators')) as YouthIndicators;
    const current = res.years.at(-1);
    expect(current).toMatchObject({
      homeless18to24: 'x',
      homeless25to29: '<5',
      formerlyPlaced: 0,
      transitionsWithPlan: 0,
      transitionsWithoutPlan: '<5',
    });
  });

  it('counts a transition at 18 with a housing application as with a plan, also once the application is closed', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    const cw = users.caseworker.session;
    // Five placed until yesterday, 18 today; each with an application submitted, one since withdrawn.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await createCitizen(cw, { birthDate: bornAged(18) });
      await placement(cw, id, bornAged(12), addDays(now, -1));
      ids.push(id);
    }
    const applications = [];
    for (const id of ids) applications.push(await createApplication(cw, { citizenId: id }));
    await call(cw, 'POST', `/api/allocation/applications/${applications[0]?.id}/withdraw`, {
      reason: 'Flytter i ungdomsbolig via sin uddannelse',
    });
    const res = (await call(users.leader.session, 'GET', '/api/youth/indicators')) as YouthIndicators;
    expect(res.years.at(-1)).toMatchObject({ transitionsWithPlan: 5, transitionsWithoutPlan: 0 });
  });

  it('is the leader’s: a caseworker gets 403, and another municipality sees none of it', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    await call(users.caseworker.session, 'GET', '/api/youth/indicators', undefined, 403);
    const res = (await call(users.leader.session, 'GET', '/api/youth/indicators')) as YouthIndicators;
    for (const y of res.years)
      expect([y.homeless18to24, y.homeless25to29, y.decisionsOnTime, y.transitionsWithoutPlan]).toEqual([
        0, 0, 0, 0,
      ]);
  });
});
