import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importReportSchema } from '../../platform/import/report.schema';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import type { TimelineProvider } from '../../platform/timeline';
import { renderCitizenExport } from './citizens.export';
import { importCitizens } from './citizens.import';
import {
  citizenInput,
  citizenPatch,
  citizenView,
  consentBody,
  contactBody,
  cprChangeBody,
  cprShown,
  duplicatesResponse,
  episodeInput,
  householdBody,
  idParams,
  listQuery,
  listResponse,
  mergeBody,
  policyBody,
  purposeQuery,
  retractBody,
  sensitiveBody,
  withdrawBody,
} from './citizens.schema';
import * as citizens from './citizens.service';
import { dismissDuplicate, listDuplicates, mergeDuplicate, undoMerge } from './merge-citizens';

const created = z.object({ id: z.uuid() });
/** A change that answers nothing. */
const noContent = { 204: z.undefined().describe('No content') };

/** The by-name registry's API. Handlers only validate, authorise (declared access) and delegate. */
export async function citizensRoutes(
  app: FastifyInstance,
  opts: { timelineProviders: readonly TimelineProvider[] },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['citizens'];
  const idAndSub = (sub: string) => z.strictObject({ id: z.uuid(), [sub]: z.uuid() });

  r.get(
    '/api/citizens',
    {
      config: { access: 'citizens.read' },
      schema: {
        tags,
        summary: 'Search and filter the by-name list',
        querystring: listQuery,
        response: { 200: listResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => citizens.listCitizens(trx, actor, request.query));
    },
  );

  r.post(
    '/api/citizens',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'Register a citizen',
        body: citizenInput,
        response: {
          201: z.object({
            id: z.uuid(),
            duplicates: z.array(
              z.object({ id: z.uuid(), name: z.string().nullable(), birthDate: z.string() }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => citizens.createCitizen(trx, actor, request.body)));
    },
  );

  r.get(
    '/api/settings/inactivity-policy',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'When a citizen becomes inactive', response: { 200: policyBody } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => citizens.getPolicy(trx, actor));
    },
  );

  r.put(
    '/api/settings/inactivity-policy',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Set when a citizen becomes inactive',
        body: policyBody,
        response: { 200: policyBody },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => citizens.setPolicy(trx, actor, request.body));
    },
  );

  r.get(
    '/api/citizens/duplicates',
    {
      config: { access: 'citizens.merge' },
      schema: { tags, summary: 'Likely duplicates to review', response: { 200: duplicatesResponse } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => listDuplicates(trx, actor)) };
    },
  );

  r.post(
    '/api/citizens/duplicates/:id/merge',
    {
      config: { access: 'citizens.merge' },
      schema: {
        tags,
        summary: 'Merge a duplicate pair',
        params: idParams,
        body: mergeBody,
        response: { 200: z.object({ mergeId: z.uuid(), survivorId: z.uuid() }) },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => mergeDuplicate(trx, actor, request.params.id, request.body.survivorId));
    },
  );

  r.post(
    '/api/citizens/duplicates/:id/dismiss',
    {
      config: { access: 'citizens.merge' },
      schema: { tags, summary: 'Not a duplicate', params: idParams, response: noContent },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => dismissDuplicate(trx, actor, request.params.id));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/citizens/merges/:id/undo',
    {
      config: { access: 'citizens.merge' },
      schema: { tags, summary: 'Undo a merge', params: idParams, response: noContent },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => undoMerge(trx, actor, request.params.id));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/citizens/import',
    {
      config: { access: 'citizens.import' },
      schema: {
        tags,
        summary: 'Import a CSV or XLSX list (multipart: file, mode, dryRun)',
        response: { 200: importReportSchema },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return importCitizens(app.db.app, actor, request);
    },
  );

  r.get(
    '/api/citizens/:id',
    {
      config: { access: 'citizens.read' },
      schema: {
        tags,
        summary: 'A citizen, logged with the purpose',
        params: idParams,
        querystring: purposeQuery,
        response: { 200: citizenView },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        citizens.viewCitizen(trx, actor, request.params.id, request.query.purpose, opts.timelineProviders),
      );
    },
  );

  r.get(
    '/api/citizens/:id/export',
    {
      config: { access: 'citizens.read', file: true },
      schema: {
        tags,
        summary: "The citizen's data as a readable document (GDPR art. 15)",
        params: idParams,
        querystring: purposeQuery,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const html = await tenant(actor, async (trx) => {
        // The citizen's own copy holds the full CPR number (logged as shown) for roles that see it.
        const view = await citizens.viewCitizen(
          trx,
          actor,
          request.params.id,
          request.query.purpose,
          opts.timelineProviders,
          { fullCpr: true },
        );
        return renderCitizenExport(view, actor);
      });
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', 'inline; filename="indsigt.html"')
        .send(html);
    },
  );

  r.patch(
    '/api/citizens/:id',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'Change contact, names, moved away, died',
        params: idParams,
        body: citizenPatch,
        response: { 200: citizenView },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, async (trx) => {
        await citizens.patchCitizen(trx, actor, request.params.id, request.body);
        return citizens.viewCitizen(trx, actor, request.params.id, 'casework', opts.timelineProviders);
      });
    },
  );

  r.get(
    '/api/citizens/:id/cpr',
    {
      config: { access: 'citizens.identity' },
      schema: {
        tags,
        summary: 'Show the full CPR number (masked elsewhere), logged with the purpose',
        params: idParams,
        querystring: purposeQuery,
        response: { 200: cprShown },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => citizens.showCpr(trx, actor, request.params.id, request.query.purpose));
    },
  );

  r.post(
    '/api/citizens/:id/cpr',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'Record a new CPR number',
        params: idParams,
        body: cprChangeBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => citizens.changeCpr(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );

  r.put(
    '/api/citizens/:id/sensitive',
    {
      config: { access: 'citizens.sensitive' },
      schema: {
        tags,
        summary: 'Set sensitive flags',
        params: idParams,
        body: sensitiveBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => citizens.setSensitive(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/citizens/:id/household',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'Add a household member',
        params: idParams,
        body: householdBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) =>
        citizens.addHouseholdMember(trx, actor, request.params.id, request.body),
      );
      return reply.status(201).send({ id });
    },
  );

  r.delete(
    '/api/citizens/:id/household/:memberId',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'End a household membership (kept in history)',
        params: idAndSub('memberId'),
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { id, memberId } = request.params as { id: string; memberId: string };
      await tenant(actor, (trx) => citizens.endHouseholdMember(trx, actor, id, memberId));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/citizens/:id/episodes',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'Record whereabouts from a date',
        params: idParams,
        body: episodeInput,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) =>
        citizens.recordEpisode(trx, actor, request.params.id, request.body),
      );
      return reply.status(201).send({ id });
    },
  );

  r.post(
    '/api/citizens/:id/episodes/:episodeId/retract',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'Mark an episode as recorded in error',
        params: idAndSub('episodeId'),
        body: retractBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { id, episodeId } = request.params as { id: string; episodeId: string };
      await tenant(actor, (trx) => citizens.retractEpisode(trx, actor, id, episodeId, request.body.reason));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/citizens/:id/contacts',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'Record a contact',
        params: idParams,
        body: contactBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) =>
        citizens.addContact(trx, actor, request.params.id, request.body),
      );
      return reply.status(201).send({ id });
    },
  );

  r.post(
    '/api/citizens/:id/consents',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'Record a consent',
        params: idParams,
        body: consentBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const id = await tenant(actor, (trx) =>
        citizens.addConsent(trx, actor, request.params.id, request.body),
      );
      return reply.status(201).send({ id });
    },
  );

  r.post(
    '/api/citizens/:id/consents/:consentId/withdraw',
    {
      config: { access: 'citizens.write' },
      schema: {
        tags,
        summary: 'Withdraw a consent',
        params: idAndSub('consentId'),
        body: withdrawBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { id, consentId } = request.params as { id: string; consentId: string };
      await tenant(actor, (trx) =>
        citizens.withdrawConsent(trx, actor, id, consentId, request.body.withdrawnOn),
      );
      return reply.status(204).send();
    },
  );
}
