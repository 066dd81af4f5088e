import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import { call, createCitizen, tenantWith } from '../../test/factories';
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

const now = today();
const ago = (days: number) => addDays(now, -days);
/** A birth date `years` years before today (give or take the leap days). */
const bornYearsAgo = (years: number) => `${Number(now.slice(0, 4)) - years}${now.slice(4)}`;

/**
 * A municipality with a child-area caseworker (the `caseworker` role), an adult-area caseworker
 * (a second caseworker), a support worker and the administrator.
 */
async function municipality() {
  const { municipality, users } = await tenantWith(app, db, ['admin', 'caseworker', 'support']);
  const adult = await createTestUser(db, municipality.id, 'caseworker');
  return {
    m: municipality.id,
    child: users.caseworker.session,
    childId: users.caseworker.id,
    adult: await login(app, adult.username),
    adultId: adult.id,
    support: users.support.session,
    supportId: users.support.id,
    admin: users.admin.session,
  };
}

async function youngPerson(s: Session, age = 17) {
  const { id } = await createCitizen(s, { birthDate: bornYearsAgo(age) });
  return id as string;
}

const planInput = (citizenId: string, participants: unknown[], overrides: Record<string, unknown> = {}) => ({
  citizenId,
  startedOn: ago(10),
  wishes: 'Jeg vil bo for mig selv og blive tømrer.',
  goals: 'Egen bolig; erhvervsuddannelse.',
  participants,
  ...overrides,
});

type Plan = {
  id: string;
  wishes: string;
  participants: { id: string; kind: string; userId: string | null; name: string }[];
  meetings: {
    id: string;
    heldOn: string;
    recorded: boolean;
    decisions: string | null;
    attendeeIds: string[];
  }[];
  actions: {
    id: string;
    description: string;
    responsibleName: string;
    overdue: boolean;
    doneOn: string | null;
  }[];
  offers: { name: string; active: boolean }[];
  canWrite: boolean;
};

async function tasksOf(s: Session) {
  const { items } = (await call(s, 'GET', '/api/tasks')) as {
    items: { id: string; kind: string; severity: string; href: string }[];
  };
  return items.filter((t) => t.kind.startsWith('transition_action'));
}

describe('transition plans for young people (issue 17 §4)', () => {
  it('records a joint plan of the child-area and adult-area caseworkers with the young person, wishes first', async () => {
    const t = await municipality();
    const c = await youngPerson(t.child);
    const { id } = await call(
      t.child,
      'POST',
      '/api/transitions',
      planInput(c, [
        { kind: 'young_person' },
        { kind: 'child_caseworker', userId: t.childId },
        { kind: 'adult_caseworker', userId: t.adultId },
        { kind: 'family', name: 'Mor' },
        { kind: 'guidance', name: 'Kim Vejleder', organisation: 'UU' },
        { kind: 'external', name: 'Sara', organisation: 'Boligselskabet' },
      ]),
      201,
    );
    const plan = (await call(t.adult, 'GET', `/api/transitions/${id}`)) as Plan;
    expect(plan.wishes).toBe('Jeg vil bo for mig selv og blive tømrer.');
    expect(plan.participants.map((p) => p.kind)).toEqual([
      'young_person',
      'family',
      'child_caseworker',
      'adult_caseworker',
      'guidance',
      'external',
    ]);
    expect(plan.participants[0]?.name).toMatch(/^Test Borger/);
    expect(plan.canWrite).toBe(true);
    const list = await call(t.adult, 'GET', '/api/transitions');
    expect(list).toEqual([
      expect.objectContaining({ id, citizenId: c, age: 17, nextMeetingOn: null, openActions: 0 }),
    ]);
  });

  it('refuses a plan without the young person as participant with the field named, saving nothing', async () => {
    const t = await municipality();
    const c = await youngPerson(t.child);
    const res = await t.child.request({
      method: 'POST',
      url: '/api/transitions',
      payload: planInput(c, [{ kind: 'child_caseworker', userId: t.childId }]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'TRANSITION_YOUNG_PERSON_REQUIRED',
      fields: [{ path: 'participants', code: 'required' }],
    });
    expect(await call(t.child, 'GET', '/api/transitions')).toEqual([]);
  });

  it('refuses a plan without wishes, a caseworker who is not a user, and a citizen outside 15–29', async () => {
    const t = await municipality();
    const c = await youngPerson(t.child);
    const noWishes = await t.child.request({
      method: 'POST',
      url: '/api/transitions',
      payload: planInput(c, [{ kind: 'young_person' }], { wishes: ' ' }),
    });
    expect(noWishes.statusCode).toBe(400);
    expect(noWishes.json().fields).toEqual([{ path: 'wishes', code: 'too_short' }]);
    const noUser = await t.child.request({
      method: 'POST',
      url: '/api/transitions',
      payload: planInput(c, [{ kind: 'young_person' }, { kind: 'adult_caseworker', name: 'Ida' }]),
    });
    expect(noUser.json()).toMatchObject({
      code: 'TRANSITION_PARTICIPANT_USER_REQUIRED',
      fields: [{ path: 'participants.1.userId', code: 'required' }],
    });
    const older = await youngPerson(t.child, 31);
    const old = await t.child.request({
      method: 'POST',
      url: '/api/transitions',
      payload: planInput(older, [{ kind: 'young_person' }]),
    });
    expect(old.json()).toMatchObject({ code: 'TRANSITION_AGE_OUT_OF_RANGE' });
    expect(await call(t.child, 'GET', '/api/transitions')).toEqual([]);
  });

  it('keeps one open plan per young person', async () => {
    const t = await municipality();
    const c = await youngPerson(t.child, 20);
    await call(t.child, 'POST', '/api/transitions', planInput(c, [{ kind: 'young_person' }]), 201);
    const again = await t.adult.request({
      method: 'POST',
      url: '/api/transitions',
      payload: planInput(c, [{ kind: 'young_person' }]),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'TRANSITION_PLAN_EXISTS' });
  });
});

describe('meetings, decisions and actions', () => {
  async function plan(t: Awaited<ReturnType<typeof municipality>>) {
    const c = await youngPerson(t.child, 17);
    const { id } = await call(
      t.child,
      'POST',
      '/api/transitions',
      planInput(c, [
        { kind: 'young_person' },
        { kind: 'child_caseworker', userId: t.childId },
        { kind: 'adult_caseworker', userId: t.adultId },
      ]),
      201,
    );
    const p = (await call(t.child, 'GET', `/api/transitions/${id}`)) as Plan;
    const of = (kind: string) => p.participants.find((x) => x.kind === kind)?.id as string;
    return { id, young: of('young_person'), childP: of('child_caseworker'), adultP: of('adult_caseworker') };
  }

  it("records a joint meeting: who attended, the young person's view, decisions and actions, which go to the responsible user's tasks", async () => {
    const t = await municipality();
    const p = await plan(t);
    await call(
      t.child,
      'POST',
      `/api/transitions/${p.id}/meetings`,
      {
        heldOn: ago(1),
        attendeeIds: [p.young, p.childP, p.adultP],
        youngPersonView: 'Jeg vil ikke flytte langt væk.',
        decisions: 'Vi søger ungebolig.',
        actions: [
          { description: 'Søg ungebolig', responsibleId: p.adultP, dueOn: addDays(now, 14) },
          { description: 'Indkald til næste møde', responsibleId: p.childP, dueOn: ago(1) },
        ],
      },
      201,
    );
    const detail = (await call(t.adult, 'GET', `/api/transitions/${p.id}`)) as Plan;
    expect(detail.meetings[0]).toMatchObject({ recorded: true, decisions: 'Vi søger ungebolig.' });
    expect(detail.meetings[0]?.attendeeIds).toHaveLength(3);
    expect(detail.actions.map((a) => [a.description, a.overdue])).toEqual([
      ['Indkald til næste møde', true],
      ['Søg ungebolig', false],
    ]);
    const adultTasks = await tasksOf(t.adult);
    expect(adultTasks).toEqual([
      expect.objectContaining({ kind: 'transition_action', severity: 'info', href: `/overgange/${p.id}` }),
    ]);
    const childTasks = await tasksOf(t.child);
    expect(childTasks).toEqual([
      expect.objectContaining({ kind: 'transition_action_overdue', severity: 'error' }),
    ]);
    expect(await call(t.child, 'GET', '/api/transitions')).toEqual([
      expect.objectContaining({ openActions: 2, overdueActions: 1 }),
    ]);

    // Marked done, the action leaves "Mine opgaver".
    const action = detail.actions.find((a) => a.description === 'Søg ungebolig') as Plan['actions'][number];
    await call(t.adult, 'POST', `/api/transitions/actions/${action.id}/done`, { doneOn: now }, 204);
    expect(await tasksOf(t.adult)).toEqual([]);
    const again = await t.adult.request({
      method: 'POST',
      url: `/api/transitions/actions/${action.id}/done`,
      payload: { doneOn: now },
    });
    expect(again.json()).toMatchObject({ code: 'TRANSITION_ACTION_DONE' });
  });

  it('plans a meeting ahead of today, but refuses its decisions until the day it is held', async () => {
    const t = await municipality();
    const p = await plan(t);
    const ahead = addDays(now, 7);
    const bad = await t.child.request({
      method: 'POST',
      url: `/api/transitions/${p.id}/meetings`,
      payload: { heldOn: ahead, youngPersonView: 'Godt', decisions: 'Ungebolig' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'TRANSITION_MEETING_IN_FUTURE',
      fields: [{ path: 'heldOn', code: 'invalid' }],
    });
    const { id } = await call(t.child, 'POST', `/api/transitions/${p.id}/meetings`, { heldOn: ahead }, 201);
    expect(await call(t.child, 'GET', '/api/transitions')).toEqual([
      expect.objectContaining({ nextMeetingOn: ahead }),
    ]);
    const early = await t.child.request({
      method: 'POST',
      url: `/api/transitions/meetings/${id}/record`,
      payload: { attendeeIds: [p.young], youngPersonView: 'Godt', decisions: 'Ungebolig' },
    });
    expect(early.json()).toMatchObject({ code: 'TRANSITION_MEETING_IN_FUTURE' });
    const detail = (await call(t.child, 'GET', `/api/transitions/${p.id}`)) as Plan;
    expect(detail.meetings).toEqual([expect.objectContaining({ id, recorded: false, decisions: null })]);
  });

  it("records a planned meeting held today, the young person's view required first", async () => {
    const t = await municipality();
    const p = await plan(t);
    const { id } = await call(t.child, 'POST', `/api/transitions/${p.id}/meetings`, { heldOn: now }, 201);
    const noView = await t.child.request({
      method: 'POST',
      url: `/api/transitions/meetings/${id}/record`,
      payload: { attendeeIds: [p.young], youngPersonView: '', decisions: 'Ungebolig' },
    });
    expect(noView.json()).toMatchObject({
      code: 'TRANSITION_YOUNG_PERSON_VIEW_REQUIRED',
      fields: [{ path: 'youngPersonView', code: 'required' }],
    });
    await call(
      t.child,
      'POST',
      `/api/transitions/meetings/${id}/record`,
      { attendeeIds: [p.young, p.adultP], youngPersonView: 'Jeg er med', decisions: 'Ungebolig' },
      204,
    );
    const twice = await t.child.request({
      method: 'POST',
      url: `/api/transitions/meetings/${id}/record`,
      payload: { attendeeIds: [], youngPersonView: 'Igen' },
    });
    expect(twice.json()).toMatchObject({ code: 'TRANSITION_MEETING_RECORDED' });
  });

  it('refuses an action without a responsible participant, or with someone outside the plan', async () => {
    const t = await municipality();
    const p = await plan(t);
    const none = await t.child.request({
      method: 'POST',
      url: `/api/transitions/${p.id}/actions`,
      payload: { description: 'Søg ungebolig', dueOn: addDays(now, 5) },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({
      code: 'TRANSITION_ACTION_RESPONSIBLE_REQUIRED',
      fields: [{ path: 'responsibleId', code: 'required' }],
    });
    const other = await plan(t);
    const outside = await t.child.request({
      method: 'POST',
      url: `/api/transitions/${p.id}/actions`,
      payload: { description: 'Søg ungebolig', responsibleId: other.adultP, dueOn: addDays(now, 5) },
    });
    expect(outside.json()).toMatchObject({ code: 'TRANSITION_RESPONSIBLE_UNKNOWN' });
    await call(
      t.child,
      'POST',
      `/api/transitions/${p.id}/actions`,
      { description: 'Søg ungebolig', responsibleId: p.adultP, dueOn: addDays(now, 5) },
      201,
    );
  });
});

describe('who sees a transition plan', () => {
  it("answers 'not found' for another municipality's plan, and lists none of it", async () => {
    const a = await municipality();
    const b = await municipality();
    const c = await youngPerson(a.child);
    const { id } = await call(
      a.child,
      'POST',
      '/api/transitions',
      planInput(c, [{ kind: 'young_person' }]),
      201,
    );
    expect((await b.child.request({ method: 'GET', url: `/api/transitions/${id}` })).statusCode).toBe(404);
    const meeting = await b.child.request({
      method: 'POST',
      url: `/api/transitions/${id}/meetings`,
      payload: { heldOn: now },
    });
    expect(meeting.statusCode).toBe(404);
    expect(await call(b.child, 'GET', '/api/transitions')).toEqual([]);
    const plan = await b.child.request({
      method: 'POST',
      url: '/api/transitions',
      payload: planInput(c, [{ kind: 'young_person' }]),
    });
    expect(plan.statusCode).toBe(404);
  });

  it('shows a support worker only the plans in which the worker takes part', async () => {
    const t = await municipality();
    const c1 = await youngPerson(t.child);
    const c2 = await youngPerson(t.child, 22);
    const { id: mine } = await call(
      t.child,
      'POST',
      '/api/transitions',
      planInput(c1, [{ kind: 'young_person' }, { kind: 'support_worker', userId: t.supportId }]),
      201,
    );
    const { id: other } = await call(
      t.child,
      'POST',
      '/api/transitions',
      planInput(c2, [{ kind: 'young_person' }]),
      201,
    );
    expect((await call(t.support, 'GET', '/api/transitions')).map((p: { id: string }) => p.id)).toEqual([
      mine,
    ]);
    expect((await call(t.support, 'GET', `/api/transitions/${mine}`)).canWrite).toBe(true);
    expect((await t.support.request({ method: 'GET', url: `/api/transitions/${other}` })).statusCode).toBe(
      404,
    );
    // The administrator keeps the catalogue and sees no plan.
    expect(await call(t.admin, 'GET', '/api/transitions')).toEqual([]);
  });
});

describe("the young person's support worker (support module)", () => {
  it("sees and changes the plan of a young person on the worker's caseload, and may start one", async () => {
    const t = await municipality();
    const c = await youngPerson(t.child, 19);
    const { id } = await call(
      t.child,
      'POST',
      '/api/transitions',
      planInput(c, [{ kind: 'young_person' }]),
      201,
    );
    expect((await t.support.request({ method: 'GET', url: `/api/transitions/${id}` })).statusCode).toBe(404);
    await call(t.admin, 'POST', '/api/support/workers', { userId: t.supportId, fte: 1 }, 201);
    await call(
      t.support,
      'POST',
      '/api/support/enrollments',
      { citizenId: c, method: 'icm', decisionOn: ago(30), legalBasis: 's85a', startOn: ago(20) },
      201,
    );
    expect((await call(t.support, 'GET', `/api/transitions/${id}`)).canWrite).toBe(true);
    expect((await call(t.support, 'GET', '/api/transitions')).map((p: { id: string }) => p.id)).toEqual([id]);
    await call(t.support, 'POST', `/api/transitions/${id}/meetings`, { heldOn: addDays(now, 3) }, 201);
    // A young person outside the caseload is not the worker's to plan for.
    const other = await youngPerson(t.child, 19);
    const refused = await t.support.request({
      method: 'POST',
      url: '/api/transitions',
      payload: planInput(other, [{ kind: 'young_person' }]),
    });
    expect(refused.statusCode).toBe(404);
  });
});

describe('the catalogue of youth offers and the offers a young person has (issue 17 §5)', () => {
  const offer = (overrides: Record<string, unknown> = {}) => ({
    kind: 'cti',
    name: `CTI for unge i efterværn ${Math.random().toString(36).slice(2, 6)}`,
    provider: 'Bostøtteteamet',
    minAge: 18,
    maxAge: 23,
    contact: 'bostoette@example.invalid',
    ...overrides,
  });

  it('is kept by the administrator, read by caseworkers, and refuses an upside-down age range', async () => {
    const t = await municipality();
    const { id } = await call(t.admin, 'POST', '/api/youth-offers', offer({ name: 'CTI' }), 201);
    expect(
      (await t.child.request({ method: 'POST', url: '/api/youth-offers', payload: offer() })).statusCode,
    ).toBe(403);
    const range = await t.admin.request({
      method: 'POST',
      url: '/api/youth-offers',
      payload: offer({ minAge: 23, maxAge: 18 }),
    });
    expect(range.json()).toMatchObject({
      code: 'TRANSITION_OFFER_AGE_RANGE',
      fields: [{ path: 'maxAge', code: 'invalid' }],
    });
    const taken = await t.admin.request({
      method: 'POST',
      url: '/api/youth-offers',
      payload: offer({ name: 'CTI' }),
    });
    expect(taken.json()).toMatchObject({ code: 'TRANSITION_OFFER_NAME_TAKEN' });
    await call(t.admin, 'PATCH', `/api/youth-offers/${id}`, offer({ name: 'CTI', maxAge: 22 }), 204);
    expect(await call(t.child, 'GET', '/api/youth-offers')).toEqual([
      expect.objectContaining({ id, name: 'CTI', minAge: 18, maxAge: 22 }),
    ]);
  });

  it("links an offer to the young person's plan from a date, and ends it", async () => {
    const t = await municipality();
    const { id: offerId } = await call(
      t.admin,
      'POST',
      '/api/youth-offers',
      offer({ name: 'KUI', kind: 'kui' }),
      201,
    );
    const c = await youngPerson(t.child, 19);
    const { id } = await call(
      t.child,
      'POST',
      '/api/transitions',
      planInput(c, [{ kind: 'young_person' }]),
      201,
    );
    const bad = await t.child.request({
      method: 'POST',
      url: `/api/transitions/${id}/offers`,
      payload: { offerId, fromDate: ago(5), toDate: ago(6) },
    });
    expect(bad.json()).toMatchObject({ code: 'TRANSITION_OFFER_END_BEFORE_START' });
    const { id: po } = await call(
      t.child,
      'POST',
      `/api/transitions/${id}/offers`,
      { offerId, fromDate: ago(5) },
      201,
    );
    expect(((await call(t.child, 'GET', `/api/transitions/${id}`)) as Plan).offers).toEqual([
      expect.objectContaining({ name: 'KUI', active: true }),
    ]);
    await call(t.child, 'POST', `/api/transitions/offers/${po}/end`, { toDate: ago(1) }, 204);
    expect(((await call(t.child, 'GET', `/api/transitions/${id}`)) as Plan).offers).toEqual([
      expect.objectContaining({ name: 'KUI', active: false }),
    ]);
  });

  it('closes a plan, after which it takes no changes and a new plan may start', async () => {
    const t = await municipality();
    const c = await youngPerson(t.child, 24);
    const { id } = await call(
      t.child,
      'POST',
      '/api/transitions',
      planInput(c, [{ kind: 'young_person' }]),
      201,
    );
    const future = await t.child.request({
      method: 'POST',
      url: `/api/transitions/${id}/close`,
      payload: { closedOn: addDays(now, 1) },
    });
    expect(future.json()).toMatchObject({ code: 'TRANSITION_DATE_IN_FUTURE' });
    await call(t.child, 'POST', `/api/transitions/${id}/close`, { closedOn: now }, 204);
    const closed = await t.child.request({
      method: 'POST',
      url: `/api/transitions/${id}/meetings`,
      payload: { heldOn: now },
    });
    expect(closed.json()).toMatchObject({ code: 'TRANSITION_PLAN_CLOSED' });
    await call(
      t.child,
      'POST',
      '/api/transitions',
      planInput(c, [{ kind: 'young_person' }], { startedOn: now }),
      201,
    );
  });
});
