import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AllocationSettings } from '../../../shared/allocation/model';
import { danishDateOf, today } from '../../../shared/dates';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { MAX_UPLOAD_BYTES, readUpload } from '../../plugins/upload';
import {
  addDocument,
  assess,
  caseworkerStep,
  createApplication,
  decisionLetterData,
  getApplication,
  getDocument,
  listApplications,
  updateApplication,
} from './allocation.applications.service';
import { renderDecisionLetter, renderWaitingListXlsx } from './allocation.files';
import { letterMunicipality } from './allocation.present';
import {
  applicationBody,
  applicationDetail,
  applicationsQuery,
  applicationsResponse,
  assessmentBody,
  created,
  documentParams,
  idParams,
  reasonBody,
  settingsBody,
  settingsView,
  snapshotBody,
  snapshotView,
  waitingListQuery,
  waitingListResponse,
} from './allocation.schema';
import { getSettings, saveSettings } from './allocation.settings.service';
import { reportedCountsResponse, reportedSnapshotsResponse } from './allocation.waiting-list.schema';
import {
  reportedSnapshots,
  reportedWaitingCounts,
  takeSnapshot,
  waitingList,
} from './allocation.waiting-list.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Applications, assessment, documents and decision letters, the waiting list with its snapshots, and the policy. */
export async function applicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['allocation'];
  const apply = { access: 'allocation.apply' } as const;
  const read = { access: 'allocation.read' } as const;
  const manage = { access: 'allocation.manage' } as const;
  const reports = { access: 'allocation.reports' } as const;

  // ---- applications ----

  r.get(
    '/api/allocation/applications',
    {
      config: read,
      schema: {
        tags,
        response: { 200: applicationsResponse },
        summary: 'Housing applications',
        querystring: applicationsQuery,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => listApplications(trx, actor, request.query)) };
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
      const id = await tenant(actor, (trx) => createApplication(trx, actor, request.body));
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/api/allocation/applications/:id',
    {
      config: read,
      schema: { tags, response: { 200: applicationDetail }, summary: 'One application', params: idParams },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => getApplication(trx, actor, request.params.id));
    },
  );

  r.put(
    '/api/allocation/applications/:id',
    {
      config: apply,
      schema: {
        tags,
        response: { 200: applicationDetail },
        summary: 'Change an open application',
        params: idParams,
        body: applicationBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => updateApplication(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/allocation/applications/:id/assessment',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: applicationDetail },
        summary: 'Assess an application',
        params: idParams,
        body: assessmentBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => assess(trx, actor, request.params.id, request.body));
    },
  );

  for (const action of ['resubmit', 'withdraw'] as const) {
    r.post(
      `/api/allocation/applications/:id/${action}`,
      {
        config: apply,
        schema: {
          tags,
          response: { 200: applicationDetail },
          summary: `The caseworker's step: ${action}`,
          params: idParams,
          body: reasonBody,
        },
      },
      async (request) => {
        const actor = requireAuth(request);
        return tenant(actor, (trx) =>
          caseworkerStep(trx, actor, request.params.id, action, request.body.reason),
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
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { file } = await readUpload(request);
      const id = await tenant(actor, (trx) => addDocument(trx, actor, request.params.id, file));
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/api/allocation/applications/:id/documents/:documentId',
    {
      config: { ...read, file: true },
      schema: { tags, summary: 'Download an attached document', params: documentParams },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const doc = await tenant(actor, (trx) =>
        getDocument(trx, actor, request.params.id, request.params.documentId),
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
    {
      config: { ...read, file: true },
      schema: { tags, summary: 'The latest decision letter as PDF', params: idParams },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { application, decision } = await tenant(actor, (trx) =>
        decisionLetterData(trx, actor, request.params.id),
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
      schema: {
        tags,
        response: { 200: waitingListResponse },
        summary: 'The waiting list with counts',
        querystring: waitingListQuery,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => waitingList(trx, actor, request.query));
    },
  );

  r.get(
    '/api/allocation/waiting-list.xlsx',
    { config: { ...read, file: true }, schema: { tags, summary: 'The waiting list as XLSX' } },
    async (request, reply) => {
      const actor = requireAuth(request);
      const data = await tenant(actor, (trx) =>
        waitingList(trx, actor, { page: 1, pageSize: Number.MAX_SAFE_INTEGER }),
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
    {
      config: reports,
      schema: {
        tags,
        response: { 200: reportedCountsResponse },
        summary: 'Waiting-list counts (aggregates only; small numbers suppressed outside case work)',
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const counts = await tenant(actor, (trx) => reportedWaitingCounts(trx, actor));
      return { counts, onDate: today() };
    },
  );

  r.get(
    '/api/allocation/snapshots',
    {
      config: reports,
      schema: {
        tags,
        response: { 200: reportedSnapshotsResponse },
        summary:
          'Dated waiting-list figures for budget follow-ups (small numbers suppressed outside case work)',
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => reportedSnapshots(trx, actor)) };
    },
  );

  r.post(
    '/api/allocation/snapshots',
    {
      config: manage,
      schema: {
        tags,
        response: { 201: snapshotView },
        summary: "Store today's waiting-list figures",
        body: snapshotBody,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => takeSnapshot(trx, actor, request.body.label)));
    },
  );

  // ---- settings ----

  r.get(
    '/api/allocation/settings',
    {
      config: read,
      schema: { tags, response: { 200: settingsView }, summary: "The municipality's allocation policy" },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => getSettings(trx, actor));
    },
  );

  r.put(
    '/api/allocation/settings',
    {
      config: manage,
      schema: {
        tags,
        response: { 200: settingsView },
        summary: "Change the municipality's allocation policy",
        body: settingsBody,
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => saveSettings(trx, actor, request.body as AllocationSettings));
    },
  );
}
