import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import {
  call,
  createApprovedApplication,
  createDepartment,
  createVacancy,
  fakeCpr,
  tenantWith,
} from '../../test/factories';
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

/** A municipality with a shelter and its staff, a caseworker and an allocation officer; one resident it is handlekommune for. */
async function residentOfOwnShelter() {
  const t = await tenantWith(app, db, ['admin', 'partner_shelter', 'caseworker', 'allocation', 'support']);
  const { id: shelterId } = await call(
    t.users.admin.session,
    'POST',
    '/api/shelters',
    {
      name: 'Herberget Syd',
      kind: 'municipal',
      places: 20,
      onTilbudsportalen: true,
      dailyRate: 1_300,
      rateFrom: '2026-01-01',
    },
    201,
  );
  await call(
    t.users.admin.session,
    'PUT',
    `/api/shelters/${shelterId}/users`,
    { userId: t.users.partner_shelter.id },
    204,
  );
  const admittedOn = addDays(today(), -60);
  const stay = await call(
    t.users.partner_shelter.session,
    'POST',
    '/api/shelters/stays',
    {
      cpr: fakeCpr(),
      givenName: 'Ib',
      familyName: 'Udskrevet',
      admittedOn,
      admissionDecidedOn: admittedOn,
      handlekommune: t.municipality.code,
    },
    201,
  );
  return {
    ...t,
    cw: t.users.caseworker.session,
    staff: t.users.partner_shelter.session,
    stayId: stay.id as string,
    citizenId: stay.citizenId as string,
    admittedOn,
  };
}

const discharge = (overrides: Record<string, unknown> = {}) => ({
  dischargedOn: today(),
  dischargedTo: 'own_home',
  reason: 'Egen bolig med bostøtte',
  ...overrides,
});

async function tryDischarge(cw: Session, stayId: string, body = discharge()) {
  return cw.request({
    method: 'POST',
    url: `/api/shelters/stays/${stayId}/municipal-discharge`,
    payload: body,
  });
}

/** A tenancy for the citizen: approved, offered a vacancy, accepted with the given lease and move-in dates. */
async function allocateHousing(
  cw: Session,
  officer: Session,
  citizenId: string,
  tenancy: { leaseSignedOn?: string; plannedMoveInOn?: string },
) {
  const application = await createApprovedApplication(cw, officer, { citizenId });
  const { deptId } = await createDepartment(officer);
  const vacancy = await createVacancy(officer, deptId, { availableOn: addDays(today(), -20) });
  const offer = await call(
    officer,
    'POST',
    `/api/allocation/vacancies/${vacancy.id}/offers`,
    { applicationId: application.id },
    201,
  );
  await call(officer, 'POST', `/api/allocation/offers/${offer.id}/accept`, tenancy);
}

/** An ICM enrollment decided 10 days ago, with the municipality's support user as worker. */
async function decideSupport(r: Awaited<ReturnType<typeof residentOfOwnShelter>>) {
  const worker = await call(
    r.users.admin.session,
    'POST',
    '/api/support/workers',
    { userId: r.users.support.id, fte: 1 },
    201,
  );
  return call(
    r.cw,
    'POST',
    '/api/support/enrollments',
    {
      citizenId: r.citizenId,
      workerId: worker.id,
      method: 'icm',
      decisionOn: addDays(today(), -10),
      legalBasis: 's85a',
      startOn: addDays(today(), -5),
    },
    201,
  );
}

async function residentsRow(cw: Session, stayId: string) {
  return ((await call(cw, 'GET', '/api/shelters/residents')) as { id: string }[]).find(
    (r) => r.id === stayId,
  );
}

describe('the municipal discharge (§ 110 stk. 5, rule 12)', () => {
  it('is refused with the list of what is missing, and nothing is saved', async () => {
    const r = await residentOfOwnShelter();
    const conditions = await call(r.cw, 'GET', `/api/shelters/stays/${r.stayId}/discharge-conditions`);
    expect(conditions).toMatchObject({
      onDate: today(),
      plan: 'missing',
      housingAllocated: false,
      supportDecided: false,
      careDecision: null,
      blockers: ['plan_missing', 'housing_or_care_missing'],
    });
    const res = await tryDischarge(r.cw, r.stayId);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'STAY_DISCHARGE_CONDITIONS',
      params: { blockers: 'plan_missing,housing_or_care_missing' },
    });
    expect(await residentsRow(r.cw, r.stayId)).toBeDefined();
    expect((await call(r.staff, 'GET', '/api/shelters/mine')).discharged).toEqual([]);
  });

  it('names the support, lease and move-in still missing once housing is allocated', async () => {
    const r = await residentOfOwnShelter();
    await call(r.cw, 'POST', `/api/shelters/stays/${r.stayId}/action-plan`, { madeOn: today() }, 204);
    await allocateHousing(r.cw, r.users.allocation.session, r.citizenId, {});
    const res = await tryDischarge(r.cw, r.stayId);
    expect(res.json()).toMatchObject({
      code: 'STAY_DISCHARGE_CONDITIONS',
      params: { blockers: 'support_missing,lease_missing,move_in_not_possible' },
    });
  });

  it('is recorded when the plan, housing, support, lease and move-in all hold: the stay ends and the citizen is housed', async () => {
    const r = await residentOfOwnShelter();
    await call(r.cw, 'POST', `/api/shelters/stays/${r.stayId}/action-plan`, { madeOn: today() }, 204);
    await allocateHousing(r.cw, r.users.allocation.session, r.citizenId, {
      leaseSignedOn: addDays(today(), -3),
      plannedMoveInOn: today(),
    });
    await decideSupport(r);
    expect(await call(r.cw, 'GET', `/api/shelters/stays/${r.stayId}/discharge-conditions`)).toMatchObject({
      plan: 'action_plan',
      housingAllocated: true,
      supportDecided: true,
      leaseSigned: true,
      leaseSignedOn: addDays(today(), -3),
      canMoveIn: true,
      moveInOn: today(),
      blockers: [],
    });
    // Not before the admission, even with every condition in place.
    const early = await tryDischarge(r.cw, r.stayId, discharge({ dischargedOn: addDays(r.admittedOn, -1) }));
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'STAY_DISCHARGE_BEFORE_ADMISSION',
      fields: [{ path: 'dischargedOn' }],
    });
    expect((await tryDischarge(r.cw, r.stayId)).statusCode).toBe(204);
    expect(await residentsRow(r.cw, r.stayId)).toBeUndefined();
    const mine = await call(r.staff, 'GET', '/api/shelters/mine');
    expect(mine.discharged[0]).toMatchObject({
      id: r.stayId,
      dischargedTo: 'own_home',
      municipalDischarge: true,
      dischargeReason: 'Egen bolig med bostøtte',
    });
    const citizen = await call(r.cw, 'GET', `/api/citizens/${r.citizenId}?purpose=casework`);
    expect(citizen.episodes[0]).toMatchObject({ situation: 'housed', fromDate: today() });
    expect((await tryDischarge(r.cw, r.stayId)).json()).toMatchObject({ code: 'STAY_CLOSED' });
  });

  it('is recorded on a § 107 decision whose move-in day has come, and not before it', async () => {
    const r = await residentOfOwnShelter();
    await call(r.cw, 'POST', `/api/shelters/stays/${r.stayId}/action-plan`, { madeOn: today() }, 204);
    const placement = {
      citizenId: r.citizenId,
      kind: 's107',
      provider: 'Botilbuddet Lunden',
      decidedOn: addDays(today(), -5),
      plannedMoveInOn: addDays(today(), 7),
      monthlyCost: 42_000,
    };
    const { id } = await call(r.cw, 'POST', '/api/placements', placement, 201);
    expect(
      (await tryDischarge(r.cw, r.stayId, discharge({ dischargedTo: 'care_107_108' }))).json(),
    ).toMatchObject({
      code: 'STAY_DISCHARGE_CONDITIONS',
      params: { blockers: 'care_move_in_not_reached' },
    });
    await call(r.cw, 'POST', `/api/placements/${id}/start`, { startedOn: today() }, 204);
    expect(await call(r.cw, 'GET', `/api/shelters/stays/${r.stayId}/discharge-conditions`)).toMatchObject({
      careDecision: { kind: 's107', decidedOn: placement.decidedOn, moveInOn: today() },
      blockers: [],
    });
    expect((await tryDischarge(r.cw, r.stayId, discharge({ dischargedTo: 'care_107_108' }))).statusCode).toBe(
      204,
    );
  });

  it("answers not found for a resident another municipality is handlekommune for, and for the shelter's own staff", async () => {
    const r = await residentOfOwnShelter();
    const other = r.municipality.code === '998' ? '997' : '998';
    const foreign = await call(
      r.staff,
      'POST',
      '/api/shelters/stays',
      {
        cpr: fakeCpr(),
        givenName: 'Anden',
        familyName: 'Kommune',
        admittedOn: today(),
        admissionDecidedOn: today(),
        handlekommune: other,
      },
      201,
    );
    expect((await tryDischarge(r.cw, foreign.id)).statusCode).toBe(404);
    const conditions = await r.cw.request({
      method: 'GET',
      url: `/api/shelters/stays/${foreign.id}/discharge-conditions`,
    });
    expect(conditions.statusCode).toBe(404);
    expect((await tryDischarge(r.staff, r.stayId)).statusCode).toBe(403);
  });
});

describe("the shelter's discharge and the citizen's whereabouts (VIVE situations)", () => {
  it.each([
    ['family_friends', 'family_friends'],
    ['hospital_prison', 'institution'],
    ['care_107_108', 'institution'],
    ['street', 'street'],
  ])('a discharge to %s makes the whereabouts %s', async (to, situation) => {
    const r = await residentOfOwnShelter();
    await call(
      r.staff,
      'POST',
      `/api/shelters/stays/${r.stayId}/discharge`,
      { dischargedOn: today(), dischargedTo: to },
      204,
    );
    const citizen = await call(r.cw, 'GET', `/api/citizens/${r.citizenId}?purpose=casework`);
    expect(citizen.episodes[0]).toMatchObject({ situation, fromDate: today() });
  });
});
