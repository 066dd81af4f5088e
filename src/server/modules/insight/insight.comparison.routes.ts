import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportedCount } from '../../platform/reported';
import { requireAuth } from '../../platform/request';
import { reportTransactions, tenantTransactions } from '../../platform/tenant';
import {
  comparison,
  insightSettings,
  publishSharedFigures,
  saveSharing,
  saveSuppressionLimit,
} from './insight.comparison.service';

const reported = reportedCount;

const comparedMunicipality = z.object({
  code: z.string(),
  name: z.string(),
  inhabitants: z.number().nullable(),
  suppressionLimit: z.number(),
  publishedAt: z.string().nullable(),
  figures: z.array(
    z.object({ key: z.string(), period: z.string(), value: reported, ratePer10000: z.number().nullable() }),
  ),
});

export const comparisonResponse = z.object({
  sharing: z.boolean(),
  own: comparedMunicipality,
  others: z.array(comparedMunicipality),
  national: z.object({
    year: z.number(),
    total: z.number(),
    inhabitants: z.number(),
    ratePer10000: z.number(),
  }),
});

export const settingsResponse = z.object({
  suppressionLimit: z.number(),
  inhabitants: z.number().nullable(),
  sharing: z.boolean(),
  sharingChangedBy: z.string().nullable(),
  sharingChangedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

/** The limit is checked by the service, so that a limit below 3 is named by its own error. */
export const suppressionLimitBody = z.strictObject({ suppressionLimit: z.number().int().max(1_000) });

export const sharingBody = z.strictObject({
  sharing: z.boolean(),
  inhabitants: z.number().int().min(1).max(10_000_000).nullable(),
});

/**
 * The comparison across municipalities (issue 18 §7) and the settings of figures that leave case
 * work: the suppression limit (rule 33) and the opt-in to sharing.
 */
export async function insightComparisonRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  // Reports read the reporting replica when one is configured (ADR 0024).
  const reports = reportTransactions(app);

  r.get(
    '/api/insight/comparison',
    {
      config: { access: 'insight.compare' },
      schema: {
        tags: ['insight'],
        summary:
          "The municipality's figures against those other municipalities share, per 10,000 inhabitants, with the national count",
        response: { 200: comparisonResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return reports(actor, (trx) => comparison(trx, actor));
    },
  );

  r.get(
    '/api/insight/settings',
    {
      config: { access: 'insight.settings' },
      schema: {
        tags: ['insight'],
        summary: 'The suppression limit, the inhabitants and the decision on sharing',
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => insightSettings(trx, actor));
    },
  );

  r.put(
    '/api/insight/suppression-limit',
    {
      config: { access: 'insight.settings' },
      schema: {
        tags: ['insight'],
        summary: 'Sets the suppression limit of figures that leave case work (default 5, never below 3)',
        body: suppressionLimitBody,
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => saveSuppressionLimit(trx, actor, request.body));
    },
  );

  r.put(
    '/api/insight/sharing',
    {
      config: { access: 'insight.settings' },
      schema: {
        tags: ['insight'],
        summary: 'Opts in to sharing the suppressed figures with the other municipalities, or out',
        body: sharingBody,
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => saveSharing(trx, actor, request.body));
    },
  );

  r.post(
    '/api/insight/sharing/publish',
    {
      config: { access: 'insight.settings' },
      schema: {
        tags: ['insight'],
        summary: "Publishes the municipality's current figures to those that share",
        response: { 200: settingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => publishSharedFigures(trx, actor));
    },
  );
}
