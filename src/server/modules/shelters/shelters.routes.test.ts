import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import { notificationDeadline } from '../../../shared/shelters/rules';
import type { DatabaseHandles } from '../../db/database';
import { call, createTestUser, fakeCpr, tenantWith } from '../../test/factories';
import { login, type Session, testApp, testDatabase } from '../../test/helpers';

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

/** A municipality with an administrator, a shelter and a linked shelter user. */
async function shelterWithStaff(name = 'Herberget Nord') {
  const { municipality, users } = await tenantWith(app, db, ['admin', 'partner_shelter', 'caseworker']);
  const admin = users.admin.session;
  const { id } = await call(
    admin,
    'POST',
    '/api/shelters',
    {
      name,
      kind: 'independent',
      places: 40,
      onTilbudsportalen: true,
      dailyRate: 1_450,
      rateFrom: '2026-01-01',
    },
    201,
  );
  await call(admin, 'PUT', `/api/shelters/${id}/users`, { userId: users.partner_shelter.id }, 204);
  return { municipality, users, shelterId: id as string, staff: users.partner_shelter.session };
}

const admission = (overrides: Record<string, unknown> = {}) => ({
  cpr: fakeCpr(),
  givenName: 'Jens',
  familyName: 'Hansen',
  admittedOn: addDays(today(), -2),
  admissionDecidedOn: addDays(today(), -2),
  handlekommune: '169',
  ...overrides,
});

/** The citizen's whereabouts, newest first. */
async function whereabouts(s: Session, citizenId: string) {
  const citizen = await call(s, 'GET', `/api/citizens/${citizenId}?purpose=casework`);
  return citizen.episodes.map((e: { situation: string }) => e.situation) as string[];
}

async function taskIds(s: Session) {
  const { items } = (await call(s, 'GET', '/api/tasks')) as { items: { id: string; severity: string }[] };
  return items;
}

describe('shelters and their rates (issue 16 §1)', () => {
  it('lists the shelter with the rate in force today and its residents', async () => {
    const { users, staff } = await shelterWithStaff();
    await call(staff, 'POST', '/api/shelters/stays', admission(), 201);
    const list = await call(users.admin.session, 'GET', '/api/shelters');
    expect(list).toEqual([
      expect.objectContaining({ name: 'Herberget Nord', places: 40, dailyRate: 1_450, residents: 1 }),
    ]);
  });

  it('sets a new daily rate from a date and lists the shelter users with their shelter', async () => {
    const { users, shelterId } = await shelterWithStaff();
    const admin = users.admin.session;
    await call(
      admin,
      'PUT',
      `/api/shelters/${shelterId}/rates`,
      { validFrom: addDays(today(), 1), dailyRate: 1_600 },
      204,
    );
    expect((await call(admin, 'GET', '/api/shelters'))[0].dailyRate).toBe(1_450);
    await call(
      admin,
      'PUT',
      `/api/shelters/${shelterId}/rates`,
      { validFrom: today(), dailyRate: 1_500 },
      204,
    );
    expect((await call(admin, 'GET', '/api/shelters'))[0].dailyRate).toBe(1_500);
    expect(await call(admin, 'GET', '/api/shelters/users')).toEqual([
      expect.objectContaining({ id: users.partner_shelter.id, shelterId }),
    ]);
  });

  it('refuses a second shelter of the same name in the municipality with 409, naming the field (found by the fuzzer, issue 20 §9)', async () => {
    const { users } = await shelterWithStaff('Herberget Syd');
    const again = await users.admin.session.request({
      method: 'POST',
      url: '/api/shelters',
      payload: {
        name: 'Herberget Syd',
        kind: 'independent',
        places: 10,
        onTilbudsportalen: false,
        dailyRate: 1_000,
        rateFrom: '2026-01-01',
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'SHELTER_NAME_TAKEN',
      fields: [{ path: 'name', code: 'taken' }],
    });
  });

  it('links only a shelter user to a shelter', async () => {
    const { users, shelterId } = await shelterWithStaff();
    const res = await users.admin.session.request({
      method: 'PUT',
      url: `/api/shelters/${shelterId}/users`,
      payload: { userId: users.caseworker.id },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'SHELTER_USER_UNLINKED', fields: [{ path: 'userId' }] });
  });
});

describe('stays (issue 16 §2–3)', () => {
  it('admits a citizen by CPR number: the stay becomes the whereabouts, and the notification is a task until recorded (§ 110 stk. 6)', async () => {
    const { users, staff } = await shelterWithStaff();
    const decided = addDays(today(), -10);
    const { id, citizenId } = await call(
      staff,
      'POST',
      '/api/shelters/stays',
      admission({ admittedOn: decided, admissionDecidedOn: decided }),
      201,
    );
    expect((await whereabouts(users.caseworker.session, citizenId))[0]).toBe('shelter');
    const mine = await call(staff, 'GET', '/api/shelters/mine');
    expect(mine.residents).toEqual([
      expect.objectContaining({ id, notifyBy: notificationDeadline(decided), notification: 'overdue' }),
    ]);
    expect(await taskIds(staff)).toEqual([
      expect.objectContaining({ id: `shelter_notify:${id}`, severity: 'error' }),
    ]);
    await call(staff, 'POST', `/api/shelters/stays/${id}/notify`, { notifiedOn: today() });
    expect(await taskIds(staff)).toEqual([]);
    const again = await staff.request({
      method: 'POST',
      url: `/api/shelters/stays/${id}/notify`,
      payload: { notifiedOn: today() },
    });
    expect(again.json()).toMatchObject({ code: 'STAY_ALREADY_NOTIFIED' });
  });

  it('admits a citizen without CPR number by birth date and initials', async () => {
    const { staff } = await shelterWithStaff();
    const res = await call(
      staff,
      'POST',
      '/api/shelters/stays',
      admission({
        cpr: undefined,
        givenName: undefined,
        familyName: undefined,
        birthDate: '1971-04-02',
        initials: 'KP',
      }),
      201,
    );
    const mine = await call(staff, 'GET', '/api/shelters/mine');
    expect(mine.residents[0]).toMatchObject({ id: res.id, name: 'KP', birthDate: '1971-04-02' });
  });

  it('refuses a second open stay, an admission without handlekommune or person, and a decision after the admission; nothing is saved', async () => {
    const { staff } = await shelterWithStaff();
    const first = admission();
    await call(staff, 'POST', '/api/shelters/stays', first, 201);
    const post = (payload: Record<string, unknown>) =>
      staff.request({ method: 'POST', url: '/api/shelters/stays', payload });
    expect((await post(first)).json()).toMatchObject({ code: 'STAY_ALREADY_OPEN' });
    expect((await post(admission({ handlekommune: '' }))).json()).toMatchObject({
      code: 'STAY_HANDLEKOMMUNE_REQUIRED',
      fields: [{ path: 'handlekommune' }],
    });
    expect((await post(admission({ cpr: undefined }))).json()).toMatchObject({
      code: 'STAY_CITIZEN_REQUIRED',
    });
    expect(
      (await post(admission({ admissionDecidedOn: today(), admittedOn: addDays(today(), -1) }))).json(),
    ).toMatchObject({ code: 'STAY_DECISION_AFTER_ADMISSION', fields: [{ path: 'admissionDecidedOn' }] });
    expect((await call(staff, 'GET', '/api/shelters/mine')).residents).toHaveLength(1);
  });

  it('discharges to the citizen’s own home, not before the admission; the destination becomes the whereabouts', async () => {
    const { users, staff } = await shelterWithStaff();
    const { id, citizenId } = await call(staff, 'POST', '/api/shelters/stays', admission(), 201);
    const early = await staff.request({
      method: 'POST',
      url: `/api/shelters/stays/${id}/discharge`,
      payload: { dischargedOn: addDays(today(), -3), dischargedTo: 'own_home' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'STAY_DISCHARGE_BEFORE_ADMISSION',
      fields: [{ path: 'dischargedOn' }],
    });
    await call(
      staff,
      'POST',
      `/api/shelters/stays/${id}/discharge`,
      { dischargedOn: today(), dischargedTo: 'own_home', reason: 'Egen lejlighed' },
      204,
    );
    const mine = await call(staff, 'GET', '/api/shelters/mine');
    expect(mine.residents).toEqual([]);
    expect(mine.discharged[0]).toMatchObject({
      id,
      dischargedTo: 'own_home',
      dischargeReason: 'Egen lejlighed',
    });
    expect((await whereabouts(users.caseworker.session, citizenId))[0]).toBe('housed');
  });

  it("answers not found for another shelter's resident, and asks an unlinked shelter user to be linked", async () => {
    const a = await shelterWithStaff('Herberget Syd');
    const { id } = await call(a.staff, 'POST', '/api/shelters/stays', admission(), 201);
    const { id: other } = await call(
      a.users.admin.session,
      'POST',
      '/api/shelters',
      {
        name: 'Forsorgshjemmet',
        kind: 'municipal',
        places: 20,
        onTilbudsportalen: true,
        dailyRate: 1_200,
        rateFrom: '2026-01-01',
      },
      201,
    );
    const colleague = await createTestUser(db, a.municipality.id, 'partner_shelter');
    const session = await login(app, colleague.username);
    const unlinked = await session.request({ method: 'GET', url: '/api/shelters/mine' });
    expect(unlinked.json()).toMatchObject({ code: 'SHELTER_USER_UNLINKED' });
    await call(a.users.admin.session, 'PUT', `/api/shelters/${other}/users`, { userId: colleague.id }, 204);
    const foreign = await session.request({
      method: 'POST',
      url: `/api/shelters/stays/${id}/discharge`,
      payload: { dischargedOn: today(), dischargedTo: 'street' },
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe("the handlekommune's caseworkers (issue 16 §4, rule 11)", () => {
  it('list the citizens in shelters with their action plan; a notified resident without one is a task until recorded', async () => {
    const { municipality, users, staff } = await shelterWithStaff();
    const cw = users.caseworker.session;
    const own = { handlekommune: municipality.code };
    const { id } = await call(staff, 'POST', '/api/shelters/stays', admission(own), 201);
    const planned = await call(staff, 'POST', '/api/shelters/stays', admission(own), 201);
    await call(
      cw,
      'POST',
      '/api/plans',
      { citizenId: planned.citizenId, coordinatorId: users.caseworker.id, startedOn: today(), goals: [] },
      201,
    );
    expect(
      (await call(cw, 'GET', '/api/shelters/residents')).map((r: { plan: string }) => r.plan).sort(),
    ).toEqual(['coherent_plan', 'missing']);
    // Not before the shelter has notified the handlekommune.
    expect((await taskIds(cw)).map((t) => t.id)).not.toContain(`shelter_action_plan:${id}`);
    await call(staff, 'POST', `/api/shelters/stays/${id}/notify`, { notifiedOn: today() });
    expect((await taskIds(cw)).map((t) => t.id)).toContain(`shelter_action_plan:${id}`);
    const ahead = await cw.request({
      method: 'POST',
      url: `/api/shelters/stays/${id}/action-plan`,
      payload: { madeOn: addDays(today(), 1) },
    });
    expect(ahead.json()).toMatchObject({ code: 'STAY_DATE_IN_FUTURE', fields: [{ path: 'madeOn' }] });
    await call(cw, 'POST', `/api/shelters/stays/${id}/action-plan`, { madeOn: today() }, 204);
    const after = await call(cw, 'GET', '/api/shelters/residents');
    expect(after.find((r: { id: string }) => r.id === id)).toMatchObject({
      plan: 'action_plan',
      actionPlanOn: today(),
    });
    expect((await taskIds(cw)).map((t) => t.id)).not.toContain(`shelter_action_plan:${id}`);
  });

  it('leave out a resident another municipality is handlekommune for, and answer not found for its plan', async () => {
    const { municipality, users, staff } = await shelterWithStaff();
    const other = municipality.code === '999' ? '998' : '999';
    const { id } = await call(staff, 'POST', '/api/shelters/stays', admission({ handlekommune: other }), 201);
    const cw = users.caseworker.session;
    expect(await call(cw, 'GET', '/api/shelters/residents')).toEqual([]);
    const res = await cw.request({
      method: 'POST',
      url: `/api/shelters/stays/${id}/action-plan`,
      payload: { madeOn: today() },
    });
    expect(res.statusCode).toBe(404);
  });
});
