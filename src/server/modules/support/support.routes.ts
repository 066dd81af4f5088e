import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { SUPPORT_STEPS } from './support.policy';
import {
  caseloadResponse,
  catalogueResponse,
  contactBody,
  contactGapBody,
  created,
  endBody,
  enrollmentBody,
  enrollmentDetail,
  fidelityResponse,
  idParams,
  methodParams,
  methodSettingsBody,
  phaseBody,
  retentionResponse,
  teamBody,
  teamResponse,
  teamsResponse,
  workerBody,
  workerResponse,
  workersResponse,
  workerUpdateBody,
} from './support.schema';
import * as support from './support.service';

/** Support (issue 15): the method catalogue, workers and teams, enrollments, contacts, fidelity, retention. */
export async function supportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['support'];
  const read = { access: SUPPORT_STEPS.readCaseload } as const;
  const write = { access: SUPPORT_STEPS.writeCaseload } as const;
  const manage = { access: SUPPORT_STEPS.manageCatalogue } as const;
  const reports = { access: SUPPORT_STEPS.readReports } as const;

  r.get(
    '/api/support/catalogue',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The method catalogue with its dated fidelity norms',
        response: { 200: catalogueResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.catalogue(trx, actor));
    },
  );

  r.post(
    '/api/support/catalogue/:method',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set a method’s norms from a date (history kept)',
        params: methodParams,
        body: methodSettingsBody,
        response: { 200: catalogueResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        support.saveMethodSettings(trx, actor, request.params.method, request.body),
      );
    },
  );

  r.post(
    '/api/support/contact-gap',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set the days without contact before a task, from a date',
        body: contactGapBody,
        response: { 200: catalogueResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.saveContactGap(trx, actor, request.body));
    },
  );

  r.get(
    '/api/support/teams',
    { config: read, schema: { tags, summary: 'Teams', response: { 200: teamsResponse } } },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => support.listTeams(trx, actor)) };
    },
  );

  r.post(
    '/api/support/teams',
    {
      config: manage,
      schema: { tags, summary: 'Create a team', body: teamBody, response: { 201: teamResponse } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => support.createTeam(trx, actor, request.body)));
    },
  );

  r.get(
    '/api/support/workers',
    {
      config: read,
      schema: {
        tags,
        summary: 'Support workers and users who may become one',
        response: { 200: workersResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.listWorkers(trx, actor));
    },
  );

  r.post(
    '/api/support/workers',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Register a support worker',
        body: workerBody,
        response: { 201: workerResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => support.createWorker(trx, actor, request.body)));
    },
  );

  r.put(
    '/api/support/workers/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a worker’s team, FTE or activity',
        params: idParams,
        body: workerUpdateBody,
        response: { 200: workerResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.updateWorker(trx, actor, request.params.id, request.body));
    },
  );

  r.get(
    '/api/support/caseload',
    {
      config: read,
      schema: {
        tags,
        summary: 'Mit caseload: active enrollments against the norm',
        response: { 200: caseloadResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.caseload(trx, actor));
    },
  );

  r.post(
    '/api/support/enrollments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Enroll a citizen in a method',
        body: enrollmentBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => support.createEnrollment(trx, actor, request.body)));
    },
  );

  r.get(
    '/api/support/enrollments/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One enrollment with phases and contacts',
        params: idParams,
        response: { 200: enrollmentDetail },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.enrollmentDetail(trx, actor, request.params.id));
    },
  );

  r.post(
    '/api/support/enrollments/:id/contacts',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a contact',
        params: idParams,
        body: contactBody,
        response: { 201: enrollmentDetail },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => support.addContact(trx, actor, request.params.id, request.body)));
    },
  );

  r.post(
    '/api/support/enrollments/:id/phases',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a CTI phase change',
        params: idParams,
        body: phaseBody,
        response: { 200: enrollmentDetail },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.changePhase(trx, actor, request.params.id, request.body));
    },
  );

  r.post(
    '/api/support/enrollments/:id/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'End an enrollment',
        params: idParams,
        body: endBody,
        response: { 200: enrollmentDetail },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.endEnrollment(trx, actor, request.params.id, request.body));
    },
  );

  r.get(
    '/api/support/fidelity',
    {
      config: reports,
      schema: {
        tags,
        summary: 'Caseload and fidelity across teams (aggregates)',
        response: { 200: fidelityResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.fidelity(trx, actor));
    },
  );

  r.get(
    '/api/support/retention',
    {
      config: reports,
      schema: {
        tags,
        summary: 'Housing retention after move-in (aggregates)',
        response: { 200: retentionResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => support.retention(trx, actor));
    },
  );
}
