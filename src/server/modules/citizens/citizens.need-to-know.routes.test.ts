import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import { call, createCitizen, fakeCpr, tenantWith } from '../../test/factories';
import { type Session, testApp, testDatabase } from '../../test/helpers';

// Issue 20 (d), design.md §1: "a support worker sees her own caseload"; CPR numbers masked to
// roles that do not need them, with a logged "show" for those that do; the leader sees no CPR
// number, phone or address.

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

const masked = (cpr: string) => `${cpr.slice(0, 6)}-XXXX`;

/** A municipality with a support worker (a worker row of her own) and the roles around her. */
async function setup() {
  const t = await tenantWith(app, db, [
    'admin',
    'caseworker',
    'support',
    'leader',
    'allocation',
    'prevention',
  ]);
  const worker = await call(
    t.users.admin.session,
    'POST',
    '/api/support/workers',
    { userId: t.users.support.id, teamId: null, fte: 1 },
    201,
  );
  return { ...t, workerId: worker.id as string };
}

/** Enrolls the citizen in ICM with the support worker (decided by the caseworker). */
async function enroll(cw: Session, citizenId: string, workerId: string) {
  return (await call(
    cw,
    'POST',
    '/api/support/enrollments',
    {
      citizenId,
      method: 'icm',
      workerId,
      decisionOn: addDays(today(), -30),
      legalBasis: 's85',
      startOn: addDays(today(), -20),
    },
    201,
  )) as { id: string };
}

const ids = (list: { items: { id: string }[] }) => list.items.map((i) => i.id);

/** Every citizen route a support worker could reach a citizen by, with its status for her. */
async function statuses(s: Session, id: string) {
  const req = async (method: 'GET' | 'PATCH' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    (await s.request({ method, url, ...(payload === undefined ? {} : { payload }) })).statusCode;
  return {
    detail: await req('GET', `/api/citizens/${id}?purpose=support`),
    export: await req('GET', `/api/citizens/${id}/export?purpose=data_request`),
    update: await req('PATCH', `/api/citizens/${id}`, { phone: '12345678' }),
    sensitive: await req('PUT', `/api/citizens/${id}/sensitive`, {
      mentalIllness: true,
      substanceAbuse: false,
      formerlyPlaced: false,
    }),
    cprChange: await req('POST', `/api/citizens/${id}/cpr`, { newCpr: fakeCpr(), changedOn: '2026-01-02' }),
    cprShow: await req('GET', `/api/citizens/${id}/cpr?purpose=support`),
    episode: await req('POST', `/api/citizens/${id}/episodes`, {
      situation: 'street',
      fromDate: '2026-01-03',
    }),
    contact: await req('POST', `/api/citizens/${id}/contacts`, { contactOn: '2026-01-03', channel: 'phone' }),
    consent: await req('POST', `/api/citizens/${id}/consents`, {
      purpose: 'cross_department',
      givenOn: '2026-01-03',
    }),
    household: await req('POST', `/api/citizens/${id}/household`, {
      kind: 'adult',
      name: 'Voksen',
      birthDate: '1960-01-01',
    }),
  };
}

describe('a support worker sees her own caseload (issue 20 (d))', () => {
  it('issue 20 (d): a support worker lists, finds, opens and changes a citizen of her caseload, and gets 404 for one outside it on every citizen route, which her list and search leave out', async () => {
    const { users, workerId } = await setup();
    const cw = users.caseworker.session;
    const s = users.support.session;
    const mineCpr = fakeCpr('030363');
    const mine = await createCitizen(cw, { cpr: mineCpr, givenName: 'Mette', familyName: 'Minsagsen' });
    const otherCpr = fakeCpr('030363');
    const other = await createCitizen(cw, { cpr: otherCpr, givenName: 'Otto', familyName: 'Minsagsen' });
    await enroll(cw, mine.id, workerId);

    // Her list, a name search and a CPR search hold her citizen only; the total counts only hers.
    const all = await call(s, 'GET', '/api/citizens');
    expect(ids(all)).toEqual([mine.id]);
    expect(all.total).toBe(1);
    expect(ids(await call(s, 'GET', '/api/citizens?q=minsagsen'))).toEqual([mine.id]);
    expect(ids(await call(s, 'GET', `/api/citizens?q=${otherCpr}`))).toEqual([]);
    expect(ids(await call(s, 'GET', `/api/citizens?q=${mineCpr}`))).toEqual([mine.id]);

    // Her own citizen: every route answers as for anyone allowed.
    expect(await statuses(s, mine.id)).toEqual({
      detail: 200,
      export: 200,
      update: 200,
      sensitive: 204,
      cprChange: 204,
      cprShow: 200,
      episode: 201,
      contact: 201,
      consent: 201,
      household: 201,
    });
    // Outside her caseload: "not found", never "forbidden", and nothing is changed.
    expect(await statuses(s, other.id)).toEqual({
      detail: 404,
      export: 404,
      update: 404,
      sensitive: 404,
      cprChange: 404,
      cprShow: 404,
      episode: 404,
      contact: 404,
      consent: 404,
      household: 404,
    });
    const untouched = await call(cw, 'GET', `/api/citizens/${other.id}?purpose=casework`);
    expect(untouched).toMatchObject({ phone: null, episodes: [], contacts: [], consents: [], household: [] });
    expect(untouched.sensitive).toEqual({
      mentalIllness: false,
      substanceAbuse: false,
      formerlyPlaced: false,
    });
    expect((await call(cw, 'GET', `/api/citizens/${other.id}/cpr?purpose=casework`)).cpr).toBe(otherCpr);
  });

  it('issue 20 (d): the caseload is the active enrollments: once the enrollment ends, the citizen is not found', async () => {
    const { users, workerId } = await setup();
    const cw = users.caseworker.session;
    const s = users.support.session;
    const c = await createCitizen(cw, { cpr: fakeCpr(), familyName: 'Afsluttet' });
    const enrollment = await enroll(cw, c.id, workerId);
    expect(
      (await s.request({ method: 'GET', url: `/api/citizens/${c.id}?purpose=support` })).statusCode,
    ).toBe(200);
    await call(cw, 'POST', `/api/support/enrollments/${enrollment.id}/end`, {
      endOn: today(),
      endReason: 'completed',
    });
    expect(
      (await s.request({ method: 'GET', url: `/api/citizens/${c.id}?purpose=support` })).statusCode,
    ).toBe(404);
    expect(ids(await call(s, 'GET', '/api/citizens?q=afsluttet'))).toEqual([]);
  });

  it('issue 20 (d): a citizen the support worker registers herself is in her caseload (and not found by another municipality’s)', async () => {
    const { users } = await setup();
    const other = await tenantWith(app, db, ['support']);
    const c = await createCitizen(users.support.session, { cpr: fakeCpr(), familyName: 'Gademødt' });
    expect(
      (await users.support.session.request({ method: 'GET', url: `/api/citizens/${c.id}?purpose=support` }))
        .statusCode,
    ).toBe(200);
    expect(ids(await call(users.support.session, 'GET', '/api/citizens?q=gademødt'))).toEqual([c.id]);
    // Another municipality's support worker: not found, as ever.
    expect(
      (
        await other.users.support.session.request({
          method: 'GET',
          url: `/api/citizens/${c.id}?purpose=support`,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('issue 20 (d): registering a CPR number already held by a citizen outside her caseload tells a support worker it exists without naming the record; a caseworker gets the link', async () => {
    const { users } = await setup();
    const cpr = fakeCpr();
    const existing = await createCitizen(users.caseworker.session, { cpr, familyName: 'Andetsteds' });
    const refused = await users.support.session.request({
      method: 'POST',
      url: '/api/citizens',
      payload: { cpr, givenName: 'Igen', familyName: 'Andetsteds' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CITIZEN_CPR_EXISTS',
      fields: [{ path: 'cpr', code: 'cpr_exists' }],
    });
    expect(JSON.stringify(refused.json())).not.toContain(existing.id);
    const linked = await users.caseworker.session.request({
      method: 'POST',
      url: '/api/citizens',
      payload: { cpr, givenName: 'Igen', familyName: 'Andetsteds' },
    });
    expect(linked.json()).toMatchObject({ code: 'CITIZEN_CPR_EXISTS', params: { citizenId: existing.id } });
  });

  it('issue 20 (d): owning an action in a citizen’s active coherent plan puts the citizen in the support worker’s caseload', async () => {
    const { users } = await setup();
    const cw = users.caseworker.session;
    const s = users.support.session;
    const c = await createCitizen(cw, {
      cpr: fakeCpr(),
      familyName: 'Planborger',
      firstEpisode: { situation: 'housed', fromDate: addDays(today(), -100) },
    });
    const plan = await call(
      cw,
      'POST',
      '/api/plans',
      {
        citizenId: c.id,
        coordinatorId: users.caseworker.id,
        startedOn: addDays(today(), -30),
        goals: ['Bo'],
      },
      201,
    );
    expect(
      (await s.request({ method: 'GET', url: `/api/citizens/${c.id}?purpose=support` })).statusCode,
    ).toBe(404);
    await call(
      cw,
      'POST',
      `/api/plans/${plan.id}/actions`,
      { department: 'bolig', description: 'Følge til møde', ownerUserId: users.support.id, dueOn: today() },
      201,
    );
    expect((await call(s, 'GET', `/api/citizens/${c.id}?purpose=support`)).id).toBe(c.id);
    expect(ids(await call(s, 'GET', '/api/citizens?q=planborger'))).toEqual([c.id]);
  });

  it('issue 20 (d): a caseworker, an allocation officer and the prevention team still see and find every citizen', async () => {
    const { users, workerId } = await setup();
    const cw = users.caseworker.session;
    const a = await createCitizen(cw, { cpr: fakeCpr(), familyName: 'Alleseer' });
    const b = await createCitizen(cw, { cpr: fakeCpr(), familyName: 'Alleseer' });
    await enroll(cw, a.id, workerId);
    for (const role of ['caseworker', 'allocation', 'prevention'] as const) {
      const s = users[role].session;
      expect(ids(await call(s, 'GET', '/api/citizens?q=alleseer')).sort()).toEqual([a.id, b.id].sort());
      expect((await call(s, 'GET', `/api/citizens/${b.id}?purpose=casework`)).id).toBe(b.id);
    }
  });
});

describe('CPR numbers masked, shown on request and logged (issue 20 (d))', () => {
  it('issue 20 (d): the list, the page, the CPR history, the household and the timeline carry the CPR number masked as DDMMYY-XXXX', async () => {
    const { users } = await setup();
    const cw = users.caseworker.session;
    const cpr = fakeCpr('040464');
    const child = fakeCpr('050565');
    const { id } = await createCitizen(cw, { cpr, givenName: 'Maske', familyName: 'Maskesen' });
    const newCpr = fakeCpr('040464');
    await call(cw, 'POST', `/api/citizens/${id}/cpr`, { newCpr, changedOn: '2026-01-02' }, 204);
    await call(
      cw,
      'POST',
      `/api/citizens/${id}/household`,
      { kind: 'adult', name: 'Partner', birthDate: '1865-05-05', cpr: child },
      201,
    );
    const list = await call(cw, 'GET', '/api/citizens?q=maskesen');
    expect(list.items[0].cpr).toBe(masked(newCpr));
    const res = await cw.request({ method: 'GET', url: `/api/citizens/${id}?purpose=casework` });
    const v = res.json();
    expect(v.cpr).toBe(masked(newCpr));
    expect(v.cprHistory).toEqual([{ oldCpr: masked(cpr), newCpr: masked(newCpr), changedOn: '2026-01-02' }]);
    expect(v.household[0].cpr).toBe(masked(child));
    expect(v.timeline.find((i: { kind: string }) => i.kind === 'cpr_changed').params).toEqual({
      oldCpr: masked(cpr),
      newCpr: masked(newCpr),
    });
    expect(v.abilities.showCpr).toBe(true);
    for (const full of [cpr, newCpr, child]) {
      expect(res.body).not.toContain(full);
      expect(list.items[0].cpr).not.toContain(full.slice(6));
    }
  });

  it('issue 20 (d): the show route answers the full CPR number and writes a citizen.cpr_shown audit row with the purpose; a support worker may show it for her own citizen', async () => {
    const { users, municipality, workerId } = await setup();
    const cw = users.caseworker.session;
    const cpr = fakeCpr();
    const { id } = await createCitizen(cw, { cpr, familyName: 'Vises' });
    await enroll(cw, id, workerId);
    expect(await call(cw, 'GET', `/api/citizens/${id}/cpr?purpose=casework`)).toEqual({ cpr });
    expect(await call(users.support.session, 'GET', `/api/citizens/${id}/cpr?purpose=support`)).toEqual({
      cpr,
    });
    const rows = await db.owner
      .selectFrom('audit_event')
      .select(['action', 'purpose', 'actor_username'])
      .where('municipality_id', '=', municipality.id)
      .where('entity_id', '=', id)
      .where('action', '=', 'citizen.cpr_shown')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { action: 'citizen.cpr_shown', purpose: 'casework', actor_username: users.caseworker.username },
      { action: 'citizen.cpr_shown', purpose: 'support', actor_username: users.support.username },
    ]);
    // The show asks for a purpose, like the page.
    expect((await cw.request({ method: 'GET', url: `/api/citizens/${id}/cpr` })).statusCode).toBe(400);
  });

  it('issue 20 (d): the leader gets no CPR number, phone, e-mail or address, cannot search by CPR and cannot show it', async () => {
    const { users } = await setup();
    const cw = users.caseworker.session;
    const leader = users.leader.session;
    const cpr = fakeCpr('060666');
    const { id } = await createCitizen(cw, {
      cpr,
      givenName: 'Lea',
      familyName: 'Ledersen',
      phone: '87654321',
      email: 'lea@example.org',
      address: 'Hjemvej 1',
    });
    await call(
      cw,
      'POST',
      `/api/citizens/${id}/cpr`,
      { newCpr: fakeCpr('060666'), changedOn: '2026-01-02' },
      204,
    );
    const list = await call(leader, 'GET', '/api/citizens?q=ledersen');
    expect(ids(list)).toEqual([id]);
    expect(list.items[0]).not.toHaveProperty('cpr');
    expect(ids(await call(leader, 'GET', `/api/citizens?q=${cpr.slice(0, 6)}`))).toEqual([]);
    const res = await leader.request({ method: 'GET', url: `/api/citizens/${id}?purpose=management` });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    for (const field of ['cpr', 'phone', 'email', 'address']) expect(v).not.toHaveProperty(field);
    expect(v.cprHistory).toEqual([]);
    expect(v.abilities.showCpr).toBe(false);
    for (const text of [cpr.slice(6), '87654321', 'lea@example.org', 'Hjemvej 1'])
      expect(res.body).not.toContain(text);
    expect(
      (await leader.request({ method: 'GET', url: `/api/citizens/${id}/cpr?purpose=management` })).statusCode,
    ).toBe(403);
  });
});
