import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import { call, createCitizen, fakeCpr, tenantWith } from '../../test/factories';
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

/** A kommunekode no test municipality gets (they take 100–999): never in this deployment. */
const OUTSIDE = '099';

/** A municipality with a shelter, its linked staff, a caseworker and an economy user. */
async function shelterMunicipality(name = 'Herberget Øst') {
  const { municipality, users } = await tenantWith(app, db, [
    'admin',
    'partner_shelter',
    'caseworker',
    'economy',
  ]);
  const { id } = await call(
    users.admin.session,
    'POST',
    '/api/shelters',
    {
      name,
      kind: 'independent',
      places: 30,
      onTilbudsportalen: true,
      dailyRate: 1_400,
      rateFrom: '2026-01-01',
    },
    201,
  );
  await call(
    users.admin.session,
    'PUT',
    `/api/shelters/${id}/users`,
    { userId: users.partner_shelter.id },
    204,
  );
  return { municipality, users, staff: users.partner_shelter.session, shelterId: id as string };
}

/** A municipality with only a caseworker: a handlekommune elsewhere in the deployment. */
const handlekommune = () => tenantWith(app, db, ['caseworker']);

const admission = (handlekommune: string, overrides: Record<string, unknown> = {}) => ({
  cpr: fakeCpr(),
  givenName: 'Bent',
  familyName: 'Bjerre',
  admittedOn: addDays(today(), -3),
  admissionDecidedOn: addDays(today(), -4),
  handlekommune,
  ...overrides,
});

async function admitAndNotify(staff: Session, body: Record<string, unknown>) {
  const stay = await call(staff, 'POST', '/api/shelters/stays', body, 201);
  const sent = await call(staff, 'POST', `/api/shelters/stays/${stay.id}/notify`, { notifiedOn: today() });
  return { ...stay, inbox: sent.inbox as boolean };
}

const inboxOf = (s: Session) =>
  call(s, 'GET', '/api/shelters/notifications') as Promise<
    { id: string; name: string | null; citizenId: string | null; acknowledgedOn: string | null }[]
  >;

async function taskIds(s: Session) {
  const { items } = (await call(s, 'GET', '/api/tasks')) as { items: { id: string }[] };
  return items.map((t) => t.id);
}

describe('the notification of a handlekommune in another municipality of the deployment (§ 110 stk. 6)', () => {
  it('lands in its inbox with only the notified facts, is its task until acknowledged, and registers the citizen there', async () => {
    const a = await shelterMunicipality();
    const b = await handlekommune();
    const cw = b.users.caseworker.session;
    const body = admission(b.municipality.code);
    const stay = await call(a.staff, 'POST', '/api/shelters/stays', body, 201);
    const mine = await call(a.staff, 'GET', '/api/shelters/mine');
    expect(mine.residents[0]).toMatchObject({ id: stay.id, handlekommuneInDeployment: true });
    expect(
      await call(a.staff, 'POST', `/api/shelters/stays/${stay.id}/notify`, { notifiedOn: today() }),
    ).toEqual({ inbox: true });

    const inbox = await call(cw, 'GET', '/api/shelters/notifications');
    expect(inbox).toEqual([
      {
        id: expect.any(String),
        shelterName: 'Herberget Øst',
        fromMunicipality: a.municipality.name,
        // Masked in the inbox (issue 20 (d): CPR numbers shown masked to whom does not need them).
        cpr: `${body.cpr.slice(0, 6)}-XXXX`,
        birthDate: null,
        initials: null,
        name: 'Bent Bjerre',
        admittedOn: body.admittedOn,
        admissionDecidedOn: body.admissionDecidedOn,
        notifiedOn: today(),
        citizenId: null,
        matchCitizenId: null,
        acknowledgedOn: null,
        acknowledgedBy: null,
      },
    ]);
    const id = inbox[0].id as string;
    expect(await taskIds(cw)).toContain(`shelter_notification:${id}`);
    // The sender's own caseworkers get nothing of it.
    expect(await inboxOf(a.users.caseworker.session)).toEqual([]);

    const noMatch = await cw.request({
      method: 'POST',
      url: `/api/shelters/notifications/${id}/acknowledge`,
      payload: { link: 'match' },
    });
    expect(noMatch.statusCode).toBe(409);
    expect(noMatch.json()).toMatchObject({ code: 'SHELTER_NOTIFICATION_NO_MATCH' });

    const { citizenId } = await call(cw, 'POST', `/api/shelters/notifications/${id}/acknowledge`, {
      link: 'register',
    });
    expect(citizenId).not.toBe(stay.citizenId);
    const citizen = await call(cw, 'GET', `/api/citizens/${citizenId}?purpose=casework`);
    // The registry answers the CPR number masked (issue 20 (d)); the logged show gives the full one.
    expect(citizen).toMatchObject({
      cpr: `${body.cpr.slice(0, 6)}-XXXX`,
      givenName: 'Bent',
      familyName: 'Bjerre',
    });
    expect((await call(cw, 'GET', `/api/citizens/${citizenId}/cpr?purpose=casework`)).cpr).toBe(body.cpr);
    expect(citizen.episodes[0]).toMatchObject({ situation: 'shelter', fromDate: body.admittedOn });
    expect((await inboxOf(cw))[0]).toMatchObject({ citizenId, acknowledgedOn: today() });
    expect(await taskIds(cw)).not.toContain(`shelter_notification:${id}`);

    const again = await cw.request({
      method: 'POST',
      url: `/api/shelters/notifications/${id}/acknowledge`,
      payload: { link: 'none' },
    });
    expect(again.json()).toMatchObject({ code: 'SHELTER_NOTIFICATION_ACKNOWLEDGED' });
  });

  it('links the notification to the citizen the handlekommune knows by the CPR number', async () => {
    const a = await shelterMunicipality();
    const b = await handlekommune();
    const cw = b.users.caseworker.session;
    const cpr = fakeCpr();
    const known = await createCitizen(cw, { cpr, givenName: 'Kendt', familyName: 'Borger' });
    await admitAndNotify(a.staff, admission(b.municipality.code, { cpr }));
    const [n] = await call(cw, 'GET', '/api/shelters/notifications');
    expect(n).toMatchObject({ matchCitizenId: known.id, citizenId: null });
    expect(
      await call(cw, 'POST', `/api/shelters/notifications/${n.id}/acknowledge`, { link: 'match' }),
    ).toEqual({ citizenId: known.id });
    const citizen = await call(cw, 'GET', `/api/citizens/${known.id}?purpose=casework`);
    expect(citizen.episodes[0]).toMatchObject({ situation: 'shelter' });
  });

  it('carries birth date and initials when the CPR number is not known', async () => {
    const a = await shelterMunicipality();
    const b = await handlekommune();
    await admitAndNotify(
      a.staff,
      admission(b.municipality.code, {
        cpr: undefined,
        givenName: undefined,
        familyName: undefined,
        birthDate: '1969-06-01',
        initials: 'OH',
      }),
    );
    expect(await inboxOf(b.users.caseworker.session)).toEqual([
      expect.objectContaining({ cpr: null, birthDate: '1969-06-01', initials: 'OH', name: 'OH' }),
    ]);
  });

  it('answers not found for a notification addressed to another municipality, and forbids the inbox to the economy role', async () => {
    const a = await shelterMunicipality();
    const b = await handlekommune();
    await admitAndNotify(a.staff, admission(b.municipality.code));
    const [n] = await inboxOf(b.users.caseworker.session);
    const foreign = await a.users.caseworker.session.request({
      method: 'POST',
      url: `/api/shelters/notifications/${n?.id}/acknowledge`,
      payload: { link: 'none' },
    });
    expect(foreign.statusCode).toBe(404);
    const economy = await a.users.economy.session.request({
      method: 'GET',
      url: '/api/shelters/notifications',
    });
    expect(economy.statusCode).toBe(403);
  });
});

describe("the notification of the shelter's own municipality", () => {
  it('lands in its own inbox linked to the citizen, beside the action plan task', async () => {
    const a = await shelterMunicipality();
    const cw = a.users.caseworker.session;
    const stay = await admitAndNotify(a.staff, admission(a.municipality.code));
    expect(stay.inbox).toBe(true);
    const [n] = await inboxOf(cw);
    expect(n).toMatchObject({ citizenId: stay.citizenId, acknowledgedOn: null });
    const tasks = await taskIds(cw);
    expect(tasks).toContain(`shelter_notification:${n?.id}`);
    expect(tasks).toContain(`shelter_action_plan:${stay.id}`);
    expect(
      await call(cw, 'POST', `/api/shelters/notifications/${n?.id}/acknowledge`, { link: 'register' }),
    ).toEqual({ citizenId: stay.citizenId });
    const after = await taskIds(cw);
    expect(after).not.toContain(`shelter_notification:${n?.id}`);
    expect(after).toContain(`shelter_action_plan:${stay.id}`);
  });
});

describe('the notification of a handlekommune outside the deployment', () => {
  it('goes to no inbox; the shelter downloads the notification letter as PDF', async () => {
    const a = await shelterMunicipality();
    const b = await handlekommune();
    const stay = await call(a.staff, 'POST', '/api/shelters/stays', admission(OUTSIDE), 201);
    expect((await call(a.staff, 'GET', '/api/shelters/mine')).residents[0]).toMatchObject({
      handlekommuneInDeployment: false,
    });
    const res = await a.staff.request({
      method: 'GET',
      url: `/api/shelters/stays/${stay.id}/notification-letter`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(res.rawPayload.length).toBeGreaterThan(5_000);
    expect(res.rawPayload.length).toBeLessThan(500_000);
    expect(
      await call(a.staff, 'POST', `/api/shelters/stays/${stay.id}/notify`, { notifiedOn: today() }),
    ).toEqual({ inbox: false });
    expect(await inboxOf(a.users.caseworker.session)).toEqual([]);
    expect(await inboxOf(b.users.caseworker.session)).toEqual([]);
  });

  it("answers not found for the letter of another municipality's stay", async () => {
    const a = await shelterMunicipality();
    const other = await shelterMunicipality('Herberget Vest');
    const stay = await call(a.staff, 'POST', '/api/shelters/stays', admission(OUTSIDE), 201);
    const res = await other.staff.request({
      method: 'GET',
      url: `/api/shelters/stays/${stay.id}/notification-letter`,
    });
    expect(res.statusCode).toBe(404);
  });
});
