import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import { noticeDeadlines } from '../../../shared/prevention/clocks';
import type { DatabaseHandles } from '../../db/database';
import {
  call,
  createApplication,
  createApprovedApplication,
  createCitizen,
  createDepartment,
  createNotice,
  createVacancy,
  fakeCpr,
  tenantWith,
  vacancyInput,
} from '../../test/factories';
import { createTestUser, login, type Session, testApp, testDatabase } from '../../test/helpers';

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

interface TaskView {
  id: string;
  kind: string;
  titleKey: string;
  params: Record<string, string | number>;
  href: string;
  dueAt: string | null;
  severity: 'info' | 'warning' | 'error';
  notice: boolean;
}

const tasksOf = async (s: Session): Promise<TaskView[]> => (await call(s, 'GET', '/api/tasks')).items;
/** The tasks of `s` that concern the page `href`. */
const tasksAt = async (s: Session, href: string) => (await tasksOf(s)).filter((t) => t.href === href);
const kindsAt = async (s: Session, href: string) => (await tasksAt(s, href)).map((t) => t.kind);

/** A municipality with an officer, two caseworkers, a partner, a prevention worker and a leader; and another municipality. */
async function twoTenants() {
  const a = await tenantWith(app, db, [
    'allocation',
    'caseworker',
    'partner_housing',
    'prevention',
    'leader',
  ]);
  const b = await tenantWith(app, db, ['allocation', 'caseworker', 'prevention']);
  return { a, b };
}

describe('vacancies waiting for an offer (issue 14 §1)', () => {
  it('gives the allocation officers a task for a vacancy a housing organisation reports, due by the naming deadline, until an offer is made', async () => {
    const { a, b } = await twoTenants();
    const officer = a.users.allocation.session;
    const partner = a.users.partner_housing.session;
    const { orgId, deptId } = await createDepartment(officer);
    await call(officer, 'PUT', `/api/housing/organisations/${orgId}/contacts`, {
      userIds: [a.users.partner_housing.id],
    });
    const deadlineOn = addDays(today(), 20);
    const { id } = await call(
      partner,
      'POST',
      '/api/partner/vacancies',
      vacancyInput(deptId, { deadlineOn }),
      201,
    );
    const href = `/anvisning/boliger/${id}`;
    expect(await tasksAt(officer, href)).toEqual([
      expect.objectContaining({ kind: 'vacancy_new', dueAt: deadlineOn, notice: false }),
    ]);
    for (const other of [a.users.caseworker, a.users.partner_housing, a.users.prevention, a.users.leader])
      expect(await tasksAt(other.session, href)).toEqual([]);
    expect(await tasksAt(b.users.allocation.session, href)).toEqual([]);

    // Done when an offer is made; back when the offer is declined and the unit waits again.
    const { id: applicationId } = await createApprovedApplication(a.users.caseworker.session, officer);
    const offer = await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${id}/offers`,
      { applicationId },
      201,
    );
    expect(await kindsAt(officer, href)).not.toContain('vacancy_new');
    await call(officer, 'POST', `/api/allocation/offers/${offer.id}/decline`, { reason: 'too_expensive' });
    expect(await kindsAt(officer, href)).toContain('vacancy_new');
  });

  it('gives the officers a task for a vacancy they enter themselves too', async () => {
    const { a } = await twoTenants();
    const officer = a.users.allocation.session;
    const { deptId } = await createDepartment(officer);
    const { id } = await createVacancy(officer, deptId, { deadlineOn: addDays(today(), 30) });
    expect(await kindsAt(officer, `/anvisning/boliger/${id}`)).toEqual(['vacancy_new']);
  });

  it('raises a stall alert when a vacancy has no offer 7 days before its naming deadline', async () => {
    const { a, b } = await twoTenants();
    const officer = a.users.allocation.session;
    const { deptId } = await createDepartment(officer);
    const stalled = await createVacancy(officer, deptId, { deadlineOn: addDays(today(), 7) });
    const calm = await createVacancy(officer, deptId, { deadlineOn: addDays(today(), 8) });
    expect(await tasksAt(officer, `/anvisning/boliger/${stalled.id}`)).toEqual([
      expect.objectContaining({ kind: 'vacancy_stalled', severity: 'error', dueAt: addDays(today(), 7) }),
    ]);
    expect(await tasksAt(officer, `/anvisning/boliger/${calm.id}`)).toEqual([
      expect.objectContaining({ kind: 'vacancy_new', severity: 'info' }),
    ]);
    expect(await tasksAt(a.users.caseworker.session, `/anvisning/boliger/${stalled.id}`)).toEqual([]);
    expect(await tasksAt(b.users.allocation.session, `/anvisning/boliger/${stalled.id}`)).toEqual([]);
    const { id: applicationId } = await createApprovedApplication(a.users.caseworker.session, officer);
    await call(officer, 'POST', `/api/allocation/vacancies/${stalled.id}/offers`, { applicationId }, 201);
    expect(await kindsAt(officer, `/anvisning/boliger/${stalled.id}`)).not.toContain('vacancy_stalled');
  });

  it('raises a stall alert when an offer passes its reply date unanswered (domain.md rule 25), until it is answered', async () => {
    const { a, b } = await twoTenants();
    const officer = a.users.allocation.session;
    const { deptId } = await createDepartment(officer);
    const { id: vacancyId } = await createVacancy(officer, deptId);
    const { id: applicationId } = await createApprovedApplication(a.users.caseworker.session, officer);
    const offer = await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${vacancyId}/offers`,
      { applicationId },
      201,
    );
    // The offer as it stands the day after its reply date.
    await db.owner
      .updateTable('offer')
      .set({ reply_by: addDays(today(), -1) })
      .where('id', '=', offer.id)
      .execute();
    const href = `/anvisning/boliger/${vacancyId}`;
    expect(await tasksAt(officer, href)).toContainEqual(
      expect.objectContaining({
        kind: 'offer_reply_overdue',
        severity: 'error',
        dueAt: addDays(today(), -1),
      }),
    );
    expect(await kindsAt(a.users.caseworker.session, href)).toEqual([]);
    expect(await kindsAt(b.users.allocation.session, href)).toEqual([]);
    await call(officer, 'POST', `/api/allocation/offers/${offer.id}/expire`);
    expect(await kindsAt(officer, href)).not.toContain('offer_reply_overdue');
  });
});

describe("the application's caseworker is told (issue 14 §1)", () => {
  it('gives the caseworker who submitted the application a notice of each offer made, declined, expired and accepted, gone once marked read', async () => {
    const { a, b } = await twoTenants();
    const officer = a.users.allocation.session;
    const cw = a.users.caseworker.session;
    const colleague = (await tenantWithColleague(a.municipality.id)).session;
    const { deptId } = await createDepartment(officer);
    const { id: applicationId } = await createApprovedApplication(cw, officer);
    const href = `/anvisning/ansoegninger/${applicationId}`;
    const offerOf = async () => {
      const { id: vacancyId } = await createVacancy(officer, deptId);
      return call(officer, 'POST', `/api/allocation/vacancies/${vacancyId}/offers`, { applicationId }, 201);
    };
    const declined = await offerOf();
    await call(officer, 'POST', `/api/allocation/offers/${declined.id}/decline`, { reason: 'too_expensive' });
    const expired = await offerOf();
    await db.owner
      .updateTable('offer')
      .set({ reply_by: addDays(today(), -1) })
      .where('id', '=', expired.id)
      .execute();
    await call(officer, 'POST', `/api/allocation/offers/${expired.id}/expire`);
    const accepted = await offerOf();

    const notices = (await tasksAt(cw, href)).filter((t) => t.notice);
    expect(notices.map((t) => t.id).sort()).toEqual(
      [
        `offer_made:${declined.id}`,
        `offer_declined:${declined.id}`,
        `offer_made:${expired.id}`,
        `offer_expired:${expired.id}`,
        `offer_made:${accepted.id}`,
        `application_approved:${notices.find((t) => t.kind === 'application_approved')?.id.split(':')[1]}`,
      ].sort(),
    );
    expect(notices.find((t) => t.id === `offer_made:${accepted.id}`)).toMatchObject({
      dueAt: accepted.replyBy,
      titleKey: 'tasks.offerMade',
    });
    // Nobody else: not the officer who made the offers, another caseworker, or another municipality.
    for (const other of [officer, colleague, a.users.prevention.session, b.users.caseworker.session])
      expect((await tasksAt(other, href)).filter((t) => t.notice)).toEqual([]);

    await call(officer, 'POST', `/api/allocation/offers/${accepted.id}/accept`, {});
    expect(await kindsAt(cw, href)).toContain('offer_accepted');

    // Marked read, a notice is gone for the caseworker; the others stay.
    const made = encodeURIComponent(`offer_made:${accepted.id}`);
    const notMine = await colleague.request({ method: 'POST', url: `/api/tasks/${made}/read` });
    expect(notMine.statusCode).toBe(404);
    await call(cw, 'POST', `/api/tasks/${made}/read`, undefined, 204);
    await call(cw, 'POST', `/api/tasks/${made}/read`, undefined, 404);
    const left = (await tasksAt(cw, href)).map((t) => t.id);
    expect(left).not.toContain(`offer_made:${accepted.id}`);
    expect(left).toContain(`offer_accepted:${accepted.id}`);
  });

  it('tells the caseworker when the application is approved or rejected; a request for information stays a task until resubmitted', async () => {
    const { a, b } = await twoTenants();
    const officer = a.users.allocation.session;
    const cw = a.users.caseworker.session;
    const approved = await createApprovedApplication(cw, officer);
    const rejected = await createApplication(cw);
    await call(officer, 'POST', `/api/allocation/applications/${rejected.id}/assessment`, {
      action: 'reject',
      reason: 'Ikke i målgruppen.',
    });
    const asked = await createApplication(cw);
    await call(officer, 'POST', `/api/allocation/applications/${asked.id}/assessment`, {
      action: 'request_info',
      reason: 'Mangler budget.',
    });
    const at = (id: string) => `/anvisning/ansoegninger/${id}`;
    expect(await tasksAt(cw, at(approved.id))).toEqual([
      expect.objectContaining({ kind: 'application_approved', notice: true }),
    ]);
    expect(await tasksAt(cw, at(rejected.id))).toEqual([
      expect.objectContaining({ kind: 'application_rejected', notice: true }),
    ]);
    expect(await tasksAt(cw, at(asked.id))).toEqual([
      expect.objectContaining({ kind: 'application_needs_info', notice: false }),
    ]);
    for (const other of [officer, a.users.prevention.session, b.users.caseworker.session])
      for (const id of [approved.id, rejected.id, asked.id])
        expect(
          (await tasksAt(other, at(id))).filter(
            (t) => t.kind.startsWith('application_') && t.kind !== 'application_to_assess',
          ),
        ).toEqual([]);

    // A task cannot be marked read: it is done by doing it.
    const needsInfo = encodeURIComponent(`application_needs_info:${asked.id}`);
    await call(cw, 'POST', `/api/tasks/${needsInfo}/read`, undefined, 404);
    await call(cw, 'POST', `/api/allocation/applications/${asked.id}/resubmit`, {
      reason: 'Budget vedlagt.',
    });
    expect(await kindsAt(cw, at(asked.id))).toEqual([]);
    const [notice] = await tasksAt(cw, at(approved.id));
    await call(cw, 'POST', `/api/tasks/${encodeURIComponent(notice?.id ?? '')}/read`, undefined, 204);
    expect(await kindsAt(cw, at(approved.id))).toEqual([]);
  });
});

describe('tenancies the officer must complete (issue 14 §1)', () => {
  it('gives the officer a task for an accepted offer without a lease date, then for the lease without a move-in, until the move-in is recorded', async () => {
    const { a, b } = await twoTenants();
    const officer = a.users.allocation.session;
    const { deptId } = await createDepartment(officer);
    const { id: vacancyId } = await createVacancy(officer, deptId);
    const { id: applicationId } = await createApprovedApplication(a.users.caseworker.session, officer);
    const offer = await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${vacancyId}/offers`,
      { applicationId },
      201,
    );
    const moveIn = addDays(today(), 10);
    const tenancy = await call(officer, 'POST', `/api/allocation/offers/${offer.id}/accept`, {
      plannedMoveInOn: moveIn,
    });
    const href = `/anvisning/boliger/${vacancyId}`;
    expect(await tasksAt(officer, href)).toEqual([
      expect.objectContaining({ kind: 'lease_missing', dueAt: moveIn }),
    ]);
    for (const other of [
      a.users.caseworker.session,
      a.users.partner_housing.session,
      b.users.allocation.session,
    ])
      expect(await kindsAt(other, href)).toEqual([]);
    await call(officer, 'POST', `/api/allocation/tenancies/${tenancy.id}/lease`, { signedOn: today() });
    expect(await tasksAt(officer, href)).toEqual([
      expect.objectContaining({ kind: 'move_in_due', dueAt: moveIn }),
    ]);
    await call(officer, 'POST', `/api/allocation/tenancies/${tenancy.id}/move-in`, { movedInOn: today() });
    expect(await tasksAt(officer, href)).toEqual([]);
  });
});

describe('consents about to expire (issue 14 §1)', () => {
  it("gives those who keep citizens' records a task 30 days before a consent expires, and none once it is renewed", async () => {
    const { a, b } = await twoTenants();
    const cw = a.users.caseworker.session;
    const { id } = await createCitizen(cw, { cpr: fakeCpr(), givenName: 'Sam', familyName: 'Tykke' });
    const href = `/borgere/${id}`;
    await call(
      cw,
      'POST',
      `/api/citizens/${id}/consents`,
      { purpose: 'share_housing_org', givenOn: addDays(today(), -300), expiresOn: addDays(today(), 30) },
      201,
    );
    expect(await tasksAt(cw, href)).toEqual([
      expect.objectContaining({ kind: 'consent_expiring', dueAt: addDays(today(), 30) }),
    ]);
    for (const other of [a.users.leader.session, a.users.partner_housing.session, b.users.caseworker.session])
      expect(await kindsAt(other, href)).toEqual([]);
    await call(
      cw,
      'POST',
      `/api/citizens/${id}/consents`,
      { purpose: 'share_housing_org', givenOn: today() },
      201,
    );
    expect(await kindsAt(cw, href)).toEqual([]);
  });

  it('does not give a task for a consent that expires in more than 30 days', async () => {
    const { a } = await twoTenants();
    const cw = a.users.caseworker.session;
    const { id } = await createCitizen(cw);
    await call(
      cw,
      'POST',
      `/api/citizens/${id}/consents`,
      { purpose: 'share_housing_org', givenOn: today(), expiresOn: addDays(today(), 31) },
      201,
    );
    expect(await kindsAt(cw, `/borgere/${id}`)).toEqual([]);
  });
});

describe('eviction notices handed to the prevention team (issue 14 §1)', () => {
  it('gives the prevention team a task for a påkrav due by its pay-by date (lejeloven påkrav + 14 days, domain.md rule 27), a family with children first, until someone acts', async () => {
    const { a, b } = await twoTenants();
    const team = a.users.prevention.session;
    const paakravOn = addDays(today(), -2);
    const family = await createNotice(team, {
      tenantName: 'Familie Påkrav',
      paakravOn,
      childrenUnder18: true,
    });
    const single = await createNotice(team, { tenantName: 'Enlig Påkrav', paakravOn: addDays(today(), -10) });
    const tasks = await tasksOf(team);
    const familyTask = tasks.find((t) => t.href === `/udsaettelser/${family.caseId}`);
    expect(familyTask).toMatchObject({
      kind: 'eviction_notice_paakrav',
      dueAt: addDays(paakravOn, 14),
      severity: 'error',
      params: expect.objectContaining({ name: 'Familie Påkrav', dueOn: addDays(paakravOn, 14) }),
    });
    const singleTask = tasks.find((t) => t.href === `/udsaettelser/${single.caseId}`);
    expect(singleTask).toMatchObject({
      kind: 'eviction_notice_paakrav',
      severity: 'warning',
      dueAt: addDays(today(), 4),
    });
    // With children first, although the other pay-by date is earlier.
    expect(tasks.indexOf(familyTask as TaskView)).toBeLessThan(tasks.indexOf(singleTask as TaskView));
    for (const other of [
      a.users.caseworker.session,
      a.users.allocation.session,
      a.users.leader.session,
      b.users.prevention.session,
    ])
      expect(await kindsAt(other, `/udsaettelser/${family.caseId}`)).toEqual([]);

    // The case page lists the pay-by date among its deadlines.
    const detail = await call(team, 'GET', `/api/prevention/cases/${family.caseId}`);
    expect(noticeDeadlines(detail.noticeList, detail.status, today())).toContainEqual(
      expect.objectContaining({ kind: 'paakrav_deadline', dueOn: addDays(paakravOn, 14), overdue: false }),
    );

    await call(team, 'POST', `/api/prevention/cases/${family.caseId}/actions`, {
      kind: 'contact_phone',
      doneOn: today(),
    });
    expect(await kindsAt(team, `/udsaettelser/${family.caseId}`)).toEqual([]);
  });

  it('makes the ophævelse and the eviction date deadlines; the eviction date stays a task until the case is closed', async () => {
    const { a, b } = await twoTenants();
    const team = a.users.prevention.session;
    const terminationOn = addDays(today(), -1);
    const terminated = await createNotice(team, { terminationOn, paakravOn: addDays(today(), -30) });
    expect(await tasksAt(team, `/udsaettelser/${terminated.caseId}`)).toEqual([
      expect.objectContaining({
        kind: 'eviction_notice_ophaevelse',
        dueAt: terminationOn,
        severity: 'error',
      }),
    ]);
    const evictionDate = addDays(today(), 21);
    const evicting = await createNotice(team, {
      paakravOn: addDays(today(), -60),
      terminationOn: addDays(today(), -40),
      bailiffFiledOn: addDays(today(), -20),
      evictionDate,
    });
    const href = `/udsaettelser/${evicting.caseId}`;
    expect(await tasksAt(team, href)).toEqual([
      expect.objectContaining({
        kind: 'eviction_notice_udsaettelse',
        dueAt: evictionDate,
        severity: 'warning',
      }),
    ]);
    const detail = await call(team, 'GET', `/api/prevention/cases/${evicting.caseId}`);
    expect(noticeDeadlines(detail.noticeList, detail.status, today()).map((d) => d.kind)).toEqual([
      'paakrav_deadline',
      'termination',
      'eviction_date',
    ]);
    expect(await kindsAt(b.users.prevention.session, href)).toEqual([]);
    await call(team, 'POST', `/api/prevention/cases/${evicting.caseId}/actions`, {
      kind: 'home_visit',
      doneOn: today(),
    });
    expect(await tasksAt(team, href)).toEqual([
      expect.objectContaining({ kind: 'eviction_date', dueAt: evictionDate }),
    ]);
    await call(team, 'POST', `/api/prevention/cases/${evicting.caseId}/outcome`, {
      outcome: 'averted_paid',
      outcomeOn: today(),
    });
    expect(await tasksAt(team, href)).toEqual([]);
  });

  it('keeps a bailiff notice for a family with children as the retssikkerhedsloven § 5 a duty to act at once, not listed twice', async () => {
    const { a } = await twoTenants();
    const team = a.users.prevention.session;
    const notice = await createNotice(team, { source: 'bailiff_court', childrenUnder18: true });
    expect(await kindsAt(team, `/udsaettelser/${notice.caseId}`)).toEqual(['eviction_act_at_once']);
  });
});

/** A second caseworker in the same municipality. */
async function tenantWithColleague(municipalityId: string) {
  const user = await createTestUser(db, municipalityId, 'caseworker');
  return { session: await login(app, user.username) };
}
