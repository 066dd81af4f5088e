import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { danishDateOf, today } from '../../../shared/dates';
import { AppError } from '../../errors';
import { importReportSchema } from '../../platform/import/report.schema';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { readUpload } from '../../plugins/upload';
import { censusDay } from './allocation.census.service';
import { renderOfferLetter } from './allocation.files';
import { importVacancies } from './allocation.import';
import {
  acceptOffer,
  declineOffer,
  expireOffer,
  makeOffer,
  moveIn,
  offerLetterData,
  signLease,
  withdrawOffer,
} from './allocation.offers.service';
import { letterMunicipality } from './allocation.present';
import { CANDIDATE_PAGE, candidates } from './allocation.ranking.service';
import {
  acceptBody,
  candidateList,
  candidatesQuery,
  censusDay as censusDayResponse,
  censusQuery,
  created,
  declineBody,
  idParams,
  leaseBody,
  moveInBody,
  noteBody,
  offerBody,
  offerView,
  partnerCorrectionBody,
  partnerDepartmentsResponse,
  partnerVacancyBody,
  partnerWithdrawBody,
  returnBody,
  tenancyView,
  vacanciesQuery,
  vacanciesResponse,
  vacancyBody,
  vacancyView,
} from './allocation.schema';
import {
  correctReport,
  createVacancy,
  getVacancy,
  listVacancies,
  partnerDepartments,
  reportVacancy,
  returnVacancy,
  withdrawReport,
} from './allocation.vacancies.service';

/** Vacancies and their import, ranked candidates, the census, offers, tenancies and the partner view. */
export async function vacancyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['allocation'];
  const read = { access: 'allocation.read' } as const;
  const manage = { access: 'allocation.manage' } as const;
  const partner = { access: 'vacancies.report' } as const;

  // ---- vacancies ----

  r.get(
    '/api/allocation/vacancies',
    {
      config: read,
      schema: {
        tags,
        response: { 200: vacanciesResponse },
        summary: 'Vacancies',
        querystring: vacanciesQuery,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return {
        items: await tenant(actor, (trx) => listVacancies(trx, actor, request.query.status)),
      };
    },
  );

  r.post(
    '/api/allocation/vacancies',
    {
      config: manage,
      schema: { tags, summary: 'Record a vacancy', body: vacancyBody, response: { 201: created } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) => createVacancy(trx, actor, request.body, 'officer'));
      return reply.status(201).send({ id: id as string });
    },
  );

  r.post(
    '/api/allocation/vacancies/import',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: importReportSchema },
        summary: 'Import vacancies from CSV or XLSX (multipart: file, mode, dryRun)',
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { file, mode, dryRun } = await readUpload(request);
      return importVacancies(app.db.app, actor, file, { mode, dryRun });
    },
  );

  r.get(
    '/api/allocation/vacancies/:id',
    {
      config: read,
      schema: { tags, response: { 200: vacancyView }, summary: 'One vacancy', params: idParams },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => getVacancy(trx, actor, request.params.id));
    },
  );

  r.post(
    '/api/allocation/vacancies/:id/return',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: vacancyView },
        summary: 'Return a unit unused',
        params: idParams,
        body: returnBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => returnVacancy(trx, actor, request.params.id, request.body));
    },
  );

  r.get(
    '/api/allocation/vacancies/:id/candidates',
    {
      config: read,
      schema: {
        tags,
        response: { 200: candidateList },
        summary:
          'Ranked candidates with rule-by-rule explanations: both counts and the first `eligibleLimit` / `excludedLimit` (default 25; `limit` sets both) of each list',
        params: idParams,
        querystring: candidatesQuery,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { eligibleLimit, excludedLimit, limit } = request.query;
      const limits = {
        eligibleLimit: eligibleLimit ?? limit ?? CANDIDATE_PAGE,
        excludedLimit: excludedLimit ?? limit ?? CANDIDATE_PAGE,
      };
      return tenant(actor, (trx) => candidates(trx, actor, request.params.id, limits));
    },
  );

  r.get(
    '/api/allocation/census',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: censusDayResponse },
        summary: 'The fairness census of a day',
        querystring: censusQuery,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const date = request.query.date ?? today();
      if (date > today())
        throw new AppError('V_VALIDATION', { fields: [{ path: 'date', code: 'future_date' }] });
      return tenant(actor, (trx) => censusDay(trx, actor, date));
    },
  );

  // ---- offers and tenancies ----

  r.post(
    '/api/allocation/vacancies/:id/offers',
    {
      config: manage,
      schema: {
        tags,
        response: { 201: offerView },
        summary: 'Offer the unit to an applicant',
        params: idParams,
        body: offerBody,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => makeOffer(trx, actor, request.params.id, request.body)));
    },
  );

  r.post(
    '/api/allocation/offers/:id/accept',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: tenancyView },
        summary: 'The applicant accepts',
        params: idParams,
        body: acceptBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => acceptOffer(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/allocation/offers/:id/decline',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: offerView },
        summary: 'The applicant declines',
        params: idParams,
        body: declineBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => declineOffer(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/allocation/offers/:id/expire',
    {
      config: manage,
      schema: { tags, response: { 200: offerView }, summary: 'No reply by the deadline', params: idParams },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => expireOffer(trx, actor, request.params.id));
    },
  );

  r.post(
    '/api/allocation/offers/:id/withdraw',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: offerView },
        summary: 'Withdraw an offer',
        params: idParams,
        body: noteBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => withdrawOffer(trx, actor, request.params.id, request.body.note));
    },
  );

  r.get(
    '/api/allocation/offers/:id/letter',
    {
      config: { ...read, file: true },
      schema: { tags, summary: 'The offer letter as PDF', params: idParams },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { offer, vacancy, application, settings } = await tenant(actor, (trx) =>
        offerLetterData(trx, actor, request.params.id),
      );
      const pdf = await renderOfferLetter({
        municipality: letterMunicipality(actor),
        citizen: {
          name:
            [application.given_name, application.family_name].filter(Boolean).join(' ') ||
            (application.initials ?? ''),
          address: application.citizen_address,
        },
        date: danishDateOf(offer.offered_at),
        officerName: offer.offered_by_name ?? '',
        unit: {
          address: vacancy.address,
          organisationName: vacancy.organisation_name,
          departmentName: vacancy.department_name,
          unitType: vacancy.unit_type,
          rooms: vacancy.rooms,
          areaM2: Number(vacancy.area_m2),
          rent: Number(vacancy.rent),
          utilities: Number(vacancy.utilities),
          deposit: Number(vacancy.deposit),
          accessible: vacancy.accessible,
          availableOn: vacancy.available_on,
        },
        replyBy: offer.reply_by,
        refusalPolicy: {
          limit: settings.refusalLimit,
          consequence: settings.refusalConsequence,
          noReplyCountsAsRefusal: settings.noReplyCountsAsRefusal,
        },
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="tilbud-om-bolig.pdf"')
        .send(pdf);
    },
  );

  r.post(
    '/api/allocation/tenancies/:id/lease',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: tenancyView },
        summary: 'The lease is signed',
        params: idParams,
        body: leaseBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => signLease(trx, actor, request.params.id, request.body.signedOn));
    },
  );

  r.post(
    '/api/allocation/tenancies/:id/move-in',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: tenancyView },
        summary: 'The citizen has moved in',
        params: idParams,
        body: moveInBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => moveIn(trx, actor, request.params.id, request.body.movedInOn));
    },
  );

  // ---- partner view: housing-organisation users, their own departments only ----

  r.get(
    '/api/partner/departments',
    {
      config: partner,
      schema: {
        tags,
        response: { 200: partnerDepartmentsResponse },
        summary: 'Departments the user reports vacancies for',
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => partnerDepartments(trx, actor)) };
    },
  );

  r.get(
    '/api/partner/vacancies',
    {
      config: partner,
      schema: {
        tags,
        response: { 200: vacanciesResponse },
        summary: "Vacancies in the user's departments (no citizen data)",
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => listVacancies(trx, actor, undefined, true)) };
    },
  );

  r.post(
    '/api/partner/vacancies',
    {
      config: partner,
      schema: {
        tags,
        summary:
          'Report a vacancy; a likely duplicate (same department, address and available date) answers 409 VACANCY_LIKELY_DUPLICATE unless `confirmDuplicate`',
        body: partnerVacancyBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) => reportVacancy(trx, actor, request.body));
      return reply.status(201).send({ id });
    },
  );

  r.put(
    '/api/partner/vacancies/:id',
    {
      config: partner,
      schema: {
        tags,
        summary:
          'Correct a reported vacancy, with the reason, until the municipality has made an offer on it',
        params: idParams,
        body: partnerCorrectionBody,
        response: { 200: vacancyView },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => correctReport(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/partner/vacancies/:id/withdraw',
    {
      config: partner,
      schema: {
        tags,
        summary:
          'Withdraw a reported vacancy, with the reason, until the municipality has made an offer on it',
        params: idParams,
        body: partnerWithdrawBody,
        response: { 200: vacancyView },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => withdrawReport(trx, actor, request.params.id, request.body.reason));
    },
  );
}
