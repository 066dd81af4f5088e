import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import {
  call,
  createApprovedApplication,
  createDepartment,
  createVacancy,
  memberInput,
  tenantWith,
} from '../../test/factories';
import { testApp, testDatabase } from '../../test/helpers';

/** The candidate list judges every rule on one date, and is offered only while the unit is free (issue 14 §3). */

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

interface Listed {
  applicationId: string;
  checks: { rule: string; outcome: string; key: string; params: Record<string, string | number> }[];
}
const ids = (list: Listed[]) => list.map((c) => c.applicationId);

describe('one date for every rule (issue 14 §3, almenboligloven § 59 stk. 6)', () => {
  it('§ 59 stk. 6: judges the area status and the household on the same date, the date the offer is made (today)', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation']);
    const cw = users.caseworker.session;
    const officer = users.allocation.session;
    const { deptId } = await createDepartment(officer);
    // The department became a vulnerable area 10 days ago; the unit was available 20 days ago.
    await call(
      officer,
      'POST',
      `/api/housing/departments/${deptId}/area-status`,
      { status: 'udsat', validFrom: addDays(today(), -10) },
      201,
    );
    const { id: released } = await createApprovedApplication(cw, officer, {
      members: [memberInput({ prisonReleasedOn: addDays(today(), -30) })],
    });
    const { id: clear } = await createApprovedApplication(cw, officer);
    const { id: vacancyId } = await createVacancy(officer, deptId, { availableOn: addDays(today(), -20) });

    const list = await call(officer, 'GET', `/api/allocation/vacancies/${vacancyId}/candidates`);
    // Shown as judged on today, with the area status of today.
    expect(list).toMatchObject({ onDate: today(), areaStatus: 'udsat' });
    expect(ids(list.eligible)).toEqual([clear]);
    const blocked = (list.excluded as Listed[]).find((c) => c.applicationId === released);
    expect(blocked?.checks).toEqual([
      expect.objectContaining({
        rule: 'p59_6',
        key: 'p59_6.criterion1',
        params: expect.objectContaining({ status: 'udsat', onDate: today() }),
      }),
    ]);
    // The offer is judged on the same date: § 59 stk. 6 forbids the allocation.
    const offer = await officer.request({
      method: 'POST',
      url: `/api/allocation/vacancies/${vacancyId}/offers`,
      payload: { applicationId: released },
    });
    expect(offer.statusCode).toBe(409);
    expect(offer.json()).toMatchObject({
      code: 'CANDIDATE_NOT_ELIGIBLE',
      params: { reasons: 'p59_6.criterion1' },
    });
  });

  it('judges a unit available later on today as well: an area status from a later date does not yet apply', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation']);
    const cw = users.caseworker.session;
    const officer = users.allocation.session;
    const { deptId } = await createDepartment(officer);
    await call(
      officer,
      'POST',
      `/api/housing/departments/${deptId}/area-status`,
      { status: 'udsat', validFrom: addDays(today(), 20) },
      201,
    );
    const { id: released } = await createApprovedApplication(cw, officer, {
      members: [memberInput({ prisonReleasedOn: addDays(today(), -30) })],
    });
    const { id: vacancyId } = await createVacancy(officer, deptId, { availableOn: addDays(today(), 30) });
    const list = await call(officer, 'GET', `/api/allocation/vacancies/${vacancyId}/candidates`);
    expect(list).toMatchObject({ onDate: today(), areaStatus: null });
    expect(ids(list.eligible)).toEqual([released]);
    // The offer made today is allowed, on the same judgement.
    await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${vacancyId}/offers`,
      { applicationId: released },
      201,
    );
  });
});

describe('a let unit shows its tenancy, not candidates (issue 14 §3)', () => {
  it('does not offer the candidate list of a let or returned unit', async () => {
    const { users } = await tenantWith(app, db, ['caseworker', 'allocation']);
    const cw = users.caseworker.session;
    const officer = users.allocation.session;
    const { deptId } = await createDepartment(officer);
    const { id: appId } = await createApprovedApplication(cw, officer);
    await createApprovedApplication(cw, officer);
    const { id: vacancyId } = await createVacancy(officer, deptId);
    const url = `/api/allocation/vacancies/${vacancyId}/candidates`;
    expect((await call(officer, 'GET', url)).eligibleCount).toBe(2);
    const offer = await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${vacancyId}/offers`,
      { applicationId: appId },
      201,
    );
    await call(officer, 'POST', `/api/allocation/offers/${offer.id}/accept`, {});

    const letList = await officer.request({ method: 'GET', url });
    expect(letList.statusCode).toBe(409);
    expect(letList.json().code).toBe('VACANCY_NOT_OPEN');
    const vacancy = await call(officer, 'GET', `/api/allocation/vacancies/${vacancyId}`);
    expect(vacancy).toMatchObject({ status: 'let', tenancy: { applicationId: appId } });
    // Nobody's data was read for a list that is not shown.
    const reads = await db.owner
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', vacancyId)
      .where('action', '=', 'allocation.candidates_read')
      .execute();
    expect(reads).toHaveLength(1);

    const { id: returnedId } = await createVacancy(officer, deptId);
    await call(officer, 'POST', `/api/allocation/vacancies/${returnedId}/return`, { reason: 'no_candidate' });
    const returnedList = await officer.request({
      method: 'GET',
      url: `/api/allocation/vacancies/${returnedId}/candidates`,
    });
    expect(returnedList.json().code).toBe('VACANCY_NOT_OPEN');
  });
});
