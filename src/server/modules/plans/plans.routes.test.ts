import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, isWorkingDay, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import {
  call,
  createApprovedApplication,
  createCitizen,
  createDepartment,
  createNotice,
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

/** A housed citizen with a CPR number (housed: a first whereabouts episode in own dwelling). */
async function housedCitizen(s: Session) {
  const cpr = fakeCpr();
  const { id } = await createCitizen(s, {
    cpr,
    givenName: 'Ida',
    familyName: 'Holm',
    firstEpisode: { situation: 'housed', fromDate: addDays(today(), -100) },
  });
  return { id, cpr };
}

async function makePlan(
  s: Session,
  citizenId: string,
  coordinatorId: string,
  startedOn = addDays(today(), -30),
) {
  return (await call(
    s,
    'POST',
    '/api/plans',
    { citizenId, coordinatorId, startedOn, goals: ['Jeg vil blive boende'] },
    201,
  )) as {
    id: string;
  };
}

/** Uploads a sanctions list (CSV), mode all, dry run or not. */
const upload = (s: Session, csv: string, dryRun = false) => {
  const boundary = 'p-boundary';
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = `${part('mode', 'all')}${part('dryRun', String(dryRun))}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sanktioner.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return s.request({
    method: 'POST',
    url: '/api/plans/sanctions/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
};

async function taskKinds(s: Session): Promise<string[]> {
  const { items } = (await call(s, 'GET', '/api/tasks')) as { items: { kind: string }[] };
  return items.map((t) => t.kind);
}

describe('the coherent plan (issue 15 §6)', () => {
  it('makes a plan with goals, a jobcenter action, a review and participation; each step on the timeline', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id: citizenId } = await housedCitizen(s);
    const { id } = await makePlan(s, citizenId, users.caseworker.id);
    await call(
      s,
      'POST',
      `/api/plans/${id}/actions`,
      {
        department: 'jobcenter',
        description: 'Samtale om praktik',
        ownerName: 'Jobcentret, Per Lund',
        dueOn: addDays(today(), 10),
      },
      201,
    );
    await call(s, 'POST', `/api/plans/${id}/reviews`, { reviewOn: addDays(today(), 30) }, 201);
    await call(s, 'POST', `/api/plans/${id}/participation`, { participatedOn: today(), how: 'meeting' }, 201);
    const { plan } = await call(s, 'GET', `/api/plans/citizens/${citizenId}`);
    expect(plan).toMatchObject({
      id,
      coordinatorId: users.caseworker.id,
      goals: [{ text: 'Jeg vil blive boende' }],
      actions: [{ department: 'jobcenter', ownerName: 'Jobcentret, Per Lund', overdue: false }],
      reviews: [{ heldOn: null }],
      participation: [{ how: 'meeting' }],
      canWrite: true,
    });
    const citizen = await call(s, 'GET', `/api/citizens/${citizenId}?purpose=casework`);
    const kinds = (citizen.timeline as { kind: string }[]).map((t) => t.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['plan_created', 'plan_action_added', 'plan_participation']),
    );
    // One coordinator, one plan.
    const again = await s.request({
      method: 'POST',
      url: '/api/plans',
      payload: { citizenId, coordinatorId: users.caseworker.id, startedOn: today(), goals: [] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'PLAN_EXISTS' });
  });

  it('refuses an action without owner or due date and a review before the start, naming the field; nothing is saved', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id: citizenId } = await housedCitizen(s);
    const { id } = await makePlan(s, citizenId, users.caseworker.id, addDays(today(), -10));
    const noOwner = await s.request({
      method: 'POST',
      url: `/api/plans/${id}/actions`,
      payload: { department: 'ydelse', description: 'Ansøgning', dueOn: today() },
    });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json()).toMatchObject({
      code: 'PLAN_ACTION_OWNER_REQUIRED',
      fields: [{ path: 'ownerName' }],
    });
    const noDue = await s.request({
      method: 'POST',
      url: `/api/plans/${id}/actions`,
      payload: { department: 'ydelse', description: 'Ansøgning', ownerName: 'Ydelse, Bo' },
    });
    expect(noDue.json()).toMatchObject({ code: 'PLAN_ACTION_DUE_REQUIRED', fields: [{ path: 'dueOn' }] });
    const early = await s.request({
      method: 'POST',
      url: `/api/plans/${id}/reviews`,
      payload: { reviewOn: addDays(today(), -11) },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'PLAN_REVIEW_BEFORE_START', fields: [{ path: 'reviewOn' }] });
    const { plan } = await call(s, 'GET', `/api/plans/citizens/${citizenId}`);
    expect({ actions: plan.actions, reviews: plan.reviews }).toEqual({ actions: [], reviews: [] });
  });

  it('shares the plan with another department only under a valid consent', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id: citizenId } = await housedCitizen(s);
    const { id } = await makePlan(s, citizenId, users.caseworker.id);
    const refused = await s.request({
      method: 'POST',
      url: `/api/plans/${id}/shares`,
      payload: { department: 'jobcenter' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect((await call(s, 'GET', `/api/plans/${id}`)).shares).toEqual([]);
    await call(
      s,
      'POST',
      `/api/citizens/${citizenId}/consents`,
      {
        purpose: 'cross_department',
        givenOn: addDays(today(), -1),
        expiresOn: addDays(today(), 365),
      },
      201,
    );
    await call(s, 'POST', `/api/plans/${id}/shares`, { department: 'jobcenter' }, 201);
    expect((await call(s, 'GET', `/api/plans/${id}`)).shares).toMatchObject([{ department: 'jobcenter' }]);
  });

  it('shows the plan on need-to-know: another support worker gets 404, the action owner sees it, another municipality nothing', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'support', 'prevention']);
    const cw = users.caseworker.session;
    const { id: citizenId } = await housedCitizen(cw);
    const { id } = await makePlan(cw, citizenId, users.caseworker.id);
    // A support worker who is neither coordinator, action owner nor the citizen's support worker.
    expect((await users.support.session.request({ method: 'GET', url: `/api/plans/${id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await users.support.session.request({ method: 'GET', url: `/api/plans/citizens/${citizenId}` }))
        .statusCode,
    ).toBe(404);
    expect(await call(users.support.session, 'GET', '/api/plans')).toEqual([]);
    // A role without plans.read is refused.
    expect(
      (await users.prevention.session.request({ method: 'GET', url: `/api/plans/${id}` })).statusCode,
    ).toBe(403);
    // Owning an action (overdue) gives need-to-know, and a task in "Mine opgaver".
    await call(
      cw,
      'POST',
      `/api/plans/${id}/actions`,
      {
        department: 'bolig',
        description: 'Boligindstilling',
        ownerUserId: users.support.id,
        dueOn: addDays(today(), -2),
      },
      201,
    );
    expect((await call(users.support.session, 'GET', `/api/plans/${id}`)).actions[0]).toMatchObject({
      overdue: true,
    });
    expect((await call(users.support.session, 'GET', '/api/plans')).map((p: { id: string }) => p.id)).toEqual(
      [id],
    );
    expect(await taskKinds(users.support.session)).toContain('plan_action_overdue');
    // Another municipality's caseworker (who reads every plan of her own) sees nothing.
    const other = await tenantWith(app, db, ['caseworker']);
    const o = other.users.caseworker.session;
    expect((await o.request({ method: 'GET', url: `/api/plans/${id}` })).statusCode).toBe(404);
    expect(await call(o, 'GET', '/api/plans?scope=all')).toEqual([]);
    expect(await call(o, 'GET', '/api/plans/sanctions')).toEqual([]);
  });

  it('makes a passed review date a task for the coordinator until the review is held', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id: citizenId } = await housedCitizen(s);
    const { id } = await makePlan(s, citizenId, users.caseworker.id);
    const review = await call(s, 'POST', `/api/plans/${id}/reviews`, { reviewOn: addDays(today(), -1) }, 201);
    expect(await taskKinds(s)).toContain('plan_review_due');
    await call(
      s,
      'POST',
      `/api/plans/${id}/reviews/${review.id}/held`,
      { heldOn: today(), note: 'Godt møde' },
      204,
    );
    expect(await taskKinds(s)).not.toContain('plan_review_due');
  });
});

describe('closing a coherent plan (issue 15 §6)', () => {
  it('refuses a closing date before the start or ahead, and "other" without a note, naming the field; the plan stays open', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id: citizenId } = await housedCitizen(s);
    const { id } = await makePlan(s, citizenId, users.caseworker.id, addDays(today(), -10));
    const close = (payload: Record<string, unknown>) =>
      s.request({ method: 'POST', url: `/api/plans/${id}/close`, payload });
    const early = await close({ closedOn: addDays(today(), -11), reason: 'goals_met' });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'PLAN_DATE_BEFORE_START', fields: [{ path: 'closedOn' }] });
    const ahead = await close({ closedOn: addDays(today(), 1), reason: 'goals_met' });
    expect(ahead.json()).toMatchObject({ code: 'PLAN_DATE_IN_FUTURE', fields: [{ path: 'closedOn' }] });
    const noNote = await close({ closedOn: today(), reason: 'other', note: '  ' });
    expect(noNote.json()).toMatchObject({ code: 'PLAN_CLOSE_NOTE_REQUIRED', fields: [{ path: 'note' }] });
    const { plan } = await call(s, 'GET', `/api/plans/citizens/${citizenId}`);
    expect(plan).toMatchObject({ id, status: 'active', closedOn: null, closedReason: null });
  });

  it('closes the plan with its reason: its tasks leave "Mine opgaver", it takes no more changes, it is on the timeline, and a new plan can follow', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { id: citizenId } = await housedCitizen(s);
    const { id } = await makePlan(s, citizenId, users.caseworker.id);
    await call(s, 'POST', `/api/plans/${id}/reviews`, { reviewOn: addDays(today(), -1) }, 201);
    await call(
      s,
      'POST',
      `/api/plans/${id}/actions`,
      {
        department: 'ydelse',
        description: 'Ansøgning',
        ownerUserId: users.caseworker.id,
        dueOn: addDays(today(), -2),
      },
      201,
    );
    expect(await taskKinds(s)).toEqual(expect.arrayContaining(['plan_review_due', 'plan_action_overdue']));

    await call(s, 'POST', `/api/plans/${id}/close`, { closedOn: today(), reason: 'goals_met' }, 204);
    const closed = await call(s, 'GET', `/api/plans/${id}`);
    expect(closed).toMatchObject({
      status: 'closed',
      closedOn: today(),
      closedReason: 'goals_met',
      canWrite: false,
    });
    const kinds = await taskKinds(s);
    expect(kinds).not.toContain('plan_review_due');
    expect(kinds).not.toContain('plan_action_overdue');
    const late = await s.request({
      method: 'POST',
      url: `/api/plans/${id}/goals`,
      payload: { text: 'Mere' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'PLAN_CLOSED' });
    const twice = await s.request({
      method: 'POST',
      url: `/api/plans/${id}/close`,
      payload: { closedOn: today(), reason: 'moved' },
    });
    expect(twice.json()).toMatchObject({ code: 'PLAN_CLOSED' });

    const citizen = await call(s, 'GET', `/api/citizens/${citizenId}?purpose=casework`);
    expect((citizen.timeline as { kind: string }[]).map((t) => t.kind)).toContain('plan_closed');
    expect((await call(s, 'GET', `/api/plans/citizens/${citizenId}`)).plan).toBeNull();
    await makePlan(s, citizenId, users.caseworker.id, today());
    const audit = await db.owner
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'coherent_plan.close')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ reason: 'goals_met', openActions: 1 });
  });
});

describe('cross-sector alerts (issue 15 §7)', () => {
  it('imports a sanctions list: a bad row (unknown CPR, bad date) is named by line and nothing is saved', async () => {
    const { users } = await tenantWith(app, db, ['caseworker']);
    const s = users.caseworker.session;
    const { cpr } = await housedCitizen(s);
    const unknown = fakeCpr();
    const csv = [
      'cpr;type;dato;bemaerkning',
      `${cpr};sanktion;01.12.2026;Udeblevet`,
      `${unknown};ophør;02.12.2026;`,
      `${cpr};sanktion;31.02.2026;`,
    ].join('\n');
    const res = await upload(s, csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      rows: 3,
      imported: 0,
      problems: [
        { line: 3, field: 'cpr', code: 'unknown_cpr' },
        { line: 4, field: 'effectiveOn', code: 'date' },
      ],
    });
    expect(await call(s, 'GET', '/api/plans/sanctions')).toEqual([]);
    // A dry run of a good file saves nothing either; the real import saves, and not twice.
    const good = ['cpr;type;dato', `${cpr};sanktion;01.12.2026`].join('\n');
    expect((await upload(s, good, true)).json()).toMatchObject({ valid: 1, imported: 0 });
    expect((await upload(s, good)).json()).toMatchObject({ imported: 1 });
    expect((await upload(s, good)).json()).toMatchObject({ imported: 0 });
    expect(await call(s, 'GET', '/api/plans/sanctions')).toHaveLength(1);
  });

  it("raises a housed citizen's sanction in the coordinator's tasks until acknowledged with a note", async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'support']);
    const cw = users.caseworker.session;
    const { id: citizenId, cpr } = await housedCitizen(cw);
    await makePlan(cw, citizenId, users.support.id);
    const unknownCpr = await cw.request({
      method: 'POST',
      url: '/api/plans/sanctions',
      payload: { cpr: fakeCpr(), kind: 'stop', effectiveOn: today() },
    });
    expect(unknownCpr.json()).toMatchObject({ code: 'CITIZEN_UNKNOWN_CPR', fields: [{ path: 'cpr' }] });
    const { id } = await call(
      cw,
      'POST',
      '/api/plans/sanctions',
      { cpr, kind: 'sanction', effectiveOn: today() },
      201,
    );
    expect(await taskKinds(users.support.session)).toContain('plan_sanction_alert');
    expect(await taskKinds(cw)).not.toContain('plan_sanction_alert');
    const noNote = await users.support.session.request({
      method: 'POST',
      url: `/api/plans/sanctions/${id}/handle`,
      payload: { note: ' ' },
    });
    expect(noNote.json()).toMatchObject({ code: 'ALERT_NOTE_REQUIRED', fields: [{ path: 'note' }] });
    await call(
      users.support.session,
      'POST',
      `/api/plans/sanctions/${id}/handle`,
      { note: 'Talt med jobcentret' },
      204,
    );
    expect(await taskKinds(users.support.session)).not.toContain('plan_sanction_alert');
  });

  it('raises a deposit loan open past the fast track while the citizen holds a live offer, until decided', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation', 'admin']);
    const cw = users.caseworker.session;
    const officer = users.allocation.session;
    const { id: citizenId } = await housedCitizen(cw);
    await makePlan(cw, citizenId, users.caseworker.id);
    const { deptId } = await createDepartment(users.admin.session);
    const application = await createApprovedApplication(cw, officer, { citizenId });
    const { id: vacancyId } = await createVacancy(officer, deptId);
    await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${vacancyId}/offers`,
      { applicationId: application.id },
      201,
    );
    // Counted back from the last working day, so the case is 11 working days open on a weekend too.
    const lastWorkingDay = isWorkingDay(today()) ? today() : addWorkingDays(today(), -1);
    const late = await call(
      cw,
      'POST',
      '/api/plans/deposit-cases',
      {
        citizenId,
        kind: 'deposit_loan',
        openedOn: addWorkingDays(lastWorkingDay, -11),
      },
      201,
    );
    const list = await call(cw, 'GET', '/api/plans/deposit-cases');
    expect(list).toMatchObject({ limit: 10, cases: [{ id: late.id, workingDaysOpen: 11, overLimit: true }] });
    expect(list.cases[0].liveOfferReplyBy).toBeTruthy();
    expect(await taskKinds(cw)).toContain('plan_deposit_alert');
    // A longer limit from before the case opened: no longer too long.
    await call(users.admin.session, 'PUT', '/api/plans/settings', {
      validFrom: addDays(today(), -60),
      workingDays: 15,
    });
    expect(await call(users.admin.session, 'GET', '/api/plans/settings')).toMatchObject({
      current: 15,
      limits: [{ validFrom: addDays(today(), -60), workingDays: 15 }],
    });
    const notAdmin = await cw.request({ method: 'GET', url: '/api/plans/settings' });
    expect(notAdmin.statusCode).toBe(403);
    expect(await taskKinds(cw)).not.toContain('plan_deposit_alert');
    await call(users.admin.session, 'PUT', '/api/plans/settings', {
      validFrom: addDays(today(), -60),
      workingDays: 10,
    });
    expect(await taskKinds(cw)).toContain('plan_deposit_alert');
    const early = await cw.request({
      method: 'POST',
      url: `/api/plans/deposit-cases/${late.id}/decision`,
      payload: { decidedOn: addDays(today(), -30), outcome: 'granted' },
    });
    expect(early.json()).toMatchObject({ code: 'DEPOSIT_DECISION_BEFORE_OPENED' });
    await call(
      cw,
      'POST',
      `/api/plans/deposit-cases/${late.id}/decision`,
      { decidedOn: today(), outcome: 'granted' },
      204,
    );
    expect(await taskKinds(cw)).not.toContain('plan_deposit_alert');
  });
});

describe("the citizen's support worker (support module)", () => {
  it('sees the plan and gets its alerts without being coordinator or action owner', async () => {
    const t = await tenantWith(app, db, ['admin', 'support', 'caseworker']);
    const cw = t.users.caseworker.session;
    const { id: citizenId, cpr } = await housedCitizen(cw);
    const { id } = await makePlan(cw, citizenId, t.users.caseworker.id);
    const s = t.users.support.session;
    expect((await s.request({ method: 'GET', url: `/api/plans/${id}` })).statusCode).toBe(404);
    await call(
      t.users.admin.session,
      'POST',
      '/api/support/workers',
      { userId: t.users.support.id, teamId: null, fte: 1 },
      201,
    );
    await call(
      s,
      'POST',
      '/api/support/enrollments',
      {
        citizenId,
        method: 'icm',
        decisionOn: addDays(today(), -30),
        legalBasis: 's85a',
        startOn: addDays(today(), -20),
      },
      201,
    );
    expect((await call(s, 'GET', `/api/plans/${id}`)).id).toBe(id);
    expect((await call(s, 'GET', '/api/plans')).map((p: { id: string }) => p.id)).toEqual([id]);
    await call(cw, 'POST', '/api/plans/sanctions', { cpr, kind: 'stop', effectiveOn: today() }, 201);
    expect(await taskKinds(s)).toContain('plan_sanction_alert');
    expect(await taskKinds(cw)).toContain('plan_sanction_alert');
  });

  it('an eviction notice for a citizen in a support enrollment reaches the coordinator as well as the worker (issue 15 §7)', async () => {
    const t = await tenantWith(app, db, ['admin', 'support', 'caseworker', 'prevention']);
    const cw = t.users.caseworker.session;
    const s = t.users.support.session;
    const { id: citizenId, cpr } = await housedCitizen(cw);
    await makePlan(cw, citizenId, t.users.caseworker.id);
    await call(
      t.users.admin.session,
      'POST',
      '/api/support/workers',
      { userId: t.users.support.id, fte: 1 },
      201,
    );
    const enrolled = {
      citizenId,
      method: 'icm',
      decisionOn: addDays(today(), -30),
      legalBasis: 's85a',
      startOn: addDays(today(), -20),
    };
    await call(s, 'POST', '/api/support/enrollments', enrolled, 201);
    // A notice for a citizen the coordinator does not coordinate is not hers.
    const other = await housedCitizen(cw);
    await call(s, 'POST', '/api/support/enrollments', { ...enrolled, citizenId: other.id }, 201);
    await createNotice(t.users.prevention.session, { tenantCpr: other.cpr, address: 'Andenvej 2' });
    expect(await taskKinds(cw)).not.toContain('plan_eviction_notice');

    await createNotice(t.users.prevention.session, { tenantCpr: cpr, address: 'Planvej 1' });
    const { items } = (await call(cw, 'GET', '/api/tasks')) as {
      items: { id: string; kind: string; href: string; notice?: boolean }[];
    };
    const alert = items.find((x) => x.kind === 'plan_eviction_notice');
    expect(alert).toMatchObject({ notice: true, href: `/borgere/${citizenId}/plan` });
    expect(await taskKinds(s)).toContain('support_eviction_notice');
    // Read once, gone.
    await call(cw, 'POST', `/api/tasks/${encodeURIComponent(alert?.id ?? '')}/read`, undefined, 204);
    expect(await taskKinds(cw)).not.toContain('plan_eviction_notice');
  });
});
