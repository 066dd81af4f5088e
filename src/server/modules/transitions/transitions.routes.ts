import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import {
  actionBody,
  closeBody,
  createdResponse,
  doneBody,
  idParams,
  meetingBody,
  noContent,
  offerBody,
  offersResponse,
  participantBody,
  planBody,
  planOfferBody,
  planOfferEndBody,
  planResponse,
  plansResponse,
  recordBody,
  staffResponse,
} from './transitions.schema';
import * as transitions from './transitions.service';

/** Transition plans for young people (issue 17 §4) and the catalogue of youth offers (§5). */
export async function transitionsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['transitions'];
  const read = { access: 'transitions.read' } as const;
  const write = { access: 'transitions.write' } as const;
  const catalogue = { access: 'transitions.catalogue' } as const;

  r.get(
    '/api/transitions/staff',
    {
      config: read,
      schema: {
        tags,
        summary: 'The staff users who may take part in a plan',
        response: { 200: staffResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => transitions.listStaff(trx, actor));
    },
  );

  r.get(
    '/api/transitions',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The open transition plans the user has need-to-know of, with the next meeting and open actions',
        response: { 200: plansResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => transitions.listPlans(trx, actor));
    },
  );

  r.post(
    '/api/transitions',
    {
      config: write,
      schema: {
        tags,
        summary: "A young person's transition plan (the young person among the participants)",
        body: planBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => transitions.createPlan(trx, actor, request.body)));
    },
  );

  r.get(
    '/api/transitions/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A transition plan: wishes and dreams, participants, meetings, actions, offers',
        params: idParams,
        response: { 200: planResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => transitions.getPlan(trx, actor, request.params.id));
    },
  );

  r.post(
    '/api/transitions/:id/participants',
    {
      config: write,
      schema: {
        tags,
        summary: 'Another participant joins the plan',
        params: idParams,
        body: participantBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) =>
            transitions.addParticipant(trx, actor, request.params.id, request.body),
          ),
        );
    },
  );

  r.post(
    '/api/transitions/:id/meetings',
    {
      config: write,
      schema: {
        tags,
        summary: 'A meeting, planned or recorded with decisions and actions',
        params: idParams,
        body: meetingBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) => transitions.addMeeting(trx, actor, request.params.id, request.body)),
        );
    },
  );

  r.post(
    '/api/transitions/meetings/:id/record',
    {
      config: write,
      schema: {
        tags,
        summary: "A planned meeting's record: attendees, the young person's view, decisions, actions",
        params: idParams,
        body: recordBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => transitions.recordMeeting(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/transitions/:id/actions',
    {
      config: write,
      schema: {
        tags,
        summary: 'An action: who does what by when',
        params: idParams,
        body: actionBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) => transitions.addAction(trx, actor, request.params.id, request.body)),
        );
    },
  );

  r.post(
    '/api/transitions/actions/:id/done',
    {
      config: write,
      schema: {
        tags,
        summary: 'An action marked done',
        params: idParams,
        body: doneBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        transitions.markActionDone(trx, actor, request.params.id, request.body.doneOn),
      );
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/transitions/:id/offers',
    {
      config: write,
      schema: {
        tags,
        summary: 'An offer of the catalogue the young person has',
        params: idParams,
        body: planOfferBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) => transitions.addPlanOffer(trx, actor, request.params.id, request.body)),
        );
    },
  );

  r.post(
    '/api/transitions/offers/:id/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'The end of an offer the young person has',
        params: idParams,
        body: planOfferEndBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        transitions.endPlanOffer(trx, actor, request.params.id, request.body.toDate),
      );
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/transitions/:id/close',
    {
      config: write,
      schema: { tags, summary: 'The plan closed', params: idParams, body: closeBody, response: noContent },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        transitions.closePlan(trx, actor, request.params.id, request.body.closedOn),
      );
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/youth-offers',
    {
      config: read,
      schema: {
        tags,
        summary: "The municipality's catalogue of youth offers",
        response: { 200: offersResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => transitions.listOffers(trx, actor));
    },
  );

  r.post(
    '/api/youth-offers',
    {
      config: catalogue,
      schema: {
        tags,
        summary: 'A new youth offer in the catalogue',
        body: offerBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => transitions.createOffer(trx, actor, request.body)));
    },
  );

  r.patch(
    '/api/youth-offers/:id',
    {
      config: catalogue,
      schema: {
        tags,
        summary: 'A youth offer of the catalogue changed',
        params: idParams,
        body: offerBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => transitions.updateOffer(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );
}
