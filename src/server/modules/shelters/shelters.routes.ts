import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../../shared/dates';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { renderNotificationLetter } from './shelters.files';
import * as notifications from './shelters.notifications.service';
import {
  acknowledgeBody,
  acknowledgedResponse,
  actionPlanBody,
  admissionBody,
  admittedResponse,
  createdResponse,
  dischargeBody,
  dischargeConditionsResponse,
  handlekommuneResponse,
  idParams,
  notificationsResponse,
  notifiedResponse,
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
        summary: 'The handlekommune was notified (to its inbox when it is in this deployment)',
        params: idParams,
        body: notifyBody,
        response: { 200: notifiedResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => shelters.notify(trx, actor, request.params.id, request.body.notifiedOn));
    },
  );

  r.get(
    '/api/shelters/stays/:id/notification-letter',
    {
      config: { ...stays, file: true },
      schema: {
        tags,
        summary: 'The notification letter to a handlekommune outside this deployment, as PDF',
        params: idParams,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const data = await tenant(actor, (trx) =>
        shelters.notificationLetterData(trx, actor, request.params.id),
      );
      const pdf = await renderNotificationLetter({
        ...data,
        municipality: { name: actor.municipality.name, authority: actor.municipality.authority },
        date: today(),
        signedBy: actor.displayName,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="underretning-110.pdf"')
        .send(pdf);
    },
  );

  // ---- the handlekommune's inbox and municipal discharge ----

  r.get(
    '/api/shelters/notifications',
    {
      config: casework,
      schema: {
        tags,
        summary: "The municipality's inbox of § 110 stk. 6 notifications from shelters",
        response: { 200: notificationsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => notifications.listNotifications(trx, actor));
    },
  );

  r.post(
    '/api/shelters/notifications/:id/acknowledge',
    {
      config: casework,
      schema: {
        tags,
        summary: 'Acknowledge a notification, linked to or registering the citizen',
        params: idParams,
        body: acknowledgeBody,
        response: { 200: acknowledgedResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        notifications.acknowledgeNotification(trx, actor, request.params.id, request.body.link),
      );
    },
  );

  r.get(
    '/api/shelters/stays/:id/discharge-conditions',
    {
      config: casework,
      schema: {
        tags,
        summary: 'The conditions of a municipal discharge (§ 110 stk. 5) today and what is missing',
        params: idParams,
        response: { 200: dischargeConditionsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => shelters.municipalDischargeConditions(trx, actor, request.params.id));
    },
  );

  r.post(
    '/api/shelters/stays/:id/municipal-discharge',
    {
      config: casework,
      schema: {
        tags,
        summary: 'A municipal discharge (§ 110 stk. 5), refused while its conditions are missing',
        params: idParams,
        body: dischargeBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => shelters.municipalDischarge(trx, actor, request.params.id, request.body));
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
