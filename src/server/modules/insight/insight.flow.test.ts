import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthsBefore, today } from '../../../shared/dates';
import { monthStartBefore } from '../../../shared/insight/flow';
import type { InsightFlow, ReportedFlowMonth } from '../../../shared/insight/report';
import type { DatabaseHandles } from '../../db/database';
import { call, createCitizen, tenantWith } from '../../test/factories';
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

const now = today();
/** The first day of the month `k` months before this one. */
const startOf = (k: number) => monthStartBefore(now, k);
/** The month end `k` months before this one (today for this month). */
const endOf = (k: number) => (k === 0 ? now : addDays(startOf(k - 1), -1));

const flowOf = async (s: Session, months?: number) =>
  (await call(s, 'GET', `/api/insight/flow${months ? `?months=${months}` : ''}`)) as InsightFlow;
const at = (rows: readonly ReportedFlowMonth[], k: number) => rows.find((m) => m.monthEnd === endOf(k));

const contact = (s: Session, id: string, contactOn: string) =>
  call(s, 'POST', `/api/citizens/${id}/contacts`, { contactOn, channel: 'meeting' }, 201);
const episode = (s: Session, id: string, situation: string, fromDate: string) =>
  call(s, 'POST', `/api/citizens/${id}/episodes`, { situation, fromDate }, 201);

describe('GET /api/insight/flow (issue 18 §2, rule 35)', () => {
  it('rule 35: counts active, newly identified and housed per month end, with the identity and small numbers suppressed', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader', 'admin', 'allocation']);
    const cw = users.caseworker.session;
    // Six couch surfers since three months ago, seen every month: they stay active (domain.md §9).
    for (let i = 0; i < 6; i++) {
      const { id } = await createCitizen(cw, {
        firstEpisode: {
          situation: 'family_friends',
          fromDate: startOf(3),
          temporary: true,
          hasContract: false,
        },
      });
      await contact(cw, id, startOf(1));
      await contact(cw, id, startOf(0));
    }
    // Five on the street since three months ago, housed last month.
    for (let i = 0; i < 5; i++) {
      const { id } = await createCitizen(cw, { firstEpisode: { situation: 'street', fromDate: startOf(3) } });
      await episode(cw, id, 'housed', startOf(1));
    }
    // Two young people (aged 20) newly on the street last month.
    for (let i = 0; i < 2; i++)
      await createCitizen(cw, {
        birthDate: monthsBefore(now, 20 * 12 + 6),
        firstEpisode: { situation: 'street', fromDate: startOf(1) },
      });

    const res = await flowOf(users.leader.session);
    expect(res.months).toBe(24);
    expect(res.overall).toHaveLength(24);
    expect(res.overall.at(-1)?.monthEnd).toBe(now);
    expect(res.overall[0]?.monthEnd).toBe(endOf(23));
    expect(res.policy).toEqual({ noContactDays: 90, institutionDays: 90 });
    // Three months ago: eleven newly identified, and the figures add up.
    expect(at(res.overall, 3)).toMatchObject({
      activeBefore: 0,
      newlyIdentified: 11,
      inflow: 11,
      outflow: 0,
      active: 11,
      balanced: true,
    });
    expect(at(res.overall, 2)).toMatchObject({
      activeBefore: 11,
      inflow: 0,
      outflow: 0,
      active: 11,
      balanced: true,
    });
    // Last month: two in ("<5"), five housed; the outflow is hidden, as 11 + inflow − outflow = 8 would
    // otherwise give the inflow away, and so are its kinds.
    expect(at(res.overall, 1)).toMatchObject({
      activeBefore: 11,
      inflow: '<5',
      newlyIdentified: '<5',
      outflow: 'x',
      housed: 'x',
      active: 8,
      balanced: null,
    });
    expect(at(res.overall, 0)).toMatchObject({
      activeBefore: 8,
      inflow: 0,
      outflow: 0,
      active: 8,
      balanced: true,
    });
    // Before anyone was known: nothing.
    expect(at(res.overall, 10)).toMatchObject({ active: 0, inflow: 0, outflow: 0, balanced: true });
    // The young people: two, suppressed.
    expect(at(res.youth, 1)).toMatchObject({
      activeBefore: 0,
      newlyIdentified: '<5',
      active: '<5',
      balanced: null,
    });
    // By age band: the young "<5", so the 30–39-year-olds beside them are hidden too.
    const bands = res.byAgeBand.find((m) => m.monthEnd === endOf(1))?.bands ?? [];
    expect(bands.find((b) => b.band === '18_24')).toMatchObject({ active: '<5' });
    expect(bands.find((b) => b.band === '30_39')).toMatchObject({ active: 'x' });
    expect(bands.find((b) => b.band === '60_plus')).toMatchObject({ active: 0, inflow: 0, outflow: 0 });
    expect(
      res.byAgeBand.find((m) => m.monthEnd === endOf(3))?.bands.find((b) => b.band === '30_39'),
    ).toMatchObject({
      active: 11,
      inflow: 11,
    });
    // Where every term is shown, rule 35 holds month after month.
    const shown = res.overall.filter((m) => m.balanced !== null);
    expect(shown.every((m) => m.balanced)).toBe(true);
    // The administrator, the caseworker and the allocation role may read it too; months is bounded.
    await flowOf(users.admin.session);
    await flowOf(users.caseworker.session);
    expect((await flowOf(users.allocation.session, 36)).overall).toHaveLength(36);
    await call(users.leader.session, 'GET', '/api/insight/flow?months=37', undefined, 400);
  });

  it('rule 36: citizens who move away go out as moved to inactive and are still counted before', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'leader']);
    const cw = users.caseworker.session;
    for (let i = 0; i < 6; i++) {
      const { id } = await createCitizen(cw, {
        firstEpisode: { situation: 'shelter', fromDate: startOf(2) },
      });
      await call(cw, 'PATCH', `/api/citizens/${id}`, { movedAwayOn: startOf(1) });
    }
    const res = await flowOf(users.leader.session, 6);
    expect(res.overall).toHaveLength(6);
    expect(at(res.overall, 2)).toMatchObject({ newlyIdentified: 6, active: 6 });
    expect(at(res.overall, 1)).toMatchObject({
      activeBefore: 6,
      movedToInactive: 6,
      outflow: 6,
      active: 0,
      balanced: true,
    });
  });

  it('is for the roles granted insight.flow: the economy role gets 403, and another municipality sees none of it', async () => {
    const { users } = await tenantWith(app, db, ['leader', 'economy']);
    await call(users.economy.session, 'GET', '/api/insight/flow', undefined, 403);
    const res = await flowOf(users.leader.session);
    for (const m of res.overall)
      expect([m.activeBefore, m.active, m.inflow, m.outflow]).toEqual([0, 0, 0, 0]);
    for (const m of res.byAgeBand) expect(m.bands.every((b) => b.active === 0)).toBe(true);
  });
});
