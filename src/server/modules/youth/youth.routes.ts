import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import {
  areaBody,
  caseworkersResponse,
  citizenParams,
  createdResponse,
  decisionBody,
  listResponse,
  pairingBody,
  placementBody,
  profileBody,
  profileResponse,
  supportBody,
  userParams,
} from './youth.schema';
import * as youth from './youth.service';

const noContent = { 204: z.undefined().describe('No content') };

/** Young people aged 15–29: youth profile, placements, supports, the § 111 decision, the pair. */
export async function youthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['youth'];
  const read = { access: 'youth.read' } as const;
  const write = { access: 'youth.write' } as const;

  r.get(
    '/api/youth',
    {
      config: read,
      schema: {
        tags,
        summary: 'The young people aged 15–29, youngest first',
        response: { 200: listResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => youth.listYoungPeople(trx, actor));
    },
  );

  r.get(
    '/api/youth/caseworkers',
    {
      config: read,
      schema: {
        tags,
        summary: 'The caseworkers with their service area (child/youth or adult)',
        response: { 200: caseworkersResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => youth.listCaseworkers(trx, actor));
    },
  );

  r.get(
    '/api/youth/service-areas',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'The caseworkers with their service area, for the administrator',
        response: { 200: caseworkersResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => youth.listCaseworkers(trx, actor));
    },
  );

  r.put(
    '/api/youth/service-areas/:userId',
    {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: "A user's service area",
        params: userParams,
        body: areaBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        youth.setServiceArea(trx, actor, request.params.userId, request.body.serviceArea),
      );
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/youth/:citizenId',
    {
      config: read,
      schema: {
        tags,
        summary: 'A young person’s youth profile with placements, supports, decisions and deadlines',
        params: citizenParams,
        response: { 200: profileResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => youth.getProfile(trx, actor, request.params.citizenId));
    },
  );

  r.put(
    '/api/youth/:citizenId/profile',
    {
      config: write,
      schema: {
        tags,
        summary: 'The youth profile (education, KUI, own goals, housing situation)',
        params: citizenParams,
        body: profileBody,
        response: { 200: createdResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => youth.saveProfile(trx, actor, request.params.citizenId, request.body));
    },
  );

  r.post(
    '/api/youth/:citizenId/placements',
    {
      config: write,
      schema: {
        tags,
        summary: 'A placement outside the home (anbringelse)',
        params: citizenParams,
        body: placementBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) =>
            youth.addPlacement(trx, actor, request.params.citizenId, request.body),
          ),
        );
    },
  );

  r.post(
    '/api/youth/:citizenId/supports',
    {
      config: write,
      schema: {
        tags,
        summary: 'A support (ungestøtte, efterværn, mentor, ungeguide, støttekontaktperson)',
        params: citizenParams,
        body: supportBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) => youth.addSupport(trx, actor, request.params.citizenId, request.body)),
        );
    },
  );

  r.post(
    '/api/youth/:citizenId/decisions',
    {
      config: write,
      schema: {
        tags,
        summary: 'The decision on youth support (Barnets Lov § 111); a late one is flagged, not refused',
        params: citizenParams,
        body: decisionBody,
        response: { 201: z.object({ id: z.uuid(), timing: z.enum(['on_time', 'late', 'after_18']) }) },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(
          await tenant(actor, (trx) => youth.addDecision(trx, actor, request.params.citizenId, request.body)),
        );
    },
  );

  r.put(
    '/api/youth/:citizenId/pairing',
    {
      config: write,
      schema: {
        tags,
        summary: 'The pair (parløb) of a child/youth-area and an adult-area caseworker, from an age',
        params: citizenParams,
        body: pairingBody,
        response: { 200: createdResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => youth.setPairing(trx, actor, request.params.citizenId, request.body));
    },
  );
}
