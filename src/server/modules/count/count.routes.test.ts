import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountDetail, CountReport, RegistrationInput } from '../../../shared/count/api';
import type { DatabaseHandles } from '../../db/database';
import { call, createCitizen } from '../../test/factories';
import { type Session, tenantWith, testApp, testDatabase } from '../../test/helpers';

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

async function municipality() {
  const { municipality, users } = await tenantWith(app, db, ['caseworker', 'leader', 'admin']);
  return {
    m: municipality.id,
    cw: users.caseworker.session,
    leader: users.leader.session,
    admin: users.admin.session,
  };
}

/** A citizen on the street since `fromDate` (an episode counts as contact, so active 90 days on). */
async function homeless(s: Session, fromDate: string, overrides: Record<string, unknown> = {}) {
  const { id } = await createCitizen(s, {
    birthDate: '1990-05-01',
    firstEpisode: { situation: 'street', fromDate },
    ...overrides,
  });
  return id;
}

const answers: Omit<RegistrationInput, 'citizenId' | 'initials' | 'birthDate'> = {
  sex: 'male',
  situation: 'street',
  duration: 'under_3_months',
  causes: ['money', 'mental_illness'],
  onHousingList: 'unknown',
  hasActionPlan: 'no',
  supportReceived: 'unknown',
  incomeSource: 'cash_benefit',
  citizenship: 'danish',
  migrantWithoutResidence: false,
  units: ['Gadeplan'],
};

describe('the week-6 count (issue 18 §1)', () => {
  it('opens only in a count year (rule 5) and only once', async () => {
    const { cw } = await municipality();
    const bad = await cw.request({ method: 'POST', url: '/api/counts', payload: { year: 2021 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'COUNT_NOT_A_COUNT_YEAR', fields: [{ path: 'year' }] });
    await call(cw, 'POST', '/api/counts', { year: 2022 }, 201);
    const again = await cw.request({ method: 'POST', url: '/api/counts', payload: { year: 2022 } });
    expect(again.statusCode).toBe(409);
    expect(await call(cw, 'GET', '/api/counts')).toEqual([
      { year: 2022, weekFrom: '2022-02-07', weekTo: '2022-02-13', status: 'open', registered: 0 },
    ]);
  });

  it('lists everyone homeless in the week with the answers the data gives, and no one housed', async () => {
    const { cw } = await municipality();
    const street = await homeless(cw, '2021-12-01');
    await homeless(cw, '2021-12-01', { firstEpisode: { situation: 'housed', fromDate: '2021-12-01' } });
    // Known only from March 2022: not on the list as it stood in week 6.
    await homeless(cw, '2022-03-01');
    await call(cw, 'POST', '/api/counts', { year: 2022 }, 201);
    const detail = (await call(cw, 'GET', '/api/counts/2022')) as CountDetail;
    expect(detail).toMatchObject({ countDay: '2022-02-09', started: true, canRegister: true });
    expect(detail.toRegister).toEqual([
      expect.objectContaining({
        citizenId: street,
        age: 31,
        prefill: expect.objectContaining({
          situation: 'street',
          duration: 'under_3_months',
          onHousingList: 'unknown',
        }),
      }),
    ]);
  });

  it('counts a person once: the same citizen, or the same initials and birth date without a CPR number (rule 6)', async () => {
    const { cw } = await municipality();
    const c = await homeless(cw, '2021-12-01', { initials: 'KL', birthDate: '1985-03-04' });
    await call(cw, 'POST', '/api/counts', { year: 2022 }, 201);
    await call(cw, 'POST', '/api/counts/2022/registrations', { citizenId: c, ...answers }, 201);
    const twice = await cw.request({
      method: 'POST',
      url: '/api/counts/2022/registrations',
      payload: { citizenId: c, ...answers },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'COUNT_PERSON_COUNTED' });
    // Another unit met the same person and knows only initials and birth date.
    const byInitials = await cw.request({
      method: 'POST',
      url: '/api/counts/2022/registrations',
      payload: { initials: 'K.L.', birthDate: '1985-03-04', ...answers },
    });
    expect(byInitials.statusCode).toBe(409);
    const detail = (await call(cw, 'GET', '/api/counts/2022')) as CountDetail;
    expect(detail.registrations).toHaveLength(1);
    expect(detail.toRegister).toEqual([]);
  });

  it('refuses a registration naming no one, naming the initials and the birth date', async () => {
    const { cw } = await municipality();
    await call(cw, 'POST', '/api/counts', { year: 2022 }, 201);
    const res = await cw.request({ method: 'POST', url: '/api/counts/2022/registrations', payload: answers });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'COUNT_PERSON_REQUIRED',
      fields: [
        { path: 'initials', code: 'required' },
        { path: 'birthDate', code: 'required' },
      ],
    });
  });

  it('reports by situation and age band with migrants apart (rules 7, 8), small numbers suppressed (rule 33)', async () => {
    const { cw, leader } = await municipality();
    await call(cw, 'POST', '/api/counts', { year: 2022 }, 201);
    for (let i = 0; i < 6; i++)
      await call(
        cw,
        'POST',
        '/api/counts/2022/registrations',
        { initials: `A${i}`, birthDate: '1997-01-01', ...answers },
        201,
      );
    await call(
      cw,
      'POST',
      '/api/counts/2022/registrations',
      { initials: 'S1', birthDate: '1970-01-01', ...answers, situation: 'shelter' },
      201,
    );
    await call(
      cw,
      'POST',
      '/api/counts/2022/registrations',
      { initials: 'M1', birthDate: '1990-01-01', ...answers, migrantWithoutResidence: true },
      201,
    );
    const report = (await call(leader, 'GET', '/api/counts/2022/report')) as CountReport;
    expect(report.figures).toMatchObject({
      total: 7,
      migrants: '<5',
      bySituation: { street: 'x', shelter: '<5', night_shelter: 0 },
      byAgeBand: { '25_29': 'x', '50_59': '<5' },
    });
    expect(report.years).toEqual([{ year: 2022, total: 7, youth18to29: 'x', national: 5789 }]);
  });

  it('lets the leader read the report but not the people, and another municipality neither', async () => {
    const { cw, leader, admin } = await municipality();
    await call(cw, 'POST', '/api/counts', { year: 2022 }, 201);
    await call(
      cw,
      'POST',
      '/api/counts/2022/registrations',
      { initials: 'AB', birthDate: '1990-01-01', ...answers },
      201,
    );
    // How many are registered is a figure outside case work: suppressed (rule 33).
    expect(await call(leader, 'GET', '/api/counts')).toEqual([
      expect.objectContaining({ year: 2022, registered: '<5' }),
    ]);
    expect(await call(cw, 'GET', '/api/counts')).toEqual([
      expect.objectContaining({ year: 2022, registered: 1 }),
    ]);
    await call(leader, 'GET', '/api/counts/2022', undefined, 403);
    await call(admin, 'GET', '/api/counts/2022', undefined, 403);
    await call(admin, 'GET', '/api/counts/2022/report');
    const other = await municipality();
    await call(other.cw, 'GET', '/api/counts/2022', undefined, 404);
    await call(other.leader, 'GET', '/api/counts/2022/report', undefined, 404);
  });

  it('refuses registrations in a closed count and before the week has begun', async () => {
    const { cw } = await municipality();
    await call(cw, 'POST', '/api/counts', { year: 2022 }, 201);
    await call(cw, 'POST', '/api/counts/2022/close', undefined, 204);
    const closed = await cw.request({
      method: 'POST',
      url: '/api/counts/2022/registrations',
      payload: { initials: 'AB', birthDate: '1990-01-01', ...answers },
    });
    expect(closed.json()).toMatchObject({ code: 'COUNT_CLOSED' });
    await call(cw, 'POST', '/api/counts', { year: 2040 }, 201);
    const early = await cw.request({
      method: 'POST',
      url: '/api/counts/2040/registrations',
      payload: { initials: 'AB', birthDate: '1990-01-01', ...answers },
    });
    expect(early.json()).toMatchObject({ code: 'COUNT_NOT_STARTED' });
  });

  it('exports the answers for VIVE with the situation as its number and the CPR number where known', async () => {
    const { cw } = await municipality();
    const c = await homeless(cw, '2021-12-01', { cpr: '0105901234', initials: 'PQ' });
    await call(cw, 'POST', '/api/counts', { year: 2022 }, 201);
    await call(
      cw,
      'POST',
      '/api/counts/2022/registrations',
      { citizenId: c, ...answers, situation: 'shelter' },
      201,
    );
    const res = await cw.request({ method: 'GET', url: '/api/counts/2022/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toContain('cpr;initialer;foedselsdato');
    expect(lines[1]).toBe(
      '0105901234;PQ;01.05.1990;male;3;shelter;under_3_months;money|mental_illness;unknown;no;unknown;cash_benefit;danish;nej;Gadeplan',
    );
  });
});
