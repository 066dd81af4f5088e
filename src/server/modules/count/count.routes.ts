import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/request';
import { reportTransactions, tenantTransactions } from '../../platform/tenant';
import {
  countResponse,
  countsResponse,
  createdResponse,
  noContent,
  openBody,
  registrationBody,
  registrationParams,
  reportResponse,
  yearParams,
} from './count.schema';
import * as count from './count.service';

const tags = ['count'];

/**
 * The week-6 count (issue 18 §1): /api/counts — the counts, a year's count with its registrations
 * and the list still to register, registrations, closing, the report (suppressed) and the export
 * for VIVE.
 */
export async function countRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  // Reports read the reporting replica when one is configured (ADR 0024).
  const reports = reportTransactions(app);
  const read = { access: 'count.read' } as const;
  const register = { access: 'count.register' } as const;
  const manage = { access: 'count.manage' } as const;

  r.get(
    '/api/counts',
    {
      config: { access: 'count.report' },
      schema: {
        tags,
        summary: 'The counts of the municipality, newest first',
        response: { 200: countsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => count.listCounts(trx, actor));
    },
  );

  r.post(
    '/api/counts',
    {
      config: manage,
      schema: {
        tags,
        summary: "Open a count year's count (ISO week 6)",
        body: openBody,
        response: { 201: openBody },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => count.openCount(trx, actor, request.body.year)));
    },
  );

  r.get(
    '/api/counts/:year',
    {
      config: read,
      schema: {
        tags,
        summary: "A year's count: its registrations and the by-name list's people still to register",
        params: yearParams,
        response: { 200: countResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => count.getCount(trx, actor, request.params.year));
    },
  );

  r.post(
    '/api/counts/:year/registrations',
    {
      config: register,
      schema: {
        tags,
        summary: 'Register one person (counted once: CPR, else initials and birth date)',
        params: yearParams,
        body: registrationBody,
        response: { 201: createdResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => count.register(trx, actor, request.params.year, request.body)));
    },
  );

  r.put(
    '/api/counts/:year/registrations/:id',
    {
      config: register,
      schema: {
        tags,
        summary: 'Correct a registration',
        params: registrationParams,
        body: registrationBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) =>
        count.updateRegistration(trx, actor, request.params.year, request.params.id, request.body),
      );
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/counts/:year/close',
    { config: manage, schema: { tags, summary: 'Close the count', params: yearParams, response: noContent } },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => count.closeCount(trx, actor, request.params.year));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/counts/:year/report',
    {
      config: { access: 'count.report' },
      schema: {
        tags,
        summary:
          'The count report by situation, age band and sex, beside earlier counts and the national totals',
        params: yearParams,
        response: { 200: reportResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return reports(actor, (trx) => count.countReport(trx, actor, request.params.year));
    },
  );

  r.get(
    '/api/counts/:year/export',
    {
      config: { ...manage, file: true },
      schema: {
        tags,
        summary: "The count's answers for transfer to VIVE (semicolon-separated)",
        params: yearParams,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const file = await tenant(actor, (trx) => count.countExport(trx, actor, request.params.year));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="hjemloesetaelling-${request.params.year}.csv"`)
        .send(file);
    },
  );
}
