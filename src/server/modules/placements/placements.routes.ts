import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import {
  createdResponse,
  endBody,
  idParams,
  placementBody,
  placementsQuery,
  placementsResponse,
  startBody,
  tenancyBody,
  tenancyEndBody,
  unitBody,
  unitsResponse,
} from './placements.schema';
import * as placements from './placements.service';

const noContent = { 204: z.undefined().describe('No content') };

/** Skæve boliger and § 107 / § 108 placements. */
export async function placementsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['placements'];
  const read = { access: 'placements.read' } as const;
  const manage = { access: 'placements.manage' } as const;
  const units = { access: 'placements.units' } as const;

  // ---- skæve boliger ----

  r.get(
    '/api/skaeve-boliger',
    {
      config: read,
      schema: {
        tags,
        summary: 'The skæve boliger with their tenants (vacant first) and the last ended tenancies',
        response: { 200: unitsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => placements.listUnits(trx, actor));
    },
  );

  r.post(
    '/api/skaeve-boliger',
    {
      config: units,
      schema: { tags, summary: 'A new skæv bolig', body: unitBody, response: { 201: createdResponse } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => placements.createUnit(trx, actor, request.body)));
    },
  );

  r.post(
    '/api/skaeve-boliger/:id/tenancies',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A tenancy of the unit starts',
        params: idParams,
        body: tenancyBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) => placements.startTenancy(trx, actor, request.params.id, request.body)),
        );
    },
  );

  r.post(
    '/api/skaeve-boliger/tenancies/:id/end',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A tenancy ends',
        params: idParams,
        body: tenancyEndBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => placements.endTenancy(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );

  // ---- § 107 / § 108 placements ----

  r.get(
    '/api/placements',
    {
      config: read,
      schema: {
        tags,
        summary: 'The § 107 / § 108 placements, active or ended',
        querystring: placementsQuery,
        response: { 200: placementsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => placements.listPlacements(trx, actor, request.query.state));
    },
  );

  r.post(
    '/api/placements',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A § 107 / § 108 decision (started at once when a start is given)',
        body: placementBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => placements.createPlacement(trx, actor, request.body)));
    },
  );

  r.post(
    '/api/placements/:id/start',
    {
      config: manage,
      schema: { tags, summary: 'The move-in', params: idParams, body: startBody, response: noContent },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        placements.startPlacement(trx, actor, request.params.id, request.body.startedOn),
      );
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/placements/:id/end',
    {
      config: manage,
      schema: {
        tags,
        summary: 'The move-out (or a decision withdrawn before it started)',
        params: idParams,
        body: endBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => placements.endPlacement(trx, actor, request.params.id, request.body));
      return reply.status(204).send();
    },
  );
}
