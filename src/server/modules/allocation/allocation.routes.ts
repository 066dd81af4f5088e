import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AllocationSettings } from '../../../shared/allocation/model';
import { danishDateOf, today } from '../../../shared/dates';
import { AppError } from '../../errors';
import type { AuthContext } from '../../platform/actor';
import { tenantTransactions } from '../../platform/tenant';
import { requireAuth } from '../../plugins/auth';
import { MAX_UPLOAD_BYTES, readUpload } from '../../plugins/upload';
import { renderDecisionLetter, renderOfferLetter, renderWaitingListXlsx } from './allocation.files';
import { importVacancies } from './allocation.import';
import {
  acceptBody,
  applicationBody,
  applicationsQuery,
  assessmentBody,
  candidatesQuery,
  censusQuery,
  declineBody,
  documentParams,
  idParams,
  leaseBody,
  moveInBody,
  noteBody,
  offerBody,
  reasonBody,
  returnBody,
  settingsBody,
  snapshotBody,
  vacanciesQuery,
  vacancyBody,
  waitingListQuery,
} from './allocation.schema';
import * as allocation from './allocation.service';

const created = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Housing allocation: applications, assessment, waiting list, vacancies, ranking, offers, tenancies, census, partner view. */
export async function allocationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['allocation'];
  const apply = { access: 'allocation.apply' } as const;
  const read = { access: 'allocation.read' } as const;
  const manage = { access: 'allocation.manage' } as const;
  const reports = { access: 'allocation.reports' } as const;
  const partner = { access: 'vacancies.report' } as const;
  const letterMunicipality = (actor: AuthContext) => ({
    name: actor.municipality.name,
    authority: actor.municipality.authority,
  });

  // ---- applications ----

  r.get(
    '/api/allocation/applications',
    { config: read, schema: { tags, summary: 'Housing applications', querystring: applicationsQuery } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => allocation.listApplications(trx, actor, request.query)) };
    },
  );

  r.post(
    '/api/allocation/applications',
    {
      config: apply,
      schema: {
        tags,
        summary: 'Recommend a citizen (indstilling)',
        body: applicationBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) => allocation.createApplication(trx, actor, request.body));
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/api/allocation/applications/:id',
    { config: read, schema: { tags, summary: 'One application', params: idParams } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.getApplication(trx, actor, request.params.id));
    },
  );

  r.put(
    '/api/allocation/applications/:id',
    {
      config: apply,
      schema: { tags, summary: 'Change an open application', params: idParams, body: applicationBody },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        allocation.updateApplication(trx, actor, request.params.id, request.body),
      );
    },
  );

  r.post(
    '/api/allocation/applications/:id/assessment',
    {
      config: manage,
      schema: { tags, summary: 'Assess an application', params: idParams, body: assessmentBody },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.assess(trx, actor, request.params.id, request.body));
    },
  );

  for (const action of ['resubmit', 'withdraw'] as const) {
    r.post(
      `/api/allocation/applications/:id/${action}`,
      {
        config: apply,
        schema: { tags, summary: `The caseworker's step: ${action}`, params: idParams, body: reasonBody },
      },
      async (request) => {
        const actor = requireAuth(request);
        return tenant(actor, (trx) =>
          allocation.caseworkerStep(trx, actor, request.params.id, action, request.body.reason),
        );
      },
    );
  }

  r.post(
    '/api/allocation/applications/:id/documents',
    {
      config: apply,
      schema: {
        tags,
        summary: `Attach a document (multipart: file; ≤ ${MAX_UPLOAD_BYTES} bytes)`,
        params: idParams,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { file } = await readUpload(request);
      const id = await tenant(actor, (trx) => allocation.addDocument(trx, actor, request.params.id, file));
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/api/allocation/applications/:id/documents/:documentId',
    { config: read, schema: { tags, summary: 'Download an attached document', params: documentParams } },
    async (request, reply) => {
      const actor = requireAuth(request);
      const doc = await tenant(actor, (trx) =>
        allocation.getDocument(trx, actor, request.params.id, request.params.documentId),
      );
      return reply
        .type(doc.contentType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(doc.fileName)}"`)
        .header('x-content-type-options', 'nosniff')
        .send(doc.content);
    },
  );

  r.get(
    '/api/allocation/applications/:id/letter',
    { config: read, schema: { tags, summary: 'The latest decision letter as PDF', params: idParams } },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { application, decision } = await tenant(actor, (trx) =>
        allocation.decisionLetterData(trx, actor, request.params.id),
      );
      const kind =
        decision.action === 'approve' ? 'approved' : decision.action === 'reject' ? 'rejected' : 'needs_info';
      const pdf = await renderDecisionLetter({
        municipality: letterMunicipality(actor),
        citizen: {
          name:
            [application.given_name, application.family_name].filter(Boolean).join(' ') ||
            (application.initials ?? ''),
          address: application.citizen_address,
        },
        date: danishDateOf(decision.at),
        officerName: decision.display_name ?? '',
        kind,
        reason: decision.reason ?? '',
        priority: kind === 'approved' ? application.priority : null,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="afgoerelse-${kind}.pdf"`)
        .send(pdf);
    },
  );

  // ---- waiting list ----

  r.get(
    '/api/allocation/waiting-list',
    {
      config: read,
      schema: { tags, summary: 'The waiting list with counts', querystring: waitingListQuery },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.waitingList(trx, actor, request.query));
    },
  );

  r.get(
    '/api/allocation/waiting-list.xlsx',
    { config: read, schema: { tags, summary: 'The waiting list as XLSX' } },
    async (request, reply) => {
      const actor = requireAuth(request);
      const data = await tenant(actor, (trx) =>
        allocation.waitingList(trx, actor, { page: 1, pageSize: Number.MAX_SAFE_INTEGER }),
      );
      const onDate = today();
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="venteliste-${onDate}.xlsx"`)
        .send(
          await renderWaitingListXlsx({
            municipality: { name: actor.municipality.name },
            onDate,
            items: data.items,
            counts: data.counts,
          }),
        );
    },
  );

  r.get(
    '/api/allocation/waiting-list/counts',
    { config: reports, schema: { tags, summary: 'Waiting-list counts (aggregates only)' } },
    async (request) => {
      const actor = requireAuth(request);
      const counts = await tenant(actor, (trx) => allocation.waitingCounts(trx, actor));
      return { counts, onDate: today() };
    },
  );

  r.get(
    '/api/allocation/snapshots',
    { config: reports, schema: { tags, summary: 'Dated waiting-list figures for budget follow-ups' } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => allocation.listSnapshots(trx, actor)) };
    },
  );

  r.post(
    '/api/allocation/snapshots',
    { config: manage, schema: { tags, summary: "Store today's waiting-list figures", body: snapshotBody } },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => allocation.takeSnapshot(trx, actor, request.body.label)));
    },
  );

  // ---- vacancies ----

  r.get(
    '/api/allocation/vacancies',
    { config: read, schema: { tags, summary: 'Vacancies', querystring: vacanciesQuery } },
    async (request) => {
      const actor = requireAuth(request);
      return {
        items: await tenant(actor, (trx) => allocation.listVacancies(trx, actor, request.query.status)),
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
      const id = await tenant(actor, (trx) => allocation.createVacancy(trx, actor, request.body, 'officer'));
      return reply.status(201).send({ id: id as string });
    },
  );

  r.post(
    '/api/allocation/vacancies/import',
    {
      config: manage,
      schema: { tags, summary: 'Import vacancies from CSV or XLSX (multipart: file, mode, dryRun)' },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { file, mode, dryRun } = await readUpload(request);
      return importVacancies(app.db.app, actor, file, { mode, dryRun });
    },
  );

  r.get(
    '/api/allocation/vacancies/:id',
    { config: read, schema: { tags, summary: 'One vacancy', params: idParams } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.getVacancy(trx, actor, request.params.id));
    },
  );

  r.post(
    '/api/allocation/vacancies/:id/return',
    { config: manage, schema: { tags, summary: 'Return a unit unused', params: idParams, body: returnBody } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.returnVacancy(trx, actor, request.params.id, request.body));
    },
  );

  r.get(
    '/api/allocation/vacancies/:id/candidates',
    {
      config: read,
      schema: {
        tags,
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
        eligibleLimit: eligibleLimit ?? limit ?? allocation.CANDIDATE_PAGE,
        excludedLimit: excludedLimit ?? limit ?? allocation.CANDIDATE_PAGE,
      };
      return tenant(actor, (trx) => allocation.candidates(trx, actor, request.params.id, limits));
    },
  );

  r.get(
    '/api/allocation/census',
    { config: manage, schema: { tags, summary: 'The fairness census of a day', querystring: censusQuery } },
    async (request) => {
      const actor = requireAuth(request);
      const date = request.query.date ?? today();
      if (date > today())
        throw new AppError('V_VALIDATION', { fields: [{ path: 'date', code: 'future_date' }] });
      return tenant(actor, (trx) => allocation.censusDay(trx, actor, date));
    },
  );

  // ---- offers and tenancies ----

  r.post(
    '/api/allocation/vacancies/:id/offers',
    {
      config: manage,
      schema: { tags, summary: 'Offer the unit to an applicant', params: idParams, body: offerBody },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) => allocation.makeOffer(trx, actor, request.params.id, request.body)),
        );
    },
  );

  r.post(
    '/api/allocation/offers/:id/accept',
    {
      config: manage,
      schema: { tags, summary: 'The applicant accepts', params: idParams, body: acceptBody },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.acceptOffer(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/allocation/offers/:id/decline',
    {
      config: manage,
      schema: { tags, summary: 'The applicant declines', params: idParams, body: declineBody },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.declineOffer(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/allocation/offers/:id/expire',
    { config: manage, schema: { tags, summary: 'No reply by the deadline', params: idParams } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.expireOffer(trx, actor, request.params.id));
    },
  );

  r.post(
    '/api/allocation/offers/:id/withdraw',
    { config: manage, schema: { tags, summary: 'Withdraw an offer', params: idParams, body: noteBody } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        allocation.withdrawOffer(trx, actor, request.params.id, request.body.note),
      );
    },
  );

  r.get(
    '/api/allocation/offers/:id/letter',
    { config: read, schema: { tags, summary: 'The offer letter as PDF', params: idParams } },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { offer, vacancy, application, settings } = await tenant(actor, (trx) =>
        allocation.offerLetterData(trx, actor, request.params.id),
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
    { config: manage, schema: { tags, summary: 'The lease is signed', params: idParams, body: leaseBody } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        allocation.signLease(trx, actor, request.params.id, request.body.signedOn),
      );
    },
  );

  r.post(
    '/api/allocation/tenancies/:id/move-in',
    {
      config: manage,
      schema: { tags, summary: 'The citizen has moved in', params: idParams, body: moveInBody },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.moveIn(trx, actor, request.params.id, request.body.movedInOn));
    },
  );

  // ---- settings ----

  r.get(
    '/api/allocation/settings',
    { config: read, schema: { tags, summary: "The municipality's allocation policy" } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.getSettings(trx, actor));
    },
  );

  r.put(
    '/api/allocation/settings',
    {
      config: manage,
      schema: { tags, summary: "Change the municipality's allocation policy", body: settingsBody },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => allocation.saveSettings(trx, actor, request.body as AllocationSettings));
    },
  );

  // ---- partner view: housing-organisation users, their own departments only ----

  r.get(
    '/api/partner/departments',
    { config: partner, schema: { tags, summary: 'Departments the user reports vacancies for' } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => allocation.partnerDepartments(trx, actor)) };
    },
  );

  r.get(
    '/api/partner/vacancies',
    { config: partner, schema: { tags, summary: "Vacancies in the user's departments (no citizen data)" } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => allocation.listVacancies(trx, actor, undefined, true)) };
    },
  );

  r.post(
    '/api/partner/vacancies',
    {
      config: partner,
      schema: { tags, summary: 'Report a vacancy', body: vacancyBody, response: { 201: created } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) => allocation.createVacancy(trx, actor, request.body, 'partner'));
      return reply.status(201).send({ id: id as string });
    },
  );
}
