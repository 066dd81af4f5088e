import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import {
  actionPlanBody,
  admissionBody,
  admittedResponse,
  createdResponse,
  dischargeBody,
  handlekommuneResponse,
  idParams,
  notifyBody,
  rateBody,
  residentsResponse,
  shelterBody,
  sheltersResponse,
  shelterUsersResponse,
  userBody,
} from './shelters.schema';
import * as shelters from './shelters.service';

const noContent = { 204: z.undefined().describe('No content') };

/** § 110 shelters: the administrator's shelters, and each shelter's own residents. */
export async function sheltersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['shelters'];
  const manage = { access: 'shelters.manage' } as const;
  const stays = { access: 'shelters.stays' } as const;
  const casework = { access: 'shelters.casework' } as const;

  r.get(
    '/api/shelters/residents',
    {
      config: casework,
      schema: {
        tags,
        summary: 'The citizens in shelters the municipality is handlekommune for, with their action plan',
        response: { 200: handlekommuneResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => shelters.handlekommuneResidents(trx, actor));
    },
  );

  r.post(
    '/api/shelters/stays/:id/action-plan',
    {
      config: casework,
      schema: {
        tags,
        summary: "The day the resident's action plan was made",
        params: idParams,
        body: actionPlanBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        shelters.recordActionPlan(trx, actor, request.params.id, request.body.madeOn),
      );
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/shelters',
    {
      config: manage,
      schema: { tags, summary: "The municipality's shelters", response: { 200: sheltersResponse } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => shelters.listShelters(trx, actor));
    },
  );

  r.post(
    '/api/shelters',
    {
      config: manage,
      schema: { tags, summary: 'A new shelter', body: shelterBody, response: { 201: createdResponse } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => shelters.createShelter(trx, actor, request.body)));
    },
  );

  r.get(
    '/api/shelters/users',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The shelter users and the shelter each works at',
        response: { 200: shelterUsersResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => shelters.listShelterUsers(trx, actor));
    },
  );

  r.put(
    '/api/shelters/:id/rates',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A daily rate from a date',
        params: idParams,
        body: rateBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => shelters.setRate(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );

  r.put(
    '/api/shelters/:id/users',
    {
      config: manage,
      schema: { tags, summary: 'Link a shelter user', params: idParams, body: userBody, response: noContent },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => shelters.linkUser(trx, actor, request.params.id, request.body.userId));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/shelters/mine',
    {
      config: stays,
      schema: {
        tags,
        summary: "The shelter's residents and last discharges",
        response: { 200: residentsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => shelters.myResidents(trx, actor));
    },
  );

  r.post(
    '/api/shelters/stays',
    {
      config: stays,
      schema: { tags, summary: 'An admission', body: admissionBody, response: { 201: admittedResponse } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply.status(201).send(await tenant(actor, (trx) => shelters.admit(trx, actor, request.body)));
    },
  );

  r.post(
    '/api/shelters/stays/:id/notify',
    {
      config: stays,
      schema: {
        tags,
        summary: 'The handlekommune was notified',
        params: idParams,
        body: notifyBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => shelters.notify(trx, actor, request.params.id, request.body.notifiedOn));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/shelters/stays/:id/discharge',
    {
      config: stays,
      schema: { tags, summary: 'A discharge', params: idParams, body: dischargeBody, response: noContent },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => shelters.dischargeStay(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );
}
