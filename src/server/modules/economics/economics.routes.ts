import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../platform/request';
import { reportTransactions, tenantTransactions } from '../../platform/tenant';
import { limitBody, reportQuery, reportResponse, settingsBody, settingsResponse } from './economics.schema';
import * as economics from './economics.service';

/** The municipality's costs, refunds and the reform's dilemma (economy, leader); its settings (admin). */
export async function economicsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  // Reports read the reporting replica when one is configured (ADR 0024).
  const reports = reportTransactions(app);
  const tags = ['economics'];

  r.get(
    '/api/economics',
    {
      config: { access: 'economics.read' },
      schema: {
        tags,
        summary:
          'Costs and refunds as handlekommune per month and citizen group, and the dilemma (suppressed), for a year or the last 12 months',
        querystring: reportQuery,
        response: { 200: reportResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return reports(actor, (trx) => economics.economicsReport(trx, actor, request.query.year));
    },
  );

  r.get(
    '/api/economics/settings',
    {
      config: { access: 'economics.settings' },
      schema: {
        tags,
        summary: 'The economics settings in force, their history and the stay-refund limits',
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => economics.settingsView(trx, actor));
    },
  );

  r.post(
    '/api/economics/settings',
    {
      config: { access: 'economics.manage' },
      schema: {
        tags,
        summary: 'New economics settings from a date',
        body: settingsBody,
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => economics.saveSettings(trx, actor, request.body));
    },
  );

  r.post(
    '/api/economics/settings/limits',
    {
      config: { access: 'economics.manage' },
      schema: {
        tags,
        summary: 'A limit on refunded stay days per running year from a date (null: no limit)',
        body: limitBody,
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => economics.saveLimit(trx, actor, request.body));
    },
  );
}
