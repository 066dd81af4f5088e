import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../../shared/dates';
import type { Dashboard } from '../../../shared/insight/dashboard';
import type { DatabaseHandles } from '../../db/database';
import { call, createDepartment, createNotice, createVacancy, tenantWith } from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';

let db: DatabaseHandles;
let app: FastifyInstance;

beforeAll(async () => {
  db = await testDatabase();
  app = await testApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const thisMonth = () => today().slice(0, 7);

describe('the dashboards (issue 18 §4)', () => {
  it('show each role its own sections: the leader all, economy costs and supply, allocation and prevention their flow', async () => {
    const { users } = await tenantWith(app, db, ['leader', 'economy', 'allocation', 'prevention', 'admin']);
    const sections = async (role: keyof typeof users) => {
      const d = (await call(users[role].session, 'GET', '/api/insight/dashboard')) as Dashboard;
      return (['outcomes', 'economy', 'allocation', 'prevention'] as const).filter((s) => d[s] !== null);
    };
    expect(await sections('leader')).toEqual(['outcomes', 'economy', 'allocation', 'prevention']);
    expect(await sections('admin')).toEqual(['outcomes', 'economy', 'allocation', 'prevention']);
    expect(await sections('economy')).toEqual(['economy']);
    expect(await sections('allocation')).toEqual(['allocation']);
    expect(await sections('prevention')).toEqual(['prevention']);
  });

  it('are closed to the case-working roles that steer by no aggregate', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'support']);
    await call(users.caseworker.session, 'GET', '/api/insight/dashboard', undefined, 403);
    await call(users.support.session, 'GET', '/api/insight/dashboard', undefined, 403);
  });

  it('lay out twelve months up to this one, each month once, with the teams’ events counted in their month', async () => {
    const { users } = await tenantWith(app, db, ['allocation', 'prevention', 'leader']);
    const { deptId } = await createDepartment(users.allocation.session);
    for (let i = 0; i < 6; i++) await createVacancy(users.allocation.session, deptId);
    for (let i = 0; i < 7; i++) await createNotice(users.prevention.session);
    const d = (await call(users.leader.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    const allocation = d.allocation?.flow;
    const prevention = d.prevention?.flow;
    expect(allocation?.months.map((m) => m.month)).toHaveLength(12);
    expect(allocation?.months.at(-1)).toMatchObject({ month: thisMonth(), vacancies: 6, offers: 0 });
    expect(allocation?.totals.vacancies).toBe(6);
    expect(prevention?.months.at(-1)).toMatchObject({ month: thisMonth(), notices: 7, evicted: 0 });
    expect(prevention?.totals.notices).toBe(7);
    expect(d.outcomes?.flow).toHaveLength(12);
  });

  it('rule 33: suppress a small month for the leader at the municipality’s own limit, never showing 1 to limit − 1', async () => {
    const { users } = await tenantWith(app, db, ['prevention', 'leader', 'admin']);
    for (let i = 0; i < 6; i++) await createNotice(users.prevention.session);
    const before = (await call(users.leader.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    expect(before.prevention?.flow.months.at(-1)?.notices).toBe(6);
    await call(users.admin.session, 'PUT', '/api/insight/suppression-limit', { suppressionLimit: 7 });
    const after = (await call(users.leader.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    expect(after.prevention?.flow.months.at(-1)?.notices).toBe('<7');
    expect(after.prevention?.flow.totals.notices).toBe('<7');
  });

  it('show a team its own flow as it is: the prevention team works each of these notices by name (rule 33 covers figures that leave case work)', async () => {
    const { users } = await tenantWith(app, db, ['prevention', 'allocation']);
    for (let i = 0; i < 2; i++) await createNotice(users.prevention.session);
    const own = (await call(users.prevention.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    expect(own.prevention?.flow.months.at(-1)?.notices).toBe(2);
    expect(own.prevention?.flow.totals.notices).toBe(2);
    const { deptId } = await createDepartment(users.allocation.session);
    await createVacancy(users.allocation.session, deptId);
    const officer = (await call(users.allocation.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    expect(officer.allocation?.flow.totals.vacancies).toBe(1);
  });

  it('serve the figures computed minutes ago with the time they were computed, and compute them now on refresh', async () => {
    const { users } = await tenantWith(app, db, ['prevention']);
    const first = (await call(users.prevention.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    expect(first.prevention?.flow.totals.notices).toBe(0);
    expect(Date.parse(first.computedAt)).not.toBeNaN();
    for (let i = 0; i < 2; i++) await createNotice(users.prevention.session);
    const kept = (await call(users.prevention.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    expect(kept).toEqual(first);
    const fresh = (await call(
      users.prevention.session,
      'GET',
      '/api/insight/dashboard?refresh=true',
    )) as Dashboard;
    expect(fresh.prevention?.flow.totals.notices).toBe(2);
    expect(fresh.computedAt >= first.computedAt).toBe(true);
    const after = (await call(users.prevention.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    expect(after).toEqual(fresh);
  });

  it('serve a dashboard computed earlier today at once and compute it again behind the answer, for every process (ADR 0026)', async () => {
    const { municipality, users } = await tenantWith(app, db, ['prevention']);
    const first = (await call(users.prevention.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    expect(first.prevention?.flow.totals.notices).toBe(0);
    // Kept in the database, where every process reads it.
    const kept = await sql<{ body: Dashboard }>`select body from insight_kept_figures
      where municipality_id = ${municipality.id}`.execute(db.owner);
    expect(kept.rows.map((r) => r.body)).toEqual([first]);
    // Ten minutes later, after two notices: the kept figures at once, the new ones behind them.
    await sql`update insight_kept_figures set computed_at = computed_at - interval '10 minutes'
      where municipality_id = ${municipality.id}`.execute(db.owner);
    for (let i = 0; i < 2; i++) await createNotice(users.prevention.session);
    const stale = (await call(users.prevention.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    expect(stale.prevention?.flow.totals.notices).toBe(0);
    let next = stale;
    for (let tries = 0; tries < 600 && next.prevention?.flow.totals.notices === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      next = (await call(users.prevention.session, 'GET', '/api/insight/dashboard')) as Dashboard;
    }
    expect(next.prevention?.flow.totals.notices).toBe(2);
    expect(Date.parse(next.computedAt)).toBeGreaterThan(Date.parse(stale.computedAt));
  });
});
