import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthsBefore, today } from '../../../shared/dates';
import type { MonitoringReport } from '../../../shared/prevention/api';
import type { DatabaseHandles } from '../../db/database';
import { call, createDepartment, createNotice, tenantWith } from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';
import { possibleValues } from '../../test/suppression';

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

/** A notice received on a day, its påkrav five days before. */
const receivedOn = (day: string, departmentId: string | null = null) => ({
  receivedOn: day,
  paakravOn: addDays(day, -5),
  departmentId,
});

/**
 * Design.md small-number suppression (n < 5 on every aggregate that leaves case work) with domain
 * rule 33's secondary suppression: a suppressed cell must not be recoverable from a total. Issue 20
 * (c) found the leader and economy getting cells of 1 in the eviction monitoring.
 */
describe('eviction monitoring outside case work: design.md small-number suppression (issue 20 (c))', () => {
  it('gives the leader and economy no way to work a month of one notice out of the total, while the prevention team sees 1', async () => {
    const { users } = await tenantWith(app, db, ['prevention', 'leader', 'economy']);
    const team = users.prevention.session;
    const early = addDays(today(), -60);
    await createNotice(team, receivedOn(early));
    for (let i = 0; i < 5; i++) await createNotice(team, receivedOn(today()));
    const month = early.slice(0, 7);

    const exact: MonitoringReport = await call(team, 'GET', '/api/prevention/monitoring');
    expect(exact.totals.notices).toBe(6);
    expect(exact.months.find((m) => m.month === month)?.notices).toBe(1);

    for (const role of ['leader', 'economy'] as const) {
      const report: MonitoringReport = await call(users[role].session, 'GET', '/api/prevention/monitoring');
      const index = report.months.findIndex((m) => m.month === month);
      expect(['<5', 'x']).toContain(report.months[index]?.notices);
      // "<5" beside one "x" (at least 5) and a total of 6 would leave only 1. The total stays (the
      // outcome indicators show it alone), so the months are left out.
      expect(report.totals.notices).toBe(6);
      const months = report.months.map((m) => m.notices);
      const organisations = report.byOrganisation.map((o) => o.notices);
      const values = possibleValues(report.totals.notices, [months, organisations], [0, index]);
      expect(values, JSON.stringify(report)).toContain(1);
      expect(values.length, JSON.stringify(report)).toBeGreaterThan(1);
    }
  });

  it("gives the leader and economy no way to work a department's one notice in the last 3 months out of a period of 6 months, while the prevention team sees 1", async () => {
    const { users } = await tenantWith(app, db, ['prevention', 'allocation', 'leader', 'economy']);
    const team = users.prevention.session;
    const { deptId } = await createDepartment(users.allocation.session);
    await createNotice(team, receivedOn(addDays(today(), -10), deptId));
    for (let i = 0; i < 5; i++) await createNotice(team, receivedOn(addDays(today(), -120), deptId));
    // From the day after the 6 months before today: the period's notices are the last 3 months' and
    // the 3 before's together.
    const url = `/api/prevention/monitoring?from=${addDays(monthsBefore(today(), 6), 1)}&to=${today()}`;

    const exact: MonitoringReport = await call(team, 'GET', url);
    expect(exact.byDepartment).toEqual([
      expect.objectContaining({ departmentId: deptId, notices: 6, last3Months: 1, previous3Months: 5 }),
    ]);

    for (const role of ['leader', 'economy'] as const) {
      const report: MonitoringReport = await call(users[role].session, 'GET', url);
      const [department] = report.byDepartment;
      expect(['<5', 'x']).toContain(department?.last3Months);
      // The one department is its organisation's, and the organisation all the notices: each of
      // these is the department's notices in the period, and so is the sum of the months.
      const [organisation] = report.byOrganisation;
      const values = possibleValues(
        department?.notices ?? 0,
        [
          [department?.last3Months ?? 0, department?.previous3Months ?? 0],
          [organisation?.notices ?? 0],
          [report.totals.notices],
          report.months.map((m) => m.notices),
        ],
        [0, 0],
      );
      expect(values, JSON.stringify(report)).toContain(1);
      expect(values.length, JSON.stringify(report)).toBeGreaterThan(1);
    }
  });
});
