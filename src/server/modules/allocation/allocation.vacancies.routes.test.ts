import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/dates';
import type { DatabaseHandles } from '../../db/database';
import {
  call,
  createApprovedApplication,
  createDepartment,
  createTestUser,
  tenantWith,
  vacancyInput,
} from '../../test/factories';
import { login, type Session, testApp, testDatabase } from '../../test/helpers';

/**
 * A housing organisation's reports (issue 14 §3): a likely duplicate is warned about and reported
 * only when confirmed; a report can be withdrawn or corrected, with a reason (audited), until the
 * municipality has made an offer on it; another organisation or municipality does not find it.
 */

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

/** A municipality with an officer, a caseworker and a partner linked to its own organisation. */
async function partnerSetup() {
  const { municipality, users } = await tenantWith(app, db, ['allocation', 'caseworker', 'partner_housing']);
  const officer = users.allocation.session;
  const own = await createDepartment(officer);
  await call(officer, 'PUT', `/api/housing/organisations/${own.orgId}/contacts`, {
    userIds: [users.partner_housing.id],
  });
  return {
    municipality,
    officer,
    caseworker: users.caseworker.session,
    partner: users.partner_housing.session,
    own,
  };
}

const auditOf = (vacancyId: string, action: string) =>
  db.owner
    .selectFrom('audit_event')
    .select(['details', 'actor_user_id'])
    .where('entity_id', '=', vacancyId)
    .where('action', '=', action)
    .execute();

const openIds = async (officer: Session) =>
  (await call(officer, 'GET', '/api/allocation/vacancies?status=open')).items.map(
    (v: { id: string }) => v.id,
  );

describe('a housing organisation reports a vacancy twice (issue 14 §3)', () => {
  it('warns of a likely duplicate (same department, address and available date) and reports it only when confirmed', async () => {
    const { partner, own } = await partnerSetup();
    const unit = vacancyInput(own.deptId, { address: 'Stationsvej 4, 2. th.' });
    const { id: first } = await call(partner, 'POST', '/api/partner/vacancies', unit, 201);

    // The same unit again, typed a little differently: a warning naming the report already made.
    const again = await partner.request({
      method: 'POST',
      url: '/api/partner/vacancies',
      payload: { ...unit, address: '  stationsvej 4 2 TH ' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'VACANCY_LIKELY_DUPLICATE',
      params: {
        vacancyId: first,
        address: 'Stationsvej 4, 2. th.',
        availableOn: unit.availableOn,
        reportedOn: today(),
      },
    });
    expect((await call(partner, 'GET', '/api/partner/vacancies')).items).toHaveLength(1);

    // Another available date is another vacancy; no warning.
    await call(
      partner,
      'POST',
      '/api/partner/vacancies',
      { ...unit, availableOn: addDays(today(), 30) },
      201,
    );
    // Confirmed, it is reported anyway (and the confirmation is audited).
    const { id: confirmed } = await call(
      partner,
      'POST',
      '/api/partner/vacancies',
      { ...unit, confirmDuplicate: true },
      201,
    );
    expect((await call(partner, 'GET', '/api/partner/vacancies')).items).toHaveLength(3);
    expect(await auditOf(confirmed, 'allocation.vacancy_duplicate_confirmed')).toHaveLength(1);
  });
});

describe('a housing organisation withdraws or corrects its report (issue 14 §3)', () => {
  it('withdraws a report with its reason, audited; it leaves the open list and no longer counts as a duplicate', async () => {
    const { officer, partner, own } = await partnerSetup();
    const unit = vacancyInput(own.deptId);
    const { id } = await call(partner, 'POST', '/api/partner/vacancies', unit, 201);
    const noReason = await partner.request({
      method: 'POST',
      url: `/api/partner/vacancies/${id}/withdraw`,
      payload: { reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toEqual([{ path: 'reason', code: 'too_short' }]);

    const withdrawn = await call(partner, 'POST', `/api/partner/vacancies/${id}/withdraw`, {
      reason: 'Lejer har fortrudt opsigelsen',
    });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: today(),
      withdrawnReason: 'Lejer har fortrudt opsigelsen',
      emptyRent: 0,
      offerMade: false,
    });
    const audited = await auditOf(id, 'allocation.vacancy_withdraw');
    expect(audited.map((a) => a.details)).toEqual([{ reason: 'Lejer har fortrudt opsigelsen' }]);
    expect(await openIds(officer)).not.toContain(id);
    expect((await call(officer, 'GET', `/api/allocation/vacancies/${id}`)).status).toBe('withdrawn');
    // Withdrawn once is final.
    const twice = await partner.request({
      method: 'POST',
      url: `/api/partner/vacancies/${id}/withdraw`,
      payload: { reason: 'Igen' },
    });
    expect(twice.json().code).toBe('VACANCY_NOT_OPEN');
    // The unit can be reported again without a duplicate warning.
    await call(partner, 'POST', '/api/partner/vacancies', unit, 201);
    // The dialogue report does not count a withdrawn report as received.
    const year = today().slice(0, 4);
    const report = await call(
      officer,
      'GET',
      `/api/housing/organisations/${own.orgId}/report?from=${year}-01-01&to=${Number(year) + 1}-12-31`,
    );
    expect(report.totals).toMatchObject({ received: 1 });
  });

  it('corrects a report with its reason, audited with what changed', async () => {
    const { officer, partner, own } = await partnerSetup();
    const unit = vacancyInput(own.deptId);
    const { id } = await call(partner, 'POST', '/api/partner/vacancies', unit, 201);
    const noReason = await partner.request({
      method: 'PUT',
      url: `/api/partner/vacancies/${id}`,
      payload: { ...unit, rent: 4_800 },
    });
    expect(noReason.json().fields).toEqual([{ path: 'reason', code: 'required' }]);

    const corrected = await call(partner, 'PUT', `/api/partner/vacancies/${id}`, {
      ...unit,
      rent: 4_800,
      rooms: 3,
      reason: 'Huslejen var tastet forkert',
    });
    expect(corrected).toMatchObject({ id, rent: 4_800, rooms: 3, status: 'open' });
    expect(corrected.correctedAt).toEqual(expect.any(String));
    const audited = await auditOf(id, 'allocation.vacancy_correct');
    expect(audited.map((a) => a.details)).toEqual([
      {
        reason: 'Huslejen var tastet forkert',
        changed: { rent: { from: 5_000, to: 4_800 }, rooms: { from: 2, to: 3 } },
      },
    ]);
    expect((await call(officer, 'GET', `/api/allocation/vacancies/${id}`)).rent).toBe(4_800);

    // A correction onto another report of the same unit is warned about too.
    const { id: other } = await call(
      partner,
      'POST',
      '/api/partner/vacancies',
      vacancyInput(own.deptId, { availableOn: addDays(today(), 14) }),
      201,
    );
    const clash = await partner.request({
      method: 'PUT',
      url: `/api/partner/vacancies/${other}`,
      payload: { ...unit, reason: 'Ny dato' },
    });
    expect(clash.json()).toMatchObject({ code: 'VACANCY_LIKELY_DUPLICATE', params: { vacancyId: id } });
  });

  it('refuses to withdraw or correct once the municipality has made an offer, with a clear error', async () => {
    const { officer, caseworker, partner, own } = await partnerSetup();
    const unit = vacancyInput(own.deptId);
    const { id } = await call(partner, 'POST', '/api/partner/vacancies', unit, 201);
    const { id: appId } = await createApprovedApplication(caseworker, officer);
    const offer = await call(
      officer,
      'POST',
      `/api/allocation/vacancies/${id}/offers`,
      { applicationId: appId },
      201,
    );
    const seen = (await call(partner, 'GET', '/api/partner/vacancies')).items[0];
    expect(seen).toMatchObject({ id, offerMade: true });

    const withdraw = await partner.request({
      method: 'POST',
      url: `/api/partner/vacancies/${id}/withdraw`,
      payload: { reason: 'Fejl' },
    });
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().code).toBe('VACANCY_OFFER_MADE');
    // Also after the offer is withdrawn: an offer was made.
    await call(officer, 'POST', `/api/allocation/offers/${offer.id}/withdraw`, {});
    const correct = await partner.request({
      method: 'PUT',
      url: `/api/partner/vacancies/${id}`,
      payload: { ...unit, rent: 1, reason: 'Fejl' },
    });
    expect(correct.statusCode).toBe(409);
    expect(correct.json().code).toBe('VACANCY_OFFER_MADE');
    const v = await call(officer, 'GET', `/api/allocation/vacancies/${id}`);
    expect(v).toMatchObject({ status: 'open', rent: 5_000 });
  });

  it("answers not found for another organisation's or another municipality's report", async () => {
    const { municipality, officer, partner, own } = await partnerSetup();
    const { id } = await call(partner, 'POST', '/api/partner/vacancies', vacancyInput(own.deptId), 201);
    // A partner of another organisation in the same municipality.
    const stranger = await createTestUser(db, municipality.id, 'partner_housing');
    const strangerSession = await login(app, stranger.username);
    const otherOrg = await createDepartment(officer);
    await call(officer, 'PUT', `/api/housing/organisations/${otherOrg.orgId}/contacts`, {
      userIds: [stranger.id],
    });
    // A partner in another municipality.
    const elsewhere = await partnerSetup();
    for (const session of [strangerSession, elsewhere.partner]) {
      const withdraw = await session.request({
        method: 'POST',
        url: `/api/partner/vacancies/${id}/withdraw`,
        payload: { reason: 'Ikke vores' },
      });
      expect(withdraw.statusCode).toBe(404);
      const correct = await session.request({
        method: 'PUT',
        url: `/api/partner/vacancies/${id}`,
        payload: { ...vacancyInput(own.deptId), reason: 'Ikke vores' },
      });
      expect(correct.statusCode).toBe(404);
    }
    // The officer of the municipality cannot use the partner's route either (no permission).
    const asOfficer = await officer.request({
      method: 'POST',
      url: `/api/partner/vacancies/${id}/withdraw`,
      payload: { reason: 'x' },
    });
    expect(asOfficer.statusCode).toBe(403);
    expect((await call(officer, 'GET', `/api/allocation/vacancies/${id}`)).status).toBe('open');
  });
});
