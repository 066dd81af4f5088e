import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthsBefore, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import {
  call,
  createApprovedApplication,
  createCitizen,
  createDepartment,
  createVacancy,
  memberInput,
  tenantWith,
} from '../../test/factories';
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

async function taskIds(s: Session) {
  const { items } = (await call(s, 'GET', '/api/tasks')) as { items: { id: string }[] };
  return items.map((t) => t.id);
}

/** A young homeless person (aged 21, on the street) with a youth profile: in education or not. */
async function youngHomeless(cw: Session, education: 'in_education' | 'none') {
  const birthDate = monthsBefore(now, 21 * 12);
  const { id } = await createCitizen(cw, {
    birthDate,
    firstEpisode: { situation: 'street', fromDate: addDays(now, -30) },
  });
  await call(cw, 'PUT', `/api/youth/${id}/profile`, {
    educationStatus: education,
    kuiStatus: 'active',
    specialNeed: false,
    ownGoals: 'Et sted at bo tæt på skolen',
  });
  return { citizenId: id as string, birthDate };
}

async function municipality() {
  const { users } = await tenantWith(app, db, ['caseworker', 'allocation']);
  const cw = users.caseworker.session;
  const officer = users.allocation.session;
  const { deptId } = await createDepartment(officer, {
    units: { family: 80, youth: 20, elderly: 0, alternative: 0 },
  });
  return { cw, officer, deptId };
}

describe('the youth-unit alert (issue 17 §6)', () => {
  it('tells the officers and the caseworker when a youth unit is vacant and an eligible homeless young person waits, until the unit is offered and let', async () => {
    const { cw, officer, deptId } = await municipality();
    const { citizenId, birthDate } = await youngHomeless(cw, 'in_education');
    const { id: applicationId } = await createApprovedApplication(cw, officer, {
      citizenId,
      youthWish: true,
      inEducation: true,
      members: [memberInput({ birthDate })],
    });
    // A family unit raises no youth alert.
    await createVacancy(officer, deptId);
    expect((await taskIds(officer)).filter((id) => id.startsWith('youth_unit'))).toEqual([]);

    const { id: vacancyId } = await createVacancy(officer, deptId, {
      unitType: 'youth',
      rooms: 1,
      origin: 'youth_quota',
      rent: 3_000,
    });
    expect(await taskIds(officer)).toContain(`youth_unit_vacant:${vacancyId}`);
    expect(await taskIds(cw)).toContain(`youth_unit_for:${citizenId}`);
    const { items } = await call(officer, 'GET', '/api/tasks');
    expect(items).toContainEqual(
      expect.objectContaining({
        id: `youth_unit_vacant:${vacancyId}`,
        titleKey: 'tasks.youthUnitVacant',
        params: expect.objectContaining({ waiting: 1 }),
        href: `/anvisning/boliger/${vacancyId}`,
      }),
    );

    const offer = await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${vacancyId}/offers`,
      { applicationId },
      201,
    );
    expect(await taskIds(officer)).not.toContain(`youth_unit_vacant:${vacancyId}`);
    expect(await taskIds(cw)).not.toContain(`youth_unit_for:${citizenId}`);

    // Withdrawn, the unit is vacant again; accepted, it is let and the alert is gone for good.
    await call(officer, 'POST', `/api/allocation/offers/${offer.id}/withdraw`, {});
    expect(await taskIds(officer)).toContain(`youth_unit_vacant:${vacancyId}`);
    const again = await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${vacancyId}/offers`,
      { applicationId },
      201,
    );
    await call(officer, 'POST', `/api/allocation/offers/${again.id}/accept`, {});
    const vacancy = await call(officer, 'GET', `/api/allocation/vacancies/${vacancyId}`);
    expect(vacancy.status).toBe('let');
    expect(await taskIds(officer)).not.toContain(`youth_unit_vacant:${vacancyId}`);
    expect(await taskIds(cw)).not.toContain(`youth_unit_for:${citizenId}`);
  });

  it('raises no alert for a vacant youth unit while no eligible homeless young person waits', async () => {
    const { cw, officer, deptId } = await municipality();
    // Homeless and waiting, but neither in nor planning an education: not eligible (rule 26).
    const { citizenId, birthDate } = await youngHomeless(cw, 'none');
    await createApprovedApplication(cw, officer, {
      citizenId,
      members: [memberInput({ birthDate })],
    });
    // Eligible and homeless, but without a housing application: not waiting.
    await youngHomeless(cw, 'in_education');
    const { id: vacancyId } = await createVacancy(officer, deptId, {
      unitType: 'youth',
      rooms: 1,
      origin: 'youth_quota',
    });
    expect(await taskIds(officer)).not.toContain(`youth_unit_vacant:${vacancyId}`);
    expect((await taskIds(cw)).filter((id) => id.startsWith('youth_unit_for:'))).toEqual([]);
  });
});
