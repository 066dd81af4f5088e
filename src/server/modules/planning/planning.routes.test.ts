import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioDetail } from '../../../shared/planning/api';
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

const YEAR = new Date().getFullYear();

/** A municipality with a leader, an allocation worker, a caseworker, the economy role and six homeless people. */
async function municipality() {
  const t = await tenantWith(app, db, ['leader', 'allocation', 'caseworker', 'economy']);
  for (let i = 0; i < 6; i++)
    await createCitizen(t.users.caseworker.session, {
      firstEpisode: { situation: i % 2 === 0 ? 'street' : 'shelter', fromDate: `${YEAR - 1}-03-01` },
    });
  return t;
}

/** Reads a scenario until its run has ended (a run reports its progress as it goes). */
async function finished(session: Session, id: string): Promise<{ detail: ScenarioDetail; seen: number[] }> {
  const seen: number[] = [];
  for (;;) {
    const detail: ScenarioDetail = await call(session, 'GET', `/api/planning/scenarios/${id}`);
    seen.push(detail.progress);
    if (detail.status !== 'running') return { detail, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('planning scenarios (issue 19 §3–4, §6)', () => {
  it('runs a baseline off the request path: saved as running, then done with five years of monthly bands and yearly figures', async () => {
    const { users } = await municipality();
    const leader = users.leader.session;
    const started = await call(
      leader,
      'POST',
      '/api/planning/scenarios',
      { name: 'Basis', scenario: { years: 5 }, draws: 200 },
      202,
    );
    expect(started).toMatchObject({
      name: 'Basis',
      status: 'running',
      draws: 200,
      seed: 2026,
      inReport: false,
    });
    const { detail, seen } = await finished(leader, started.id);
    expect(detail.status).toBe('done');
    expect(detail.progress).toBe(1);
    expect(seen.every((p, i) => i === 0 || p >= (seen[i - 1] as number))).toBe(true);
    const result = detail.result;
    expect(result?.monthEnds).toHaveLength(60);
    expect(result?.years.map((y) => y.year)).toEqual([1, 2, 3, 4, 5]);
    for (const band of result?.series.homeless ?? []) {
      expect(band.low).toBeLessThanOrEqual(band.mean);
      expect(band.mean).toBeLessThanOrEqual(band.high);
    }
    // Every forecast year holds one January: the week-6 count's month end (rule 5).
    expect(result?.years.every((y) => y.countWeek6?.onMonthEnd.slice(5, 7) === '01')).toBe(true);
    expect(detail.fittedUpTo).toBe(
      new Date(Date.UTC(Number(detail.createdAt.slice(0, 4)), Number(detail.createdAt.slice(5, 7)) - 1, 0))
        .toISOString()
        .slice(0, 10),
    );
    const { scenarios } = await call(leader, 'GET', '/api/planning/scenarios');
    expect(scenarios.map((s: { id: string }) => s.id)).toEqual([started.id]);
  });

  it('gives the same forecast for the same scenario and seed (the seeded Monte Carlo is reproducible)', async () => {
    const { users } = await municipality();
    const leader = users.leader.session;
    const body = { name: 'Stay', scenario: { years: 1, shelterStayMonths: 2 }, draws: 100, seed: 7 };
    const a = await call(leader, 'POST', '/api/planning/scenarios', body, 202);
    const b = await call(leader, 'POST', '/api/planning/scenarios', body, 202);
    const [first, second] = [(await finished(leader, a.id)).detail, (await finished(leader, b.id)).detail];
    expect(first.result).toEqual(second.result);
    expect(first.result?.assumptions.shelterStayMonths).toBeCloseTo(2, 6);
  });

  it('refuses a quota for an organisation without one in the agreements, naming the field', async () => {
    const { users } = await municipality();
    const org = randomUUID();
    const res = await users.leader.session.request({
      method: 'POST',
      url: '/api/planning/scenarios',
      payload: { name: 'Kvote', scenario: { years: 2, quotaPercent: { [org]: 40 } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'PLANNING_UNKNOWN_ORGANISATION',
      fields: [{ path: `scenario.quotaPercent.${org}`, code: 'unknown' }],
    });
  });

  it('refuses a scenario of six years, naming the field', async () => {
    const { users } = await municipality();
    const res = await users.leader.session.request({
      method: 'POST',
      url: '/api/planning/scenarios',
      payload: { name: 'Lang', scenario: { years: 6 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([expect.objectContaining({ path: 'scenario.years' })]);
  });

  it('adds a finished scenario to the committee report and takes it out, audited; a running one is refused', async () => {
    const { users, municipality: m } = await municipality();
    const leader = users.leader.session;
    const started = await call(
      leader,
      'POST',
      '/api/planning/scenarios',
      { name: 'Basis', scenario: { years: 1 }, draws: 100 },
      202,
    );
    // Straight after it starts the run is not done: it may not go in the report yet.
    const early = await leader.request({
      method: 'PUT',
      url: `/api/planning/scenarios/${started.id}/report`,
      payload: { inReport: true },
    });
    if (early.statusCode !== 204) expect(early.json().code).toBe('PLANNING_NOT_DONE');
    await finished(leader, started.id);
    await call(leader, 'PUT', `/api/planning/scenarios/${started.id}/report`, { inReport: true }, 204);
    expect((await call(leader, 'GET', `/api/planning/scenarios/${started.id}`)).inReport).toBe(true);
    await call(leader, 'PUT', `/api/planning/scenarios/${started.id}/report`, { inReport: false }, 204);
    const actions = await db.owner
      .selectFrom('audit_event')
      .select('action')
      .where('municipality_id', '=', m.id)
      .where('entity_id', '=', started.id)
      .orderBy('id')
      .execute();
    // A run fast enough to be done before the early request went in the report then, audited too.
    expect(actions.map((a) => a.action)).toEqual([
      'planning_scenario.create',
      ...(early.statusCode === 204 ? ['planning_scenario.report'] : []),
      'planning_scenario.report',
      'planning_scenario.report',
    ]);
  });

  it('deletes a scenario, and answers "not found" for it afterwards and for another municipality', async () => {
    const a = await municipality();
    const b = await municipality();
    const started = await call(
      a.users.leader.session,
      'POST',
      '/api/planning/scenarios',
      { name: 'Slet', scenario: { years: 1 }, draws: 100 },
      202,
    );
    await finished(a.users.leader.session, started.id);
    await call(b.users.leader.session, 'GET', `/api/planning/scenarios/${started.id}`, undefined, 404);
    await call(b.users.leader.session, 'DELETE', `/api/planning/scenarios/${started.id}`, undefined, 404);
    expect((await call(b.users.leader.session, 'GET', '/api/planning/scenarios')).scenarios).toEqual([]);
    await call(a.users.leader.session, 'DELETE', `/api/planning/scenarios/${started.id}`, undefined, 204);
    await call(a.users.leader.session, 'GET', `/api/planning/scenarios/${started.id}`, undefined, 404);
  });

  it('lets the allocation role read the baseline but not run a scenario, and the caseworker neither', async () => {
    const { users } = await municipality();
    const baseline = await call(users.allocation.session, 'GET', '/api/planning/baseline');
    expect(baseline.fitMonths).toBe(36);
    expect(baseline.past.monthEnds).toHaveLength(37);
    await call(
      users.allocation.session,
      'POST',
      '/api/planning/scenarios',
      { name: 'X', scenario: { years: 1 } },
      403,
    );
    await call(users.caseworker.session, 'GET', '/api/planning/baseline', undefined, 403);
  });

  it('shows a run whose process stopped (no progress for two minutes) as failed, so it can be run again', async () => {
    const { users } = await municipality();
    const leader = users.leader.session;
    const started = await call(
      leader,
      'POST',
      '/api/planning/scenarios',
      { name: 'Afbrudt', scenario: { years: 1 }, draws: 100 },
      202,
    );
    await finished(leader, started.id);
    // As if the server had stopped mid-run three minutes ago.
    await db.owner
      .updateTable('planning_scenario')
      .set({ status: 'running', progress: 0.4, result: null, updated_at: new Date(Date.now() - 180_000) })
      .where('id', '=', started.id)
      .execute();
    const detail = await call(leader, 'GET', `/api/planning/scenarios/${started.id}`);
    expect(detail).toMatchObject({ status: 'failed', error: 'PLANNING_INTERRUPTED', progress: 0.4 });
  });
});
