import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthsBefore, today } from '../../../shared/dates';
import { birthdayAt, youthSupportDeadline } from '../../../shared/youth/rules';
import type { DatabaseHandles } from '../../db/database';
import { call, createCitizen, createNotice, tenantWith } from '../../test/factories';
import { createTestUser, type Session, testApp, testDatabase } from '../../test/helpers';

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
/** The birth date of someone aged `years` and `months` today. */
const bornAged = (years: number, months = 0) => monthsBefore(now, years * 12 + months);

async function municipality() {
  const { municipality, users } = await tenantWith(app, db, ['admin', 'caseworker', 'support', 'leader']);
  return { m: municipality.id, admin: users.admin.session, cw: users.caseworker.session, users };
}

async function youngPerson(s: Session, birthDate: string) {
  const { id } = await createCitizen(s, {
    birthDate,
    firstEpisode: { situation: 'street', fromDate: addDays(now, -30) },
  });
  return id as string;
}

async function taskIds(s: Session) {
  const { items } = (await call(s, 'GET', '/api/tasks')) as { items: { id: string }[] };
  return items.map((t) => t.id);
}

const profile = {
  educationStatus: 'in_education',
  kuiStatus: 'active',
  specialNeed: false,
  ownGoals: 'Jeg vil være tømrer',
};

describe('the youth profile (issue 17 §1)', () => {
  it('records a placed 16½-year-old with profile and placement, and lists them with the § 111 deadline', async () => {
    const { cw } = await municipality();
    const birth = bornAged(16, 6);
    const c = await youngPerson(cw, birth);
    await call(cw, 'PUT', `/api/youth/${c}/profile`, profile);
    await call(
      cw,
      'POST',
      `/api/youth/${c}/placements`,
      { placementType: 'family_care', fromDate: addDays(now, -800) },
      201,
    );
    const { items } = await call(cw, 'GET', '/api/youth');
    expect(items).toEqual([
      expect.objectContaining({
        citizenId: c,
        age: 16,
        situation: 'street',
        educationStatus: 'in_education',
        placedNow: true,
        formerlyPlaced: false,
        decisionDeadline: youthSupportDeadline(birth),
      }),
    ]);
    const view = await call(cw, 'GET', `/api/youth/${c}`);
    expect(view).toMatchObject({
      profile: { ownGoals: 'Jeg vil være tømrer', educationStatus: 'in_education' },
      placedNow: true,
      kuiCovered: true,
      youthUnit: { eligible: true, key: 'youth.inEducation', ageLimit: 30 },
      housingApplicationId: null,
    });
    expect(view.placements).toHaveLength(1);
  });

  it("judges youth-unit eligibility with the municipality's own age limit from the allocation settings (rule 26)", async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation']);
    const cw = users.caseworker.session;
    const officer = users.allocation.session;
    const c = await youngPerson(cw, bornAged(27));
    await call(cw, 'PUT', `/api/youth/${c}/profile`, profile);
    expect((await call(cw, 'GET', `/api/youth/${c}`)).youthUnit).toEqual({
      eligible: true,
      key: 'youth.inEducation',
      ageLimit: 30,
    });
    const settings = await call(officer, 'GET', '/api/allocation/settings');
    await call(officer, 'PUT', '/api/allocation/settings', { ...settings, youthAgeLimit: 25 });
    expect((await call(cw, 'GET', `/api/youth/${c}`)).youthUnit).toEqual({
      eligible: false,
      key: 'youth.tooOld',
      ageLimit: 25,
    });
  });

  it('refuses a placement ending before it starts with a field error naming the end date, saving nothing', async () => {
    const { cw } = await municipality();
    const c = await youngPerson(cw, bornAged(16));
    const bad = await cw.request({
      method: 'POST',
      url: `/api/youth/${c}/placements`,
      payload: {
        placementType: 'residential_institution',
        fromDate: addDays(now, -10),
        toDate: addDays(now, -11),
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'YOUTH_PLACEMENT_END_BEFORE_START',
      fields: [{ path: 'toDate', code: 'before_start' }],
    });
    expect((await call(cw, 'GET', `/api/youth/${c}`)).placements).toEqual([]);
  });

  it('refuses an unknown placement type and an unknown field as validation errors', async () => {
    const { cw } = await municipality();
    const c = await youngPerson(cw, bornAged(16));
    const kind = await cw.request({
      method: 'POST',
      url: `/api/youth/${c}/placements`,
      payload: { placementType: 'castle', fromDate: now },
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json()).toMatchObject({ code: 'V_VALIDATION' });
    const extra = await cw.request({
      method: 'PUT',
      url: `/api/youth/${c}/profile`,
      payload: { ...profile, secret: 1 },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('refuses a profile for a citizen outside the ages 15–29', async () => {
    const { cw } = await municipality();
    const c = await youngPerson(cw, bornAged(31));
    const res = await cw.request({ method: 'PUT', url: `/api/youth/${c}/profile`, payload: profile });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'YOUTH_AGE_OUTSIDE' });
  });

  it('answers a young person of another municipality as not found', async () => {
    const a = await municipality();
    const b = await municipality();
    const c = await youngPerson(a.cw, bornAged(20));
    const res = await b.cw.request({ method: 'GET', url: `/api/youth/${c}` });
    expect(res.statusCode).toBe(404);
  });

  it('keeps the names from the leader, and from a support worker who does not support the young person', async () => {
    const { cw, users } = await municipality();
    const c = await youngPerson(cw, bornAged(20));
    const leader = await users.leader.session.request({ method: 'GET', url: '/api/youth' });
    expect(leader.statusCode).toBe(403);
    expect((await call(users.support.session, 'GET', '/api/youth')).items).toEqual([]);
    const res = await users.support.session.request({ method: 'GET', url: `/api/youth/${c}` });
    expect(res.statusCode).toBe(404);
    const write = await users.support.session.request({
      method: 'PUT',
      url: `/api/youth/${c}/profile`,
      payload: profile,
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('rule 31: the decision on youth support and ungestøtte', () => {
  it('gives the child caseworker a task for a placed 17-year-old without a decision, due on the deadline, gone once decided', async () => {
    const { cw } = await municipality();
    const birth = bornAged(17, 2);
    const c = await youngPerson(cw, birth);
    await call(
      cw,
      'POST',
      `/api/youth/${c}/placements`,
      { placementType: 'residential_institution', fromDate: addDays(now, -400) },
      201,
    );
    const { items } = (await call(cw, 'GET', '/api/tasks')) as { items: { id: string; dueAt: string }[] };
    expect(items.find((t) => t.id === `youth_decision_due:${c}`)?.dueAt).toBe(youthSupportDeadline(birth));
    const decided = await call(
      cw,
      'POST',
      `/api/youth/${c}/decisions`,
      { decidedOn: now, outcome: 'granted' },
      201,
    );
    expect(decided.timing).toBe('on_time');
    expect(await taskIds(cw)).not.toContain(`youth_decision_due:${c}`);
  });

  it('gives no task for a placed 16½-year-old', async () => {
    const { cw } = await municipality();
    const c = await youngPerson(cw, bornAged(16, 6));
    await call(
      cw,
      'POST',
      `/api/youth/${c}/placements`,
      { placementType: 'family_care', fromDate: addDays(now, -400) },
      201,
    );
    expect(await taskIds(cw)).not.toContain(`youth_decision_due:${c}`);
  });

  it('flags a decision after the 18th birthday as late, and records it', async () => {
    const { cw } = await municipality();
    const c = await youngPerson(cw, bornAged(18, 1));
    const res = await call(
      cw,
      'POST',
      `/api/youth/${c}/decisions`,
      { decidedOn: now, outcome: 'granted' },
      201,
    );
    expect(res.timing).toBe('after_18');
    expect((await call(cw, 'GET', `/api/youth/${c}`)).decisions).toEqual([
      expect.objectContaining({ decidedOn: now, timing: 'after_18', outcome: 'granted' }),
    ]);
  });

  it('alerts when a young person left care at 18 without a decision or a housing application', async () => {
    const { cw } = await municipality();
    const birth = bornAged(18, 2);
    const c = await youngPerson(cw, birth);
    const eighteenth = monthsBefore(now, 2);
    await call(
      cw,
      'POST',
      `/api/youth/${c}/placements`,
      { placementType: 'residential_institution', fromDate: addDays(now, -900), toDate: eighteenth },
      201,
    );
    expect(await taskIds(cw)).toContain(`youth_left_care:${c}`);
    await call(cw, 'POST', `/api/youth/${c}/decisions`, { decidedOn: now, outcome: 'refused' }, 201);
    expect(await taskIds(cw)).not.toContain(`youth_left_care:${c}`);
  });

  it('records ungestøtte from the 18th birthday, and refuses it before 18 naming the start date', async () => {
    const { cw } = await municipality();
    const birth = bornAged(18, 1);
    const c = await youngPerson(cw, birth);
    const early = await cw.request({
      method: 'POST',
      url: `/api/youth/${c}/supports`,
      payload: { kind: 'ungestoette', fromDate: addDays(monthsBefore(now, 1), -1) },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'YOUTH_UNGESTOETTE_AGE', fields: [{ path: 'fromDate' }] });
    await call(
      cw,
      'POST',
      `/api/youth/${c}/supports`,
      { kind: 'ungestoette', fromDate: monthsBefore(now, 1) },
      201,
    );
    const view = await call(cw, 'GET', `/api/youth/${c}`);
    expect(view.supports).toEqual([expect.objectContaining({ kind: 'ungestoette', active: true })]);
    expect(view.ungestoette.availableNow).toBe(true);
  });

  it('refuses a support ending before it starts', async () => {
    const { cw } = await municipality();
    const c = await youngPerson(cw, bornAged(16));
    const res = await cw.request({
      method: 'POST',
      url: `/api/youth/${c}/supports`,
      payload: { kind: 'mentor', fromDate: now, toDate: addDays(now, -1) },
    });
    expect(res.json()).toMatchObject({
      code: 'YOUTH_SUPPORT_END_BEFORE_START',
      fields: [{ path: 'toDate' }],
    });
  });
});

describe('the pair (parløb) of the child and adult areas (issue 17 §2)', () => {
  it('pairs a child-area and an adult-area caseworker, and refuses a pair from the wrong areas', async () => {
    const { admin, cw, users, m } = await municipality();
    const adult = await createTestUser(db, m, 'caseworker');
    await call(
      admin,
      'PUT',
      `/api/youth/service-areas/${users.caseworker.id}`,
      { serviceArea: 'born_unge' },
      204,
    );
    const c = await youngPerson(cw, bornAged(16, 3));
    const wrong = await cw.request({
      method: 'PUT',
      url: `/api/youth/${c}/pairing`,
      payload: { childUserId: users.caseworker.id, adultUserId: adult.id },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'YOUTH_PAIRING_AREA', fields: [{ path: 'adultUserId' }] });
    await call(admin, 'PUT', `/api/youth/service-areas/${adult.id}`, { serviceArea: 'voksen' }, 204);
    await call(cw, 'PUT', `/api/youth/${c}/pairing`, {
      childUserId: users.caseworker.id,
      adultUserId: adult.id,
    });
    const view = await call(cw, 'GET', `/api/youth/${c}`);
    expect(view.pair).toMatchObject({
      childUserId: users.caseworker.id,
      adultUserId: adult.id,
      fromAge: 16,
      active: true,
    });
    const caseworkers = await call(cw, 'GET', '/api/youth/caseworkers');
    expect(caseworkers).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: adult.id, serviceArea: 'voksen' })]),
    );
  });

  it('lets only the administrator list and set the service areas', async () => {
    const { admin, cw, users } = await municipality();
    expect(await call(admin, 'GET', '/api/youth/service-areas')).toEqual([
      expect.objectContaining({ id: users.caseworker.id, serviceArea: null }),
    ]);
    expect((await cw.request({ method: 'GET', url: '/api/youth/service-areas' })).statusCode).toBe(403);
    const res = await cw.request({
      method: 'PUT',
      url: `/api/youth/service-areas/${users.caseworker.id}`,
      payload: { serviceArea: 'voksen' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('the test clock (ADR 0011) and the § 111 task', () => {
  it('shows the task for a placed 16½-year-old on the 17th birthday, when the clock is set to it', async () => {
    const clocked = await testApp(db, { HJEMVEJ_TEST_CLOCK: 'true' });
    try {
      const { users } = await tenantWith(clocked, db, ['caseworker']);
      const cw = users.caseworker.session;
      const birth = bornAged(16, 6);
      const c = await youngPerson(cw, birth);
      await call(
        cw,
        'POST',
        `/api/youth/${c}/placements`,
        { placementType: 'family_care', fromDate: addDays(now, -400) },
        201,
      );
      const tasksOn = async (date: string | null) => {
        const cookie = date ? `${cw.cookie}; hjemvej_test_clock=${date}` : cw.cookie;
        const res = await clocked.inject({ method: 'GET', url: '/api/tasks', headers: { cookie } });
        return (res.json() as { items: { id: string }[] }).items.map((t) => t.id);
      };
      const seventeenth = birthdayAt(birth, 17);
      expect(await tasksOn(null)).not.toContain(`youth_decision_due:${c}`);
      expect(await tasksOn(addDays(seventeenth, -1))).not.toContain(`youth_decision_due:${c}`);
      expect(await tasksOn(seventeenth)).toContain(`youth_decision_due:${c}`);
      // Without the test clock, the cookie is ignored.
      const plain = await app.inject({
        method: 'GET',
        url: '/api/tasks',
        headers: { cookie: `${cw.cookie}; hjemvej_test_clock=${seventeenth}` },
      });
      expect((plain.json() as { items: { id: string }[] }).items.map((t) => t.id)).not.toContain(
        `youth_decision_due:${c}`,
      );
    } finally {
      await clocked.close();
    }
  });
});

describe('alerts about young people (issue 17 §7)', () => {
  it('tells the caseworker of a young homeless person without a coherent plan', async () => {
    const { cw } = await municipality();
    const c = await youngPerson(cw, bornAged(20));
    expect(await taskIds(cw)).not.toContain(`youth_no_plan:${c}`);
    await call(cw, 'PUT', `/api/youth/${c}/profile`, profile);
    expect(await taskIds(cw)).toContain(`youth_no_plan:${c}`);
  });

  it('tells the caseworker of a young person discharged from a § 110 shelter within 30 days', async () => {
    const { cw } = await municipality();
    const { id: c } = await createCitizen(cw, {
      birthDate: bornAged(22),
      firstEpisode: { situation: 'shelter', fromDate: addDays(now, -60) },
    });
    await call(
      cw,
      'POST',
      `/api/citizens/${c}/episodes`,
      { situation: 'street', fromDate: addDays(now, -5) },
      201,
    );
    await call(cw, 'PUT', `/api/youth/${c}/profile`, profile);
    expect(await taskIds(cw)).toContain(`youth_shelter_discharge:${c}:${addDays(now, -5)}`);
  });

  it('tells the caseworker of a young person with an eviction notice', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'prevention']);
    const cw = users.caseworker.session;
    // Born 2 March 2005 (the 7th digit 4 places it in 2000–2036), a number passing modulus 11.
    const cpr = validCpr('020305');
    const { id: c } = await createCitizen(cw, { cpr, initials: 'EV' });
    await call(cw, 'PUT', `/api/youth/${c}/profile`, profile);
    await createNotice(users.prevention.session, { tenantCpr: cpr, tenantName: 'Ung Lejer' });
    expect((await taskIds(cw)).some((id) => id.startsWith('youth_eviction:'))).toBe(true);
  });
});

/** A CPR number for the date (ddmmyy) with 7th digit 4 that passes the modulus 11 check. */
function validCpr(ddmmyy: string): string {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  for (let n = 4000; n < 5000; n++) {
    const cpr = `${ddmmyy}${n}`;
    const sum = [...cpr].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
    if (sum % 11 === 0) return cpr;
  }
  throw new Error('no CPR');
}
