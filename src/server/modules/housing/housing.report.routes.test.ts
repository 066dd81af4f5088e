import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import { call, createDepartment, createVacancy, tenantWith } from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';

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

/**
 * Issue 14 §3: the economy role reads the empty rent (tomgangsleje) — the rent the municipality
 * pays while a unit at its disposal stands empty (§ 59 stk. 1; domain.md §4) — as an aggregate
 * per department in the dialogue report (design.md §1: costs, aggregates only).
 */
describe('empty rent in the dialogue report (issue 14 §3)', () => {
  it('shows the economy role the days empty and the empty rent per department, and no vacancy or name', async () => {
    const { users } = await tenantWith(app, db, ['allocation', 'economy', 'leader']);
    const officer = users.allocation.session;
    const { orgId, deptId } = await createDepartment(officer);
    // 3 650 kr. a month is 120 kr. a day (× 12 / 365).
    await createVacancy(officer, deptId, { rent: 3_650, availableOn: addDays(today(), -10) });
    const returned = await createVacancy(officer, deptId, {
      rent: 3_650,
      availableOn: addDays(today(), -20),
    });
    await call(officer, 'POST', `/api/allocation/vacancies/${returned.id}/return`, {
      reason: 'no_candidate',
      returnedOn: addDays(today(), -15),
    });

    const from = addDays(today(), -60);
    const url = `/api/housing/organisations/${orgId}/report?from=${from}&to=${today()}`;
    for (const role of ['economy', 'leader'] as const) {
      const session = users[role].session;
      const res = await session.request({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      const report = res.json();
      expect(report.departments).toEqual([
        expect.objectContaining({ departmentId: deptId, received: 2, emptyDays: 15, emptyRent: 1_800 }),
      ]);
      expect(report.totals).toMatchObject({ emptyDays: 15, emptyRent: 1_800 });
      expect(res.body).not.toContain('Parkvej');
      // The vacancies themselves (addresses, offers, tenants) stay with the allocation officer.
      expect((await session.request({ method: 'GET', url: '/api/allocation/vacancies' })).statusCode).toBe(
        403,
      );
    }
  });
});
