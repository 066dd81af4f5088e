import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandles } from '../../db/database';
import { call, tenantWith } from '../../test/factories';
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

/** A municipality with a shelter on Tilbudsportalen (1,000 kr. a day) and `residents` stays in 2026. */
async function municipalityWithStays(residents: number, otherHandlekommune = false) {
  const t = await tenantWith(app, db, ['admin', 'partner_shelter', 'economy', 'leader', 'caseworker']);
  const admin = t.users.admin.session;
  const { id } = await call(
    admin,
    'POST',
    '/api/shelters',
    {
      name: 'Herberget Syd',
      kind: 'independent',
      places: 30,
      onTilbudsportalen: true,
      dailyRate: 1_000,
      rateFrom: '2024-01-01',
    },
    201,
  );
  await call(admin, 'PUT', `/api/shelters/${id}/users`, { userId: t.users.partner_shelter.id }, 204);
  const staff = t.users.partner_shelter.session;
  const citizenIds: string[] = [];
  for (let i = 0; i < residents; i++) {
    // 1 January – 1 May 2026: 120 stay days, of which the first 90 are refunded (the 2026 limit).
    const stay = await call(
      staff,
      'POST',
      '/api/shelters/stays',
      {
        birthDate: '1990-03-01',
        initials: `T${String.fromCharCode(65 + i)}`,
        givenName: 'Test',
        familyName: `Borger ${i}`,
        admittedOn: '2026-01-01',
        admissionDecidedOn: '2026-01-01',
        handlekommune: otherHandlekommune
          ? t.municipality.code === '101'
            ? '102'
            : '101'
          : t.municipality.code,
      },
      201,
    );
    citizenIds.push(stay.citizenId);
    await call(
      staff,
      'POST',
      `/api/shelters/stays/${stay.id}/discharge`,
      { dischargedOn: '2026-05-01', dischargedTo: 'own_home' },
      204,
    );
  }
  return { ...t, citizenIds };
}

const report = (s: Session, year = 2026) => call(s, 'GET', `/api/economics?year=${year}`);

describe('the economy role sees the costs and refunds as handlekommune (issue 16 §8)', () => {
  it('prices the stay days at the rate less the own payment and refunds 50 % of the first 90 days in 2026 (rule 15)', async () => {
    const { users } = await municipalityWithStays(5);
    const r = await report(users.economy.session);
    const month = (m: string) => r.months.find((x: { month: string }) => x.month === m);
    // 913 kr. a day (1,000 − 87 egenbetaling) for 5 citizens.
    expect(month('2026-01-01')).toMatchObject({
      citizens: 5,
      shelter: 5 * 31 * 913,
      stayRefund: Math.round((5 * 31 * 913) / 2),
    });
    // April 2026: the 91st–120th stay day of the running year, beyond the limit.
    expect(month('2026-04-01')).toMatchObject({ shelter: 5 * 30 * 913, stayRefund: 0 });
    expect(r.dilemma.total).toMatchObject({ citizensBeyond: 5, beyondDays: 150, beyondNet: 150 * 913 });
    expect(r.dilemma.total.lostRefund).toBe(Math.round((150 * 913) / 2));
    expect(r.total.net).toBe(5 * 120 * 913 - Math.round((5 * 90 * 913) / 2));
    const cti = r.dilemma.housingFirst.find((h: { method: string }) => h.method === 'cti');
    expect(cti.months).toBeCloseTo((150 * 913) / (6000 + 1250), 0);
    const group = r.groups.find((g: { group: string }) => g.group === '30_49');
    expect(group).toMatchObject({ citizens: 5, shelter: 5 * 120 * 913 });
  });

  it('adds § 85 a support at the method’s monthly cost and refunds 50 % of it after the discharge (§ 176 a stk. 1, rule 13)', async () => {
    const { users, citizenIds } = await municipalityWithStays(5);
    const admin = users.admin.session;
    const team = await call(
      admin,
      'POST',
      '/api/support/teams',
      { name: 'ICM-teamet', sharedCaseload: false },
      201,
    );
    for (const citizenId of citizenIds)
      await call(
        admin,
        'POST',
        '/api/support/enrollments',
        {
          citizenId,
          method: 'icm',
          teamId: team.id,
          decisionOn: '2026-04-15',
          legalBasis: 's85a',
          startOn: '2026-05-01',
        },
        201,
      );
    const r = await report(users.economy.session);
    const june = r.months.find((x: { month: string }) => x.month === '2026-06-01');
    // ICM costs 7,500 kr. a month (the support module's default); decided before the discharge on 1 May.
    expect(june).toMatchObject({ citizens: 5, shelter: 0, support: 5 * 7500, supportRefund: (5 * 7500) / 2 });
    expect(june.net).toBe((5 * 7500) / 2);
  });

  it('adds a § 107 stay after the discharge at its monthly cost and refunds 50 % for 6 months (§ 176 a stk. 2, rule 14)', async () => {
    const { users, citizenIds } = await municipalityWithStays(5);
    for (const citizenId of citizenIds)
      await call(
        users.caseworker.session,
        'POST',
        '/api/placements',
        {
          citizenId,
          kind: 's107',
          provider: 'Bostedet Lindehuset',
          decidedOn: '2026-04-20',
          plannedMoveInOn: '2026-05-01',
          startedOn: '2026-05-01',
          monthlyCost: 30_000,
        },
        201,
      );
    const r = await report(users.economy.session);
    const month = (m: string) => r.months.find((x: { month: string }) => x.month === m);
    // Decided before the discharge on 1 May 2026: refunded from 1 May to 1 November 2026.
    expect(month('2026-06-01')).toMatchObject({ placements: 5 * 30_000, careRefund: (5 * 30_000) / 2 });
    expect(month('2026-10-01')).toMatchObject({ placements: 5 * 30_000, careRefund: (5 * 30_000) / 2 });
    expect(month('2026-11-01')).toMatchObject({ placements: 5 * 30_000, careRefund: 0, net: 5 * 30_000 });
  });

  it('leaves out the stays another municipality is handlekommune for', async () => {
    const { users } = await municipalityWithStays(5, true);
    const r = await report(users.economy.session);
    expect(r.total).toMatchObject({ citizens: 0, shelter: null, net: null });
    expect(r.dilemma.total.beyondDays).toBeNull();
  });

  it('lets the leader read the figures, and answers 403 to a caseworker', async () => {
    const { users } = await municipalityWithStays(0);
    const r = await report(users.leader.session);
    expect(r.total.net).toBeNull();
    const res = await users.caseworker.session.request({ method: 'GET', url: '/api/economics' });
    expect(res.statusCode).toBe(403);
    const settings = await users.caseworker.session.request({
      method: 'GET',
      url: '/api/economics/settings',
    });
    expect(settings.statusCode).toBe(403);
  });

  it('suppresses the figures of fewer than 5 citizens', async () => {
    const { users } = await municipalityWithStays(3);
    const r = await report(users.economy.session);
    const january = r.months.find((x: { month: string }) => x.month === '2026-01-01');
    expect(january).toMatchObject({ citizens: '<5', shelter: null, stayRefund: null, net: null });
    expect(r.dilemma.total).toMatchObject({ citizensBeyond: '<5', beyondNet: null, lostRefund: null });
    expect(r.groups.find((g: { group: string }) => g.group === '30_49')).toMatchObject({
      citizens: '<5',
      shelter: null,
    });
  });

  it('refuses a year too far ahead with a field error', async () => {
    const { users } = await municipalityWithStays(0);
    const res = await users.economy.session.request({ method: 'GET', url: '/api/economics?year=2090' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ECONOMICS_YEAR_OUT_OF_RANGE', fields: [{ path: 'year' }] });
  });
});

describe('the dated economics settings (issue 16 §7)', () => {
  const valid = {
    validFrom: '2026-01-01',
    ownPaymentPerDay: 100,
    refundSharePercent: 50,
    runningYear: 'calendar',
    daySum: 'per_citizen',
    housingMonthlyCost: 1500,
  };

  it('shows the shipped defaults: 87 kr. own payment, 50 %, rolling year per citizen, 120 then 90 days', async () => {
    const { users } = await municipalityWithStays(0);
    const s = await call(users.economy.session, 'GET', '/api/economics/settings');
    expect(s.current).toMatchObject({
      ownPaymentPerDay: 87,
      refundSharePercent: 50,
      runningYear: 'rolling',
      daySum: 'per_citizen',
    });
    expect(s.limits).toEqual([
      { validFrom: '1900-01-01', days: null, source: 'default' },
      { validFrom: '2023-10-01', days: 120, source: 'default' },
      { validFrom: '2026-01-01', days: 90, source: 'default' },
    ]);
  });

  it('lets the admin set a dated own payment, which the figures use, and a limit from a date', async () => {
    const { users } = await municipalityWithStays(5);
    const admin = users.admin.session;
    await call(admin, 'POST', '/api/economics/settings', valid);
    const s = await call(admin, 'POST', '/api/economics/settings/limits', {
      validFrom: '2026-01-01',
      days: 60,
    });
    expect(s.limits.at(-1)).toEqual({ validFrom: '2026-01-01', days: 60, source: 'municipality' });
    const r = await report(users.economy.session);
    const january = r.months.find((x: { month: string }) => x.month === '2026-01-01');
    expect(january.shelter).toBe(5 * 31 * 900);
    expect(r.dilemma.total.beyondDays).toBe(5 * 60);
  });

  it('refuses bad settings with field errors and saves nothing', async () => {
    const { users } = await municipalityWithStays(0);
    const admin = users.admin.session;
    const res = await admin.request({
      method: 'POST',
      url: '/api/economics/settings',
      payload: {
        ...valid,
        refundSharePercent: 150,
        runningYear: 'weekly',
      },
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['refundSharePercent', 'runningYear']);
    const before = await admin.request({
      method: 'POST',
      url: '/api/economics/settings/limits',
      payload: { validFrom: '2023-01-01', days: 90 },
    });
    expect(before.statusCode).toBe(400);
    expect(before.json()).toMatchObject({
      code: 'ECONOMICS_LIMIT_BEFORE_REFORM',
      fields: [{ path: 'validFrom' }],
    });
    const s = await call(admin, 'GET', '/api/economics/settings');
    expect(s.history).toEqual([expect.objectContaining({ source: 'default' })]);
    expect(s.limits.every((l: { source: string }) => l.source === 'default')).toBe(true);
  });

  it('lets only the admin change the settings', async () => {
    const { users } = await municipalityWithStays(0);
    const res = await users.economy.session.request({
      method: 'POST',
      url: '/api/economics/settings',
      payload: valid,
    });
    expect(res.statusCode).toBe(403);
  });
});
