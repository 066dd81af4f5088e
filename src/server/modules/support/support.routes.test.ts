import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import { type DatabaseHandles, withTenant } from '../../db/database';
import {
  call,
  createApprovedApplication,
  createCitizen,
  createDepartment,
  createNotice,
  createTestUser,
  createVacancy,
  fakeCpr,
  tenantWith,
} from '../../test/factories';
import { login, type Session, testApp, testDatabase } from '../../test/helpers';
import { supportWorkerUserIds } from '.';

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

const housedCitizen = (s: Session, fromDate = addDays(today(), -60)) =>
  createCitizen(s, { firstEpisode: { situation: 'housed', fromDate, hasContract: true, note: null } });

const enrollment = (citizenId: string, overrides: Record<string, unknown> = {}) => ({
  citizenId,
  method: 'cti',
  decisionOn: addDays(today(), -30),
  legalBasis: 's85a',
  startOn: addDays(today(), -20),
  ...overrides,
});

async function setup() {
  const t = await tenantWith(app, db, ['admin', 'support', 'caseworker', 'leader']);
  const admin = t.users.admin.session;
  const team = await call(
    admin,
    'POST',
    '/api/support/teams',
    { name: 'CTI-teamet', sharedCaseload: false },
    201,
  );
  const worker = await call(
    admin,
    'POST',
    '/api/support/workers',
    { userId: t.users.support.id, teamId: team.id, fte: 0.5 },
    201,
  );
  // A colleague of the same role, outside the first worker's caseload.
  const other = await createTestUser(db, t.municipality.id, 'support');
  await call(admin, 'POST', '/api/support/workers', { userId: other.id, teamId: null, fte: 1 }, 201);
  return { ...t, team, worker, other: await login(app, other.username), otherId: other.id };
}

describe('enrollments (issue 15 §3)', () => {
  it('refuses CTI without a lease or move-in, an active duplicate, and accepts a housed citizen with its planned end', async () => {
    const { users } = await setup();
    const s = users.support.session;
    const homeless = await createCitizen(users.caseworker.session);
    const refused = await s.request({
      method: 'POST',
      url: '/api/support/enrollments',
      payload: enrollment(homeless.id),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SUPPORT_CTI_HOUSING_REQUIRED');

    // domain.md rule 16: a home left before the start does not count (housed, then in a shelter).
    const leftHome = await housedCitizen(users.caseworker.session, addDays(today(), -200));
    await call(
      users.caseworker.session,
      'POST',
      `/api/citizens/${leftHome.id}/episodes`,
      { situation: 'shelter', fromDate: addDays(today(), -40) },
      201,
    );
    const leftRefused = await s.request({
      method: 'POST',
      url: '/api/support/enrollments',
      payload: enrollment(leftHome.id),
    });
    expect(leftRefused.json().code).toBe('SUPPORT_CTI_HOUSING_REQUIRED');

    const citizen = await housedCitizen(users.caseworker.session);
    const { id } = await call(s, 'POST', '/api/support/enrollments', enrollment(citizen.id), 201);
    const detail = await call(s, 'GET', `/api/support/enrollments/${id}`);
    expect(detail).toMatchObject({ method: 'cti', phase: 'contact_building', endOn: null });
    expect(detail.plannedEndOn > detail.startOn).toBe(true);
    expect(detail.plannedPhases.map((p: { phase: string }) => p.phase)).toEqual([
      'contact_building',
      'phase1',
      'phase2',
      'phase3',
    ]);

    const again = await s.request({
      method: 'POST',
      url: '/api/support/enrollments',
      payload: enrollment(citizen.id),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SUPPORT_ENROLLMENT_ACTIVE');

    // domain.md rule 17: ICM has no planned end.
    const icm = await s.request({
      method: 'POST',
      url: '/api/support/enrollments',
      payload: enrollment(citizen.id, { method: 'icm', plannedEndOn: addDays(today(), 100) }),
    });
    expect(icm.statusCode).toBe(400);
    expect(icm.json().fields).toEqual([{ path: 'plannedEndOn', code: 'no_end_date' }]);

    // § 85 a: a provider wish not followed needs a reason.
    const wish = await s.request({
      method: 'POST',
      url: '/api/support/enrollments',
      payload: enrollment(citizen.id, {
        method: 'icm',
        providerWish: 'Herberget',
        providerWishFollowed: false,
      }),
    });
    expect(wish.json().fields).toEqual([{ path: 'providerWishReason', code: 'reason_required' }]);

    const caseload = await call(s, 'GET', '/api/support/caseload');
    expect(caseload.enrollments.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(caseload.lines).toEqual([{ method: 'cti', active: 1, capacity: 10 }]);
    expect(caseload).toMatchObject({ load: 0.1, overNorm: false });
  });

  it('records contacts, refuses one in the future and an end before the start, and puts the steps on the timeline', async () => {
    const { users } = await setup();
    const s = users.support.session;
    const citizen = await housedCitizen(users.caseworker.session);
    const { id } = await call(s, 'POST', '/api/support/enrollments', enrollment(citizen.id), 201);

    const future = await s.request({
      method: 'POST',
      url: `/api/support/enrollments/${id}/contacts`,
      payload: { contactOn: addDays(today(), 1), kind: 'home_visit', note: null },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ path: 'contactOn', code: 'future_date' }]);
    expect((await call(s, 'GET', `/api/support/enrollments/${id}`)).contacts).toEqual([]);

    await call(
      s,
      'POST',
      `/api/support/enrollments/${id}/contacts`,
      { contactOn: today(), kind: 'missed', note: null },
      201,
    );
    const withNote = await call(
      s,
      'POST',
      `/api/support/enrollments/${id}/contacts`,
      { contactOn: today(), kind: 'home_visit', note: 'Gik en tur' },
      201,
    );
    expect(withNote.contacts[0]).toMatchObject({ kind: 'home_visit', note: 'Gik en tur' });
    // A missed contact never closes the enrollment.
    expect(withNote).toMatchObject({ endOn: null, lastContactOn: today() });

    await call(s, 'POST', `/api/support/enrollments/${id}/phases`, { phase: 'phase1', fromOn: today() }, 200);
    const before = await s.request({
      method: 'POST',
      url: `/api/support/enrollments/${id}/end`,
      payload: { endOn: addDays(today(), -30), endReason: 'declined' },
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().fields).toEqual([{ path: 'endOn', code: 'end_before_start' }]);
    const ended = await call(s, 'POST', `/api/support/enrollments/${id}/end`, {
      endOn: today(),
      endReason: 'declined',
    });
    expect(ended).toMatchObject({ endOn: today(), endReason: 'declined' });

    // The ended enrollment leaves the worker's caseload (issue 20 (d)): the caseworker reads the page.
    expect(
      (await s.request({ method: 'GET', url: `/api/citizens/${citizen.id}?purpose=support` })).statusCode,
    ).toBe(404);
    const person = await call(
      users.caseworker.session,
      'GET',
      `/api/citizens/${citizen.id}?purpose=casework`,
    );
    const kinds = person.timeline.map((t: { kind: string }) => t.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['support_started_cti', 'support_cti_phase1', 'support_ended_cti']),
    );
  });
});

describe('need-to-know (issue 15 §9)', () => {
  it('a support worker outside the caseload gets 404; another municipality sees nothing; the leader sees aggregates only', async () => {
    const { users, other } = await setup();
    const citizen = await housedCitizen(users.caseworker.session);
    const { id } = await call(
      users.support.session,
      'POST',
      '/api/support/enrollments',
      enrollment(citizen.id),
      201,
    );

    expect((await other.request({ method: 'GET', url: `/api/support/enrollments/${id}` })).statusCode).toBe(
      404,
    );
    const write = await other.request({
      method: 'POST',
      url: `/api/support/enrollments/${id}/contacts`,
      payload: { contactOn: today(), kind: 'phone', note: null },
    });
    expect(write.statusCode).toBe(404);
    expect((await call(other, 'GET', '/api/support/caseload')).enrollments).toEqual([]);
    // A worker cannot put a citizen in a colleague's caseload.
    const foreign = await users.support.session.request({
      method: 'POST',
      url: '/api/support/enrollments',
      payload: enrollment(citizen.id, { method: 'icm', workerId: null, teamId: null }),
    });
    expect(foreign.statusCode).toBe(201);

    // The caseworker (myndighed) sees every enrollment.
    expect((await call(users.caseworker.session, 'GET', `/api/support/enrollments/${id}`)).id).toBe(id);

    const elsewhere = await tenantWith(app, db, ['support', 'caseworker']);
    expect(
      (
        await elsewhere.users.caseworker.session.request({
          method: 'GET',
          url: `/api/support/enrollments/${id}`,
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(elsewhere.users.support.session, 'GET', '/api/support/caseload')).enrollments).toEqual(
      [],
    );

    const leader = users.leader.session;
    expect((await leader.request({ method: 'GET', url: `/api/support/enrollments/${id}` })).statusCode).toBe(
      403,
    );
    const fidelity = await call(leader, 'GET', '/api/support/fidelity');
    const unit = fidelity.units.find((u: { kind: string; name: string }) => u.kind === 'team');
    expect(unit).toMatchObject({ name: 'CTI-teamet', active: '<5' });
    expect(fidelity.months).toHaveLength(12);
    const retention = await call(leader, 'GET', '/api/support/retention');
    expect(retention.rows[0]).toMatchObject({ group: 'all' });
  });

  it('an ACT team shares its caseload, and supportWorkerUserIds names the workers of active enrollments', async () => {
    const t = await tenantWith(app, db, ['admin', 'support', 'caseworker']);
    const admin = t.users.admin.session;
    const act = await call(admin, 'POST', '/api/support/teams', { name: 'ACT', sharedCaseload: true }, 201);
    const mate = await createTestUser(db, t.municipality.id, 'support');
    await call(
      admin,
      'POST',
      '/api/support/workers',
      { userId: t.users.support.id, teamId: act.id, fte: 1 },
      201,
    );
    await call(admin, 'POST', '/api/support/workers', { userId: mate.id, teamId: act.id, fte: 1 }, 201);
    const citizen = await createCitizen(t.users.caseworker.session);
    const { id } = await call(
      t.users.support.session,
      'POST',
      '/api/support/enrollments',
      enrollment(citizen.id, { method: 'act' }),
      201,
    );
    const mateSession = await login(app, mate.username);
    expect((await call(mateSession, 'GET', `/api/support/enrollments/${id}`)).method).toBe('act');
    const ids = await withTenant(db.app, t.municipality.id, (trx) => supportWorkerUserIds(trx, [citizen.id]));
    expect([...(ids.get(citizen.id) ?? [])].sort()).toEqual([t.users.support.id, mate.id].sort());
  });
});

describe('catalogue, settings and tasks (issue 15 §1, §4)', () => {
  it('keeps dated norms with history, and gives a task after the days without contact', async () => {
    const { users } = await setup();
    const admin = users.admin.session;
    const catalogue = await call(admin, 'GET', '/api/support/catalogue');
    const cti = catalogue.methods.find((x: { method: string }) => x.method === 'cti');
    expect(cti.current).toMatchObject({
      caseloadNorm: 20,
      phaseIntervalDays: [7, 14, 30],
      leaseRequired: true,
    });
    expect(catalogue.contactGap.current.days).toBe(14);
    const next = await call(admin, 'POST', '/api/support/catalogue/cti', {
      ...cti.current,
      method: undefined,
      validFrom: today(),
      caseloadNorm: 15,
    });
    const changed = next.methods.find((x: { method: string }) => x.method === 'cti');
    expect(changed.current.caseloadNorm).toBe(15);
    expect(changed.history.length).toBe(2);
    const forbidden = await users.support.session.request({
      method: 'POST',
      url: '/api/support/contact-gap',
      payload: { validFrom: today(), days: 10 },
    });
    expect(forbidden.statusCode).toBe(403);

    const citizen = await housedCitizen(users.caseworker.session);
    await call(users.support.session, 'POST', '/api/support/enrollments', enrollment(citizen.id), 201);
    const tasks = await call(users.support.session, 'GET', '/api/tasks');
    expect(tasks.items.map((x: { kind: string }) => x.kind)).toContain('support_contact_gap');
  });
});

describe('handoffs to the support worker (issue 15 §7)', () => {
  it('an eviction notice for a citizen with an active enrollment is a notice to the worker', async () => {
    const t = await tenantWith(app, db, ['admin', 'support', 'caseworker', 'prevention']);
    await call(
      t.users.admin.session,
      'POST',
      '/api/support/workers',
      { userId: t.users.support.id, fte: 1 },
      201,
    );
    const cpr = fakeCpr();
    const citizen = await createCitizen(t.users.caseworker.session, {
      cpr,
      givenName: 'Udsat',
      familyName: 'Borger',
      firstEpisode: { situation: 'housed', fromDate: addDays(today(), -90), hasContract: true, note: null },
    });
    await call(
      t.users.support.session,
      'POST',
      '/api/support/enrollments',
      enrollment(citizen.id, { method: 'icm' }),
      201,
    );
    const notice = await createNotice(t.users.prevention.session, {
      tenantCpr: cpr,
      address: 'Bostøttevej 1',
    });
    expect(notice.citizenId).toBe(citizen.id);
    const tasks = await call(t.users.support.session, 'GET', '/api/tasks');
    const task = tasks.items.find((x: { kind: string }) => x.kind === 'support_eviction_notice');
    expect(task).toMatchObject({ notice: true, params: { name: 'Udsat Borger' } });
  });

  it('CTI may start on an allocated tenancy; ending it before 12 months in the home is a notice to the worker', async () => {
    const t = await tenantWith(app, db, ['admin', 'support', 'caseworker', 'allocation']);
    await call(
      t.users.admin.session,
      'POST',
      '/api/support/workers',
      { userId: t.users.support.id, fte: 1 },
      201,
    );
    const officer = t.users.allocation.session;
    const application = await createApprovedApplication(t.users.caseworker.session, officer);
    const { deptId } = await createDepartment(officer);
    const vacancy = await createVacancy(officer, deptId, { availableOn: addDays(today(), -70) });
    const offer = await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${vacancy.id}/offers`,
      {
        applicationId: application.id,
      },
      201,
    );
    const tenancy = await call(officer, 'POST', `/api/allocation/offers/${offer.id}/accept`, {
      leaseSignedOn: addDays(today(), -60),
    });
    await call(officer, 'POST', `/api/allocation/tenancies/${tenancy.id}/move-in`, {
      movedInOn: addDays(today(), -50),
    });

    const s = t.users.support.session;
    const { id } = await call(
      s,
      'POST',
      '/api/support/enrollments',
      enrollment(application.citizenId, { startOn: addDays(today(), -40) }),
      201,
    );
    await call(s, 'POST', `/api/support/enrollments/${id}/end`, { endOn: today(), endReason: 'declined' });
    const tasks = await call(s, 'GET', '/api/tasks');
    expect(tasks.items.find((x: { kind: string }) => x.kind === 'support_ended_early')).toMatchObject({
      notice: true,
      params: { endOn: today(), movedInOn: addDays(today(), -50) },
    });
  });
});
