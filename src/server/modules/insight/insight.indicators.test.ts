import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, today } from '../../../shared/dates';
import {
  INDICATOR_KEYS,
  type IndicatorSet,
  type ReportedIndicator,
} from '../../../shared/insight/indicators';
import type { DatabaseHandles } from '../../db/database';
import { demoUsername, seedDemo } from '../../demo/seed';
import {
  call,
  createApprovedApplication,
  createCitizen,
  createDepartment,
  createNotice,
  createVacancy,
  tenantWith,
} from '../../test/factories';
import { login, type Session, testApp, testDatabase } from '../../test/helpers';

const PASSWORD = 'demo-password-long';
const onPostgres = Boolean(process.env.DATABASE_URL);
let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  // The demo municipality has a fixed kommunekode, so it is seeded on PGlite only (as the other
  // demo seed tests); the tests with their own municipality run on both.
  if (!onPostgres) await seedDemo(db, PASSWORD);
  app = await testApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const FROM = '2025-01-01';
const TO = '2025-12-31';
const indicatorsOf = async (s: Session, query = `?from=${FROM}&to=${TO}`) =>
  (await call(s, 'GET', `/api/insight/indicators${query}`)) as IndicatorSet;
const pick = (set: IndicatorSet, key: ReportedIndicator['key']) =>
  set.indicators.find((i) => i.key === key) as ReportedIndicator;
const episode = (s: Session, id: string, situation: string, fromDate: string) =>
  call(s, 'POST', `/api/citizens/${id}/episodes`, { situation, fromDate }, 201);
const couch = { situation: 'family_friends' as const, temporary: true, hasContract: false };

describe('GET /api/insight/indicators (issue 18 §3)', () => {
  it('HUD SPM 1, 2, 5 and 7b.1: days homeless, exits to an own home, returns and first-time homeless follow the whereabouts', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    const cw = users.caseworker.session;
    // Ten on the street since before the period, housed on 1 March; five of them back on the
    // street on 15 July (within 6 months of the exit).
    for (let i = 0; i < 10; i++) {
      const { id } = await createCitizen(cw, {
        firstEpisode: { situation: 'street', fromDate: '2024-11-01' },
      });
      await episode(cw, id, 'housed', '2025-03-01');
      if (i < 5) await episode(cw, id, 'street', '2025-07-15');
    }
    // Five couch surfers new on 1 May, never homeless before: first-time homeless.
    for (let i = 0; i < 5; i++)
      await createCitizen(cw, { firstEpisode: { ...couch, fromDate: '2025-05-01' } });

    const res = await indicatorsOf(users.leader.session);
    expect(res.from).toBe(FROM);
    expect(res.to).toBe(TO);
    expect(res.indicators.map((i) => i.key)).toEqual([...INDICATOR_KEYS]);

    // SPM 1: each person's days of the spells that touch the period, up to its end.
    const firstSpell = daysBetween('2024-11-01', '2025-03-01');
    const returned = firstSpell + daysBetween('2025-07-15', '2026-01-01');
    const newcomer = daysBetween('2025-05-01', '2026-01-01');
    const days = [...Array(5).fill(firstSpell), ...Array(5).fill(returned), ...Array(5).fill(newcomer)].sort(
      (a, b) => a - b,
    );
    const mean = Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10;
    expect(pick(res, 'daysHomeless')).toEqual({
      key: 'daysHomeless',
      unit: 'days',
      n: 15,
      values: { median: days[7], mean },
    });
    // SPM 7b.1 / Built for Zero "housed": ten of the fifteen homeless in the period moved home.
    expect(pick(res, 'exitsToHousing')).toMatchObject({ n: 15, values: { housed: 10, housedShare: 0.667 } });
    // SPM 2: the exits from July 2024 to June 2025 are followed for 6 months: five of ten returned.
    expect(pick(res, 'returns6')).toMatchObject({ n: 10, values: { returned: 5, returnedShare: 0.5 } });
    // The 12- and 24-month cohorts (exits in 2024 and in 2023) are empty.
    expect(pick(res, 'returns12')).toMatchObject({ n: 0, values: { returned: 0, returnedShare: null } });
    expect(pick(res, 'returns24')).toMatchObject({ n: 0 });
    // SPM 5: ten became homeless in the period; the five returners were homeless within 24 months.
    expect(pick(res, 'firstTimeHomeless')).toMatchObject({
      n: 10,
      values: { firstTime: 5, firstTimeShare: 0.5 },
    });

    // A year later the exits of March 2025 are in the 12-month cohort, and the returns still count.
    const later = await indicatorsOf(users.leader.session, '?from=2026-01-01&to=2026-12-31');
    expect(pick(later, 'returns12')).toMatchObject({ n: 10, values: { returned: 5, returnedShare: 0.5 } });
    expect(pick(later, 'returns6')).toMatchObject({ n: 0 });
    // Before anything happened: nothing, and no median over nobody.
    const before = await indicatorsOf(users.leader.session, '?from=2020-01-01&to=2020-12-31');
    expect(pick(before, 'daysHomeless')).toMatchObject({ n: 0, values: { median: null, mean: null } });
  });

  it('rule 2: a prison stay counts as homeless only from one month before the release without a housing solution', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    const cw = users.caseworker.session;
    for (let i = 0; i < 5; i++) {
      const { id } = await createCitizen(cw, {
        firstEpisode: {
          situation: 'prison',
          fromDate: '2025-01-10',
          releaseDate: '2025-06-15',
          housingSolution: false,
        },
      });
      await episode(cw, id, 'housed', '2025-06-15');
    }
    // With a housing solution arranged the stay is an institution: not homeless at all.
    for (let i = 0; i < 5; i++)
      await createCitizen(cw, {
        firstEpisode: {
          situation: 'prison',
          fromDate: '2025-01-10',
          releaseDate: '2025-06-15',
          housingSolution: true,
        },
      });
    const res = await indicatorsOf(users.leader.session);
    expect(pick(res, 'daysHomeless')).toMatchObject({
      n: 5,
      values: { median: daysBetween('2025-05-15', '2025-06-15'), mean: 31 },
    });
    expect(pick(res, 'exitsToHousing')).toMatchObject({ n: 5, values: { housed: 5, housedShare: 1 } });
    expect(pick(res, 'firstTimeHomeless')).toMatchObject({ n: 5, values: { firstTime: 5 } });
  });

  it('HUD SPM 7b.2, the waiting time, the agreement units and the eviction outcomes come from the allocation, housing and prevention modules', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation', 'prevention', 'leader']);
    const cw = users.caseworker.session;
    const officer = users.allocation.session;
    const { orgId, deptId } = await createDepartment(officer);
    // An agreement since 2024: every 4th of the department's vacant family units.
    await call(
      officer,
      'POST',
      '/api/housing/agreements',
      {
        organisationId: orgId,
        name: 'Rammeaftale',
        validFrom: '2024-01-01',
        quotas: [{ departmentId: deptId, unitType: 'family', quotaPercent: 25 }],
      },
      201,
    );
    // Ten approved applications, approved 10, 20, … 100 days ago, each offered a vacancy today and
    // accepted; all moved in on 1 March 2024, and five of them back on the street on 1 October 2024.
    for (let i = 1; i <= 10; i++) {
      const application = await createApprovedApplication(cw, officer);
      await db.owner
        .updateTable('application_event')
        .set({ at: new Date(`${addDays(today(), -10 * i)}T12:00:00Z`) })
        .where('application_id', '=', application.id)
        .where('to_status', '=', 'approved')
        .execute();
      const vacancy = await createVacancy(officer, deptId);
      const offer = await call(
        officer,
        'POST',
        `/api/allocation/vacancies/${vacancy.id}/offers`,
        { applicationId: application.id },
        201,
      );
      const accepted = await call(officer, 'POST', `/api/allocation/offers/${offer.id}/accept`, {
        leaseSignedOn: '2024-02-15',
      });
      await call(officer, 'POST', `/api/allocation/tenancies/${accepted.id}/move-in`, {
        movedInOn: '2024-03-01',
      });
      if (i <= 5) await episode(cw, application.citizenId, 'street', '2024-10-01');
    }
    // Twelve notices today: five averted, five evicted, two still open.
    const outcomes = ['averted_paid', 'averted_plan', 'averted_help', 'averted_paid', 'averted_paid'];
    for (let i = 0; i < 12; i++) {
      const { caseId } = await createNotice(users.prevention.session, { departmentId: deptId });
      const outcome = i < 5 ? outcomes[i] : i < 10 ? 'evicted' : null;
      if (outcome)
        await call(users.prevention.session, 'POST', `/api/prevention/cases/${caseId}/outcome`, {
          outcome,
          outcomeOn: today(),
        });
    }

    // Retention: the move-ins of 2024 judged 12 months later, in 2025: five of ten still housed.
    const year = await indicatorsOf(users.leader.session);
    expect(pick(year, 'retention12')).toMatchObject({ n: 10, values: { retained: 5, retainedShare: 0.5 } });

    const recent = await indicatorsOf(users.leader.session, '');
    // From approval to offer: 10, 20, … 100 days.
    expect(pick(recent, 'waitingApprovalToOffer')).toMatchObject({ n: 10, values: { median: 55, mean: 55 } });
    // Agreed as the dialogue-meeting report expects them; ten received today, all let.
    const report = await call(
      officer,
      'GET',
      `/api/housing/organisations/${orgId}/report?from=${recent.from}&to=${recent.to}`,
    );
    const units = pick(recent, 'agreementUnits');
    expect(report.totals.expected).toBeGreaterThan(2);
    expect(units).toMatchObject({
      n: 10,
      values: {
        agreed: Math.round(report.totals.expected * 10) / 10,
        received: 10,
        used: 10,
        returnedUnused: 0,
      },
    });
    expect(pick(recent, 'evictions')).toEqual({
      key: 'evictions',
      unit: 'cases',
      n: 10,
      values: { notices: 12, cases: 12, averted: 5, moved: 0, evicted: 5, avertedShare: 0.5 },
    });
  });

  it('rule 33: counts below 5 are shown as "<5", and a median, mean or share over fewer than 5 is not shown', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    const cw = users.caseworker.session;
    for (let i = 0; i < 3; i++) {
      const { id } = await createCitizen(cw, {
        firstEpisode: { situation: 'shelter', fromDate: '2025-02-01' },
      });
      if (i === 0) await episode(cw, id, 'housed', '2025-04-01');
    }
    const res = await indicatorsOf(users.leader.session);
    expect(pick(res, 'daysHomeless')).toEqual({
      key: 'daysHomeless',
      unit: 'days',
      n: '<5',
      values: { median: null, mean: null },
    });
    expect(pick(res, 'exitsToHousing')).toMatchObject({
      n: '<5',
      values: { housed: '<5', housedShare: null },
    });
    expect(pick(res, 'firstTimeHomeless')).toMatchObject({
      n: '<5',
      values: { firstTime: '<5', firstTimeShare: null },
    });
    // Nothing else happened in this municipality: zeros are shown, they name nobody.
    expect(pick(res, 'evictions')).toMatchObject({
      n: 0,
      values: { notices: 0, cases: 0, avertedShare: null },
    });
    expect(pick(res, 'agreementUnits')).toMatchObject({ n: 0, values: { agreed: 0, received: 0, used: 0 } });
  });

  it('insight.indicators: the leader, economy, administrator and caseworker may read the indicators, other roles not; the period is checked', async () => {
    const { users } = await tenantWith(app, db, [
      'leader',
      'economy',
      'admin',
      'caseworker',
      'allocation',
      'support',
    ]);
    for (const role of ['leader', 'economy', 'admin', 'caseworker'] as const)
      await indicatorsOf(users[role].session);
    await call(users.allocation.session, 'GET', '/api/insight/indicators', undefined, 403);
    await call(users.support.session, 'GET', '/api/insight/indicators', undefined, 403);
    // Without a period: the last 12 months up to today.
    const res = await indicatorsOf(users.leader.session, '');
    expect(res.to > res.from).toBe(true);
    expect(daysBetween(res.from, res.to)).toBeLessThanOrEqual(365);
    expect(daysBetween(res.from, res.to)).toBeGreaterThanOrEqual(364);
    const s = users.leader.session;
    await call(s, 'GET', '/api/insight/indicators?from=2025-02-01&to=2025-01-01', undefined, 400);
    await call(s, 'GET', '/api/insight/indicators?from=2025-02-01', undefined, 400);
    await call(s, 'GET', '/api/insight/indicators?from=2025-02-30&to=2025-03-01', undefined, 400);
  });

  it.skipIf(onPostgres)(
    'the demo municipality shows every indicator from its modules’ data, small numbers suppressed',
    async () => {
      const leader = await login(app, demoUsername('leader'), PASSWORD);
      const res = await indicatorsOf(leader, '');
      const days = pick(res, 'daysHomeless');
      expect(typeof days.n === 'number' && days.n >= 5).toBe(true);
      expect(typeof days.values.median).toBe('number');
      expect(typeof days.values.mean).toBe('number');
      // Days homeless and exits share their basis: the persons homeless in the period.
      expect(pick(res, 'exitsToHousing').n).toBe(days.n);
      // Every value is a number, "<5", "x" or not shown; no count of 1–4 is shown.
      for (const i of res.indicators) {
        if (typeof i.n === 'number') expect(i.n === 0 || i.n >= 5 || i.unit === 'units').toBe(true);
        for (const v of Object.values(i.values))
          expect(v === null || typeof v === 'number' || v === '<5' || v === 'x').toBe(true);
      }
      const units = pick(res, 'agreementUnits');
      expect(units.values.agreed as number).toBeGreaterThan(0);
      expect(units.values.received as number).toBeGreaterThanOrEqual(units.values.used as number);
      expect(pick(res, 'evictions').values.notices).not.toBe(0);
      expect(pick(res, 'shelterStays').n).not.toBe(0);
      expect(pick(res, 'waitingApprovalToOffer').n).not.toBe(0);
      expect(typeof pick(res, 'supportFidelity').values.load).toBe('number');
    },
  );
});
