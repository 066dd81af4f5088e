import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, OfferView, VacancyView } from '../../shared/allocation/api';
import { APPLICATION_STATUSES } from '../../shared/allocation/model';
import type { Role } from '../../shared/permissions';
import type { CasesPage, MonitoringReport } from '../../shared/prevention/api';
import { EVICTION_STEPS } from '../../shared/prevention/model';
import type { StayLengths } from '../../shared/shelters/api';
import type { DatabaseHandles } from '../db/database';
import { call } from '../test/factories';
import { login, type Session, testApp, testDatabase } from '../test/helpers';
import { demoUsername, seedDemo } from './seed';

/**
 * The demo data (issue 14 §4): a year of plausible activity, so that every page of every role shows
 * real figures at first start — through the same routes the pages call, as the demo users.
 */

const PASSWORD = 'demo-password-long';
let db: DatabaseHandles;
let app: FastifyInstance;
let seedMs = 0;
const sessions = new Map<Role, Session>();
const as = async (role: Role) => {
  const known = sessions.get(role);
  if (known) return known;
  const session = await login(app, demoUsername(role), PASSWORD);
  sessions.set(role, session);
  return session;
};

beforeAll(async () => {
  db = await testDatabase();
  const started = performance.now();
  await seedDemo(db, PASSWORD);
  seedMs = performance.now() - started;
  app = await testApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('the demo municipality after the first start', () => {
  it('reports how long the seed took (the first start waits for it)', () => {
    console.info(`demo seed: ${Math.round(seedMs)} ms`);
    expect(seedMs).toBeGreaterThan(0);
  });

  it('has applications in every status, by caseworkers and officers of the demo', async () => {
    const { items } = (await call(await as('allocation'), 'GET', '/api/allocation/applications')) as {
      items: ApplicationSummary[];
    };
    const statuses = new Set(items.map((a) => a.status));
    expect([...APPLICATION_STATUSES].filter((s) => !statuses.has(s))).toEqual([]);
    // Spread over the past year, not all stamped today.
    const months = new Set(items.map((a) => a.submittedAt.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(8);
  });

  it('has vacancies open, let and returned unused, and offers accepted, declined, expired and open', async () => {
    const officer = await as('allocation');
    const { items } = (await call(officer, 'GET', '/api/allocation/vacancies')) as { items: VacancyView[] };
    expect(new Set(items.map((v) => v.status))).toEqual(new Set(['open', 'let', 'returned']));
    expect(items.filter((v) => v.status === 'returned').map((v) => v.returnedReason)).toEqual(
      expect.arrayContaining(['no_candidate', 'declined_by_all', 'deadline_passed']),
    );
    expect(items.some((v) => v.reportedVia === 'partner')).toBe(true);
    expect(items.filter((v) => v.tenancy?.movedInOn).length).toBeGreaterThanOrEqual(4);
    expect(items.some((v) => v.tenancy && !v.tenancy.leaseSignedOn)).toBe(true);
    const offers: OfferView[] = [];
    for (const a of (
      (await call(officer, 'GET', '/api/allocation/applications')) as { items: ApplicationSummary[] }
    ).items)
      offers.push(
        ...((await call(officer, 'GET', `/api/allocation/applications/${a.id}`)) as { offers: OfferView[] })
          .offers,
      );
    expect(new Set(offers.map((o) => o.status))).toEqual(
      new Set(['open', 'accepted', 'declined', 'expired']),
    );
  });

  it('has eviction notices in every step, with actions and every kind of outcome', async () => {
    const worker = await as('prevention');
    const open = (await call(worker, 'GET', '/api/prevention/cases?status=open')) as CasesPage;
    const closed = (await call(worker, 'GET', '/api/prevention/cases?status=closed')) as CasesPage;
    const steps = new Set([...open.items, ...closed.items].map((c) => c.step));
    expect([...EVICTION_STEPS].filter((s) => !steps.has(s))).toEqual([]);
    expect(new Set(closed.items.map((c) => c.outcome))).toEqual(
      new Set(['averted_paid', 'averted_plan', 'averted_help', 'moved', 'evicted']),
    );
    expect(open.items.some((c) => c.childrenUnder18)).toBe(true);
    const withActions = await call(worker, 'GET', `/api/prevention/cases/${closed.items[0]?.id}`);
    expect((withActions as { actions: unknown[] }).actions.length).toBeGreaterThan(0);
  });

  it('gives every role with duties something in "Mine opgaver"', async () => {
    const counts: Partial<Record<Role, number>> = {};
    for (const role of ['admin', 'caseworker', 'allocation', 'support', 'prevention'] as const)
      counts[role] = ((await call(await as(role), 'GET', '/api/tasks')) as { items: unknown[] }).items.length;
    expect(Object.entries(counts).filter(([, n]) => n === 0)).toEqual([]);
  });

  it('shows the housing organisation its own vacancies and notices', async () => {
    const partner = await as('partner_housing');
    const vacancies = (await call(partner, 'GET', '/api/partner/vacancies')) as { items: unknown[] };
    const notices = (await call(partner, 'GET', '/api/partner/notices')) as { items: unknown[] };
    expect({ vacancies: vacancies.items.length > 0, notices: notices.items.length > 0 }).toEqual({
      vacancies: true,
      notices: true,
    });
  });

  it('gives the monitoring figures for the past year, with a department rising', async () => {
    const report = (await call(
      await as('prevention'),
      'GET',
      '/api/prevention/monitoring',
    )) as MonitoringReport;
    expect(report.totals.notices).toBeGreaterThan(10);
    expect(report.totals.evicted).toBeGreaterThan(0);
    expect(report.totals.averted).toBeGreaterThan(0);
    expect(report.byDepartment.some((d) => d.rising)).toBe(true);
  });

  it("shows how long the demo shelters' stays last, with medians and a trend over the quarters", async () => {
    const lengths = (await call(await as('economy'), 'GET', '/api/shelters/stay-lengths')) as StayLengths;
    expect(lengths.shelters).toHaveLength(2);
    expect(lengths.total.completed.medianNights).toBeGreaterThan(7);
    for (const s of lengths.shelters) expect(s.completed.count).toBeGreaterThanOrEqual(5);
    expect(lengths.quarters.filter((q) => q.medianNights !== null).length).toBeGreaterThanOrEqual(4);
  });

  it('uses no CPR number: no demo citizen or eviction notice has one', async () => {
    const { rows } = await db.owner
      .selectFrom('citizen')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cpr', 'is not', null)
      .execute()
      .then((r) => ({ rows: r }));
    const notices = await db.owner
      .selectFrom('eviction_notice')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_cpr', 'is not', null)
      .executeTakeFirstOrThrow();
    expect({ citizens: Number(rows[0]?.n), notices: Number(notices.n) }).toEqual({ citizens: 0, notices: 0 });
  });
});
