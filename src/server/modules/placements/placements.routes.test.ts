import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import { withTenant } from '../../db/database';
import { call, createApplication, createCitizen, tenantWith } from '../../test/factories';
import { type Session, testApp, testDatabase } from '../../test/helpers';
import { careDecisionOf, placementsForEconomics } from '.';

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

async function municipality() {
  const { municipality, users } = await tenantWith(app, db, ['admin', 'caseworker', 'support']);
  return { m: municipality.id, admin: users.admin.session, cw: users.caseworker.session, users };
}

/** A homeless citizen (on the street since `since`). */
async function citizen(s: Session, since = ago(400)) {
  const { id } = await createCitizen(s, { firstEpisode: { situation: 'street', fromDate: since } });
  return id as string;
}

const placement = (citizenId: string, overrides: Record<string, unknown> = {}) => ({
  citizenId,
  kind: 's107',
  provider: 'Bostedet Lindehuset',
  decidedOn: ago(40),
  plannedMoveInOn: ago(30),
  monthlyCost: 45_000,
  ...overrides,
});

async function placements(s: Session, state: 'active' | 'ended' = 'active') {
  return (await call(s, 'GET', `/api/placements?state=${state}`)) as {
    id: string;
    citizenId: string;
    startedOn: string | null;
    endedOn: string | null;
    needsNextStep: boolean;
    moveInOverdue: boolean;
  }[];
}

async function citizenState(s: Session, id: string) {
  const c = await call(s, 'GET', `/api/citizens/${id}?purpose=casework`);
  return { status: c.status as string, situation: c.situation as string, reason: c.inactiveReason };
}

async function taskIds(s: Session) {
  const { items } = (await call(s, 'GET', '/api/tasks')) as { items: { id: string }[] };
  return items.map((t) => t.id);
}

describe('§ 107 / § 108 placements (serviceloven, issue 16 §6)', () => {
  it('records a decision and its start, which makes the citizen live in an institution', async () => {
    const { cw } = await municipality();
    const c = await citizen(cw);
    const { id } = await call(cw, 'POST', '/api/placements', placement(c), 201);
    expect((await placements(cw)).map((p) => p.id)).toEqual([id]);
    await call(cw, 'POST', `/api/placements/${id}/start`, { startedOn: ago(28) }, 204);
    expect(await citizenState(cw, c)).toEqual({ status: 'homeless', situation: 'institution', reason: null });
    expect((await placements(cw))[0]).toMatchObject({ startedOn: ago(28), endedOn: null });
  });

  it('shows a citizen placed more than 90 days ago as inactive, on the by-name list too, and back with the situation chosen when the placement ends', async () => {
    const { cw } = await municipality();
    const c = await createCitizen(cw, {
      givenName: 'Institut',
      familyName: `Halvfems ${Math.random().toString(36).slice(2, 7)}`,
      birthDate: '1970-02-02',
      initials: 'IH',
      firstEpisode: { situation: 'street', fromDate: ago(300) },
    });
    const { id } = await call(
      cw,
      'POST',
      '/api/placements',
      placement(c.id, { kind: 's108', decidedOn: ago(120), plannedMoveInOn: ago(100), startedOn: ago(91) }),
      201,
    );
    expect(await citizenState(cw, c.id)).toEqual({
      status: 'inactive',
      situation: 'institution',
      reason: 'institution',
    });
    const list = await call(cw, 'GET', `/api/citizens?q=Institut&status=inactive`);
    expect(list.items.map((i: { id: string }) => i.id)).toContain(c.id);

    await call(cw, 'POST', `/api/placements/${id}/end`, { endedOn: ago(1), situationAfter: 'street' }, 204);
    expect(await citizenState(cw, c.id)).toEqual({ status: 'homeless', situation: 'street', reason: null });
    expect((await placements(cw, 'ended')).map((p) => p.id)).toEqual([id]);
    expect(await placements(cw)).toEqual([]);
  });

  it('refuses a start before the decision and an end before the start with a field error, saving nothing', async () => {
    const { cw } = await municipality();
    const c = await citizen(cw);
    const bad = await cw.request({
      method: 'POST',
      url: '/api/placements',
      payload: placement(c, { startedOn: ago(45) }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'PLACEMENT_START_BEFORE_DECISION',
      fields: [{ path: 'startedOn', code: 'invalid' }],
    });
    const moveIn = await cw.request({
      method: 'POST',
      url: '/api/placements',
      payload: placement(c, { plannedMoveInOn: ago(50) }),
    });
    expect(moveIn.json()).toMatchObject({ code: 'PLACEMENT_MOVE_IN_BEFORE_DECISION' });
    const missing = await cw.request({
      method: 'POST',
      url: '/api/placements',
      payload: { ...placement(c), provider: '', monthlyCost: -1 },
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['monthlyCost', 'provider']);
    expect(await placements(cw)).toEqual([]);

    const { id } = await call(cw, 'POST', '/api/placements', placement(c, { startedOn: ago(30) }), 201);
    const end = await cw.request({
      method: 'POST',
      url: `/api/placements/${id}/end`,
      payload: { endedOn: ago(31), situationAfter: 'housed' },
    });
    expect(end.statusCode).toBe(400);
    expect(end.json()).toMatchObject({ code: 'PLACEMENT_END_BEFORE_START', fields: [{ path: 'endedOn' }] });
    expect((await placements(cw))[0]?.endedOn).toBeNull();
    expect((await citizenState(cw, c)).situation).toBe('institution');
  });

  it('refuses a second placement of one citizen in the same period, but takes one that follows the move-out', async () => {
    const { cw } = await municipality();
    const c = await citizen(cw);
    await call(
      cw,
      'POST',
      '/api/placements',
      placement(c, { startedOn: ago(30), plannedEndOn: addDays(now, 20) }),
      201,
    );
    const overlap = await cw.request({
      method: 'POST',
      url: '/api/placements',
      payload: placement(c, { kind: 's108', decidedOn: ago(5), plannedMoveInOn: addDays(now, 10) }),
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({
      code: 'PLACEMENT_OVERLAP',
      fields: [{ path: 'plannedMoveInOn' }],
    });
    expect(await placements(cw)).toHaveLength(1);
    await call(
      cw,
      'POST',
      '/api/placements',
      placement(c, { kind: 's108', decidedOn: ago(5), plannedMoveInOn: addDays(now, 20) }),
      201,
    );
    expect(await placements(cw)).toHaveLength(2);
  });

  it("answers 404 for another municipality's placement and citizen, and leaves them untouched", async () => {
    const a = await municipality();
    const b = await municipality();
    const c = await citizen(a.cw);
    const { id } = await call(a.cw, 'POST', '/api/placements', placement(c), 201);
    await call(b.cw, 'POST', `/api/placements/${id}/start`, { startedOn: ago(1) }, 404);
    await call(b.cw, 'POST', `/api/placements/${id}/end`, { endedOn: ago(1), situationAfter: 'housed' }, 404);
    await call(b.cw, 'POST', '/api/placements', placement(c), 404);
    expect(await placements(b.cw)).toEqual([]);
    expect((await placements(a.cw))[0]?.startedOn).toBeNull();
  });

  it('keeps placements from the support worker (need-to-know) and the unit register from the caseworker', async () => {
    const { users, cw } = await municipality();
    await call(users.support.session, 'GET', '/api/placements', undefined, 403);
    await call(users.support.session, 'GET', '/api/skaeve-boliger', undefined, 403);
    await call(
      cw,
      'POST',
      '/api/skaeve-boliger',
      { name: 'X', address: 'Y', project: 'Z', rooms: 1, monthlyRent: 3000, socialCaretaker: false },
      403,
    );
  });
});

describe('placement tasks in "Mine opgaver" (issue 16 §6)', () => {
  it('asks for a next step when a § 107 stay ends within 30 days, until another placement is decided', async () => {
    const { cw } = await municipality();
    const c = await citizen(cw);
    const { id } = await call(
      cw,
      'POST',
      '/api/placements',
      placement(c, {
        startedOn: ago(150),
        decidedOn: ago(160),
        plannedMoveInOn: ago(150),
        plannedEndOn: addDays(now, 25),
      }),
      201,
    );
    expect(await taskIds(cw)).toContain(`placement_next_step:${id}`);
    expect((await placements(cw))[0]?.needsNextStep).toBe(true);
    await call(
      cw,
      'POST',
      '/api/placements',
      placement(c, { kind: 's108', decidedOn: ago(1), plannedMoveInOn: addDays(now, 25) }),
      201,
    );
    expect(await taskIds(cw)).not.toContain(`placement_next_step:${id}`);
  });

  it('takes a skæv bolig tenancy as the next step, and asks for no next step for a § 108 stay or one ending later', async () => {
    const { cw, admin } = await municipality();
    const c = await citizen(cw);
    const { id } = await call(
      cw,
      'POST',
      '/api/placements',
      placement(c, { startedOn: ago(30), plannedEndOn: addDays(now, 10) }),
      201,
    );
    const later = await call(
      cw,
      'POST',
      '/api/placements',
      placement(await citizen(cw), { startedOn: ago(30), plannedEndOn: addDays(now, 31) }),
      201,
    );
    const longTerm = await call(
      cw,
      'POST',
      '/api/placements',
      placement(await citizen(cw), { kind: 's108', startedOn: ago(30), plannedEndOn: addDays(now, 5) }),
      201,
    );
    const tasks = await taskIds(cw);
    expect(tasks).toContain(`placement_next_step:${id}`);
    expect(tasks).not.toContain(`placement_next_step:${later.id}`);
    expect(tasks).not.toContain(`placement_next_step:${longTerm.id}`);
    const unit = await call(
      admin,
      'POST',
      '/api/skaeve-boliger',
      {
        name: 'Næste skridt 1',
        address: 'Vej 1',
        project: 'Thorsholm',
        rooms: 1,
        monthlyRent: 3_200,
        socialCaretaker: true,
      },
      201,
    );
    // The tenancy begins while the citizen still lives at the botilbud.
    await call(cw, 'POST', `/api/skaeve-boliger/${unit.id}/tenancies`, { citizenId: c, fromDate: now }, 201);
    expect(await taskIds(cw)).not.toContain(`placement_next_step:${id}`);
  });

  it('takes an open housing application as the next step, for each ending stay on its own', async () => {
    const { cw } = await municipality();
    const [applicant, other] = [await citizen(cw), await citizen(cw)];
    const ending = (c: string) =>
      call(
        cw,
        'POST',
        '/api/placements',
        placement(c, { startedOn: ago(30), plannedEndOn: addDays(now, 10) }),
        201,
      );
    const [withApplication, without] = [await ending(applicant), await ending(other)];
    expect(await taskIds(cw)).toEqual(
      expect.arrayContaining([
        `placement_next_step:${withApplication.id}`,
        `placement_next_step:${without.id}`,
      ]),
    );
    await createApplication(cw, { citizenId: applicant });
    const tasks = await taskIds(cw);
    expect(tasks).not.toContain(`placement_next_step:${withApplication.id}`);
    expect(tasks).toContain(`placement_next_step:${without.id}`);
  });

  it('flags a decision whose move-in date has passed without a start, until it starts', async () => {
    const { cw, admin } = await municipality();
    const c = await citizen(cw);
    const { id } = await call(cw, 'POST', '/api/placements', placement(c), 201);
    expect(await taskIds(cw)).toContain(`placement_move_in:${id}`);
    expect(await taskIds(admin)).not.toContain(`placement_move_in:${id}`);
    await call(cw, 'POST', `/api/placements/${id}/start`, { startedOn: ago(2) }, 204);
    expect(await taskIds(cw)).not.toContain(`placement_move_in:${id}`);
  });
});

describe('skæve boliger (almenboligloven § 149 a)', () => {
  const unitBody = (name: string) => ({
    name,
    address: 'Thorsholmvej 1',
    project: 'Thorsholm',
    rooms: 1,
    monthlyRent: 3_275,
    socialCaretaker: true,
  });

  it('lets a vacant unit to one tenant at a time, lists vacant units first, and moves the tenant home', async () => {
    const { cw, admin } = await municipality();
    const a = await call(admin, 'POST', '/api/skaeve-boliger', unitBody('Thorsholm A'), 201);
    const b = await call(admin, 'POST', '/api/skaeve-boliger', unitBody('Thorsholm B'), 201);
    const c1 = await citizen(cw);
    const c2 = await citizen(cw);
    const t = await call(
      cw,
      'POST',
      `/api/skaeve-boliger/${a.id}/tenancies`,
      { citizenId: c1, fromDate: ago(10) },
      201,
    );
    expect(await citizenState(cw, c1)).toEqual({ status: 'housed', situation: 'housed', reason: null });
    const list = await call(cw, 'GET', '/api/skaeve-boliger');
    expect(list.units.map((u: { id: string }) => u.id)).toEqual([b.id, a.id]);
    expect(list.units[1].tenancy).toMatchObject({ citizenId: c1, fromDate: ago(10) });

    const taken = await cw.request({
      method: 'POST',
      url: `/api/skaeve-boliger/${a.id}/tenancies`,
      payload: { citizenId: c2, fromDate: ago(5) },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('SKAEV_UNIT_LET');
    const twice = await cw.request({
      method: 'POST',
      url: `/api/skaeve-boliger/${b.id}/tenancies`,
      payload: { citizenId: c1, fromDate: ago(5) },
    });
    expect(twice.json()).toMatchObject({
      code: 'SKAEV_CITIZEN_HAS_TENANCY',
      fields: [{ path: 'citizenId' }],
    });

    const early = await cw.request({
      method: 'POST',
      url: `/api/skaeve-boliger/tenancies/${t.id}/end`,
      payload: { toDate: ago(11), situationAfter: 'street' },
    });
    expect(early.json()).toMatchObject({ code: 'SKAEV_END_BEFORE_START', fields: [{ path: 'toDate' }] });
    await call(
      cw,
      'POST',
      `/api/skaeve-boliger/tenancies/${t.id}/end`,
      { toDate: ago(2), situationAfter: 'family_friends', reason: 'Flyttet til søster' },
      204,
    );
    expect((await citizenState(cw, c1)).situation).toBe('family_friends');
    // A new tenant may move in from the move-out day, not before.
    await call(cw, 'POST', `/api/skaeve-boliger/${a.id}/tenancies`, { citizenId: c2, fromDate: ago(3) }, 409);
    await call(cw, 'POST', `/api/skaeve-boliger/${a.id}/tenancies`, { citizenId: c2, fromDate: ago(2) }, 201);
    const after = await call(cw, 'GET', '/api/skaeve-boliger');
    expect(after.ended).toEqual([
      expect.objectContaining({ citizenId: c1, unitName: 'Thorsholm A', endReason: 'Flyttet til søster' }),
    ]);
  });

  it('refuses a bad unit with field errors and a duplicate name, saving nothing, and hides units from other municipalities', async () => {
    const { admin, cw } = await municipality();
    const other = await municipality();
    const bad = await admin.request({
      method: 'POST',
      url: '/api/skaeve-boliger',
      payload: { ...unitBody(''), rooms: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['name', 'rooms']);
    const { id } = await call(admin, 'POST', '/api/skaeve-boliger', unitBody('Thorsholm 1'), 201);
    const dup = await admin.request({
      method: 'POST',
      url: '/api/skaeve-boliger',
      payload: unitBody('Thorsholm 1'),
    });
    expect(dup.json()).toMatchObject({ code: 'SKAEV_UNIT_NAME_TAKEN', fields: [{ path: 'name' }] });
    expect((await call(admin, 'GET', '/api/skaeve-boliger')).units).toHaveLength(1);
    expect((await call(other.admin, 'GET', '/api/skaeve-boliger')).units).toEqual([]);
    await call(
      other.cw,
      'POST',
      `/api/skaeve-boliger/${id}/tenancies`,
      { citizenId: await citizen(other.cw), fromDate: ago(1) },
      404,
    );
    await call(
      cw,
      'POST',
      `/api/skaeve-boliger/${id}/tenancies`,
      { citizenId: await citizen(other.cw), fromDate: ago(1) },
      404,
    );
  });
});

describe('what other modules read (shelters: rule 12; economics: § 176 a stk. 2)', () => {
  it('careDecisionOf gives the latest decision not ended, with the start or else the planned move-in', async () => {
    const { m, cw } = await municipality();
    const c = await citizen(cw);
    const none = await withTenant(db.app, m, (trx) => careDecisionOf(trx, m, c));
    expect(none).toBeNull();
    const first = await call(
      cw,
      'POST',
      '/api/placements',
      placement(c, { startedOn: ago(30), plannedEndOn: ago(5) }),
      201,
    );
    await call(
      cw,
      'POST',
      `/api/placements/${first.id}/end`,
      { endedOn: ago(5), situationAfter: 'street' },
      204,
    );
    expect(await withTenant(db.app, m, (trx) => careDecisionOf(trx, m, c))).toBeNull();
    await call(
      cw,
      'POST',
      '/api/placements',
      placement(c, { kind: 's108', decidedOn: ago(3), plannedMoveInOn: addDays(now, 7) }),
      201,
    );
    expect(await withTenant(db.app, m, (trx) => careDecisionOf(trx, m, c))).toEqual({
      kind: 's108',
      decidedOn: ago(3),
      moveInOn: addDays(now, 7),
    });
    const other = await municipality();
    expect(await withTenant(db.app, other.m, (trx) => careDecisionOf(trx, other.m, c))).toBeNull();
  });

  it('placementsForEconomics gives the started placements overlapping the period, with cost and end', async () => {
    const { m, cw } = await municipality();
    const ended = await call(
      cw,
      'POST',
      '/api/placements',
      placement(await citizen(cw), {
        decidedOn: ago(100),
        plannedMoveInOn: ago(90),
        startedOn: ago(90),
        monthlyCost: 38_500.5,
      }),
      201,
    );
    await call(
      cw,
      'POST',
      `/api/placements/${ended.id}/end`,
      { endedOn: ago(60), situationAfter: 'housed' },
      204,
    );
    const running = await call(
      cw,
      'POST',
      '/api/placements',
      placement(await citizen(cw), {
        kind: 's108',
        decidedOn: ago(50),
        plannedMoveInOn: ago(40),
        startedOn: ago(40),
        monthlyCost: 61_000,
      }),
      201,
    );
    // Decided, not started: costs nothing yet.
    await call(cw, 'POST', '/api/placements', placement(await citizen(cw)), 201);
    const all = await withTenant(db.app, m, (trx) =>
      placementsForEconomics(trx, m, ago(120), addDays(now, 1)),
    );
    expect(all).toEqual([
      expect.objectContaining({
        id: ended.id,
        kind: 's107',
        decidedOn: ago(100),
        start: ago(90),
        end: ago(60),
        monthlyCost: 38_500.5,
      }),
      expect.objectContaining({
        id: running.id,
        kind: 's108',
        start: ago(40),
        end: null,
        monthlyCost: 61_000,
      }),
    ]);
    const recent = await withTenant(db.app, m, (trx) =>
      placementsForEconomics(trx, m, ago(59), addDays(now, 1)),
    );
    expect(recent.map((p) => p.id)).toEqual([running.id]);
    const before = await withTenant(db.app, m, (trx) => placementsForEconomics(trx, m, ago(200), ago(90)));
    expect(before).toEqual([]);
  });
});
