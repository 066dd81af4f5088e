import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import { quarterOf, quarterPeriod } from '../../../shared/shelters/statistics';
import type { DatabaseHandles } from '../../db/database';
import { call, fakeCpr, tenantWith } from '../../test/factories';
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

/** A municipality with two shelters, each with a linked staff user, and an economy user. */
async function municipality() {
  const { users } = await tenantWith(app, db, ['admin', 'partner_shelter', 'caseworker', 'economy']);
  const admin = users.admin.session;
  const shelter = async (name: string) =>
    (
      await call(
        admin,
        'POST',
        '/api/shelters',
        {
          name,
          kind: 'municipal',
          places: 30,
          onTilbudsportalen: true,
          dailyRate: 1_200,
          rateFrom: '2020-01-01',
        },
        201,
      )
    ).id as string;
  const north = await shelter('Nord');
  const south = await shelter('Syd');
  await call(admin, 'PUT', `/api/shelters/${north}/users`, { userId: users.partner_shelter.id }, 204);
  return { users, north, south, staff: users.partner_shelter.session };
}

/** An admission `daysAgo` back, discharged `stayed` nights later (or still open). */
async function stay(
  staff: Session,
  daysAgo: number,
  stayed: number | null,
  extra: Record<string, unknown> = {},
  dischargedTo = 'own_home',
) {
  const admittedOn = addDays(today(), -daysAgo);
  const { id, citizenId } = await call(
    staff,
    'POST',
    '/api/shelters/stays',
    {
      cpr: fakeCpr(),
      givenName: 'Test',
      familyName: 'Beboer',
      admittedOn,
      admissionDecidedOn: admittedOn,
      handlekommune: '169',
      ...extra,
    },
    201,
  );
  if (stayed !== null)
    await call(
      staff,
      'POST',
      `/api/shelters/stays/${id}/discharge`,
      { dischargedOn: addDays(admittedOn, stayed), dischargedTo },
      204,
    );
  return { id: id as string, citizenId: citizenId as string };
}

describe('stay lengths (issue 16 §10)', () => {
  it('gives the median and distribution of stays ended in the last year, and the nights of open stays', async () => {
    const { users, staff } = await municipality();
    for (const nights of [3, 10, 40, 100, 200]) await stay(staff, 250, nights);
    for (let i = 0; i < 5; i++) await stay(staff, 20 + i, null);
    const lengths = await call(users.economy.session, 'GET', '/api/shelters/stay-lengths');
    const north = lengths.shelters.find((s: { name: string }) => s.name === 'Nord');
    expect(north.completed).toEqual({
      count: 5,
      medianNights: 40,
      meanNights: 70.6,
      // Five "<5" under a count of 5 would each be 1: the distribution is left out (issue 20 (c)).
      distribution: { '0-7': 'x', '8-30': 'x', '31-90': 'x', '91-120': 'x', '121-365': 'x', '366+': 'x' },
    });
    expect(north.current).toEqual({ count: 5, medianNights: 22 });
    expect(lengths.total.completed.medianNights).toBe(40);
  });

  it('suppresses the count and median of a shelter with fewer than five stays for readers outside case work', async () => {
    const { users, staff } = await municipality();
    await stay(staff, 30, 5);
    await stay(staff, 30, 9);
    const lengths = await call(users.economy.session, 'GET', '/api/shelters/stay-lengths');
    const north = lengths.shelters.find((s: { name: string }) => s.name === 'Nord');
    expect(north.completed).toMatchObject({ count: '<5', medianNights: null, meanNights: null });
    const south = lengths.shelters.find((s: { name: string }) => s.name === 'Syd');
    expect(south.completed.count).toBe(0);
  });

  it("shows a shelter's staff only their own shelter", async () => {
    const { staff } = await municipality();
    const lengths = await call(staff, 'GET', '/api/shelters/stay-lengths');
    expect(lengths.shelters.map((s: { name: string }) => s.name)).toEqual(['Nord']);
  });

  it('counts the stays ended in each of the last eight quarters', async () => {
    const { users, staff } = await municipality();
    for (let i = 0; i < 5; i++) await stay(staff, 400, 20 + i);
    const { quarters } = await call(users.economy.session, 'GET', '/api/shelters/stay-lengths');
    expect(quarters).toHaveLength(8);
    // The five ended 380 to 376 days ago: in one quarter, or split over two.
    const expected = new Map<string, number>();
    for (let i = 0; i < 5; i++) {
      const q = quarterOf(addDays(today(), -400 + 20 + i));
      expected.set(q, (expected.get(q) ?? 0) + 1);
    }
    for (const [q, n] of expected) {
      const row = quarters.find((x: { quarter: string }) => x.quarter === q);
      expect(row).toMatchObject({ completed: n < 5 ? '<5' : n, medianNights: n < 5 ? null : 22 });
    }
    expect(quarters.at(-1).quarter).toBe(quarterOf(today()));
  });

  it('is not for a caseworker', async () => {
    const { users } = await municipality();
    const res = await users.caseworker.session.request({ method: 'GET', url: '/api/shelters/stay-lengths' });
    expect(res.statusCode).toBe(403);
  });
});

describe('the quarterly stay report to Danmarks Statistik (issue 16 §9)', () => {
  const quarter = quarterOf(today());
  const start = quarterPeriod(quarter).from;
  const daysIntoQuarter = Math.round((Date.parse(today()) - Date.parse(start)) / 86_400_000);

  it('lists the stays that lack a CPR number, a last whereabouts or a move-out destination', async () => {
    const { users, staff } = await municipality();
    // Known by the by-name list as sleeping rough before the admission: a complete row.
    const cpr = fakeCpr();
    await call(
      users.caseworker.session,
      'POST',
      '/api/citizens',
      {
        cpr,
        givenName: 'Ole',
        familyName: 'Sand',
        firstEpisode: { situation: 'street', fromDate: addDays(start, -30) },
      },
      201,
    );
    await stay(staff, daysIntoQuarter, null, { cpr });
    // Without CPR and without earlier whereabouts, discharged to an unknown place.
    const anonymous = await stay(
      staff,
      daysIntoQuarter,
      0,
      { cpr: undefined, birthDate: '1980-02-02', initials: 'KL' },
      'unknown',
    );
    const check = await call(staff, 'GET', `/api/shelters/dst-report?quarter=${quarter}`);
    expect(check).toMatchObject({
      quarter,
      stays: 2,
      complete: 1,
      gaps: { cpr: 1, last_stay: 1, moved_to: 1 },
    });
    expect(check.incomplete).toEqual([
      expect.objectContaining({ stayId: anonymous.id, gaps: ['cpr', 'last_stay', 'moved_to'] }),
    ]);
  });

  it('downloads the file with a header and one line per stay, the CPR number in it', async () => {
    const { staff } = await municipality();
    const cpr = fakeCpr();
    await stay(staff, daysIntoQuarter, null, { cpr });
    const res = await staff.request({
      method: 'GET',
      url: `/api/shelters/dst-report/file?quarter=${quarter}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`herbergsophold-${quarter}.csv`);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]?.startsWith('kvartal;opholdstype;boform;cpr')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.split(';').slice(0, 4)).toEqual([quarter, '110', 'Nord', cpr]);
  });

  it("does not put another shelter's stays in the report", async () => {
    const a = await municipality();
    const b = await municipality();
    await stay(a.staff, daysIntoQuarter, null);
    const check = await call(b.staff, 'GET', `/api/shelters/dst-report?quarter=${quarter}`);
    expect(check.stays).toBe(0);
  });

  it('refuses a quarter that has not begun and a quarter written wrong, naming the field', async () => {
    const { staff } = await municipality();
    const future = await staff.request({
      method: 'GET',
      url: `/api/shelters/dst-report?quarter=${Number(today().slice(0, 4)) + 1}-Q1`,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ path: 'quarter', code: 'future_date' }]);
    const bad = await staff.request({ method: 'GET', url: '/api/shelters/dst-report?quarter=2026-Q5' });
    expect(bad.statusCode).toBe(400);
  });
});
