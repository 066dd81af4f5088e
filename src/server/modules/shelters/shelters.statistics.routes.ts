import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../../shared/dates';
import { LENGTH_BANDS, type Quarter } from '../../../shared/shelters/statistics';
import { reportedCount } from '../../platform/reported';
import { requireAuth } from '../../platform/request';
import { reportTransactions, tenantTransactions } from '../../platform/tenant';
import { quarterToReport, reportCheck, reportDownload, stayLengths } from './shelters.statistics.service';

const count = reportedCount;
const nights = z.number().nullable();
const figures = {
  current: z.object({ count, medianNights: nights }),
  completed: z.object({
    count,
    medianNights: nights,
    meanNights: nights,
    distribution: z.object(Object.fromEntries(LENGTH_BANDS.map((b) => [b.key, count]))),
  }),
};

const stayLengthsResponse = z.object({
  asOf: z.string(),
  completedSince: z.string(),
  shelters: z.array(z.object({ id: z.uuid(), name: z.string(), places: z.number(), ...figures })),
  total: z.object(figures),
  quarters: z.array(
    z.object({ quarter: z.string(), admitted: count, completed: count, medianNights: nights }),
  ),
});

const gap = z.enum(['cpr', 'last_stay', 'moved_to']);
const reportCheckResponse = z.object({
  quarter: z.string(),
  shelter: z.object({ id: z.uuid(), name: z.string() }),
  stays: z.number(),
  complete: z.number(),
  gaps: z.object({ cpr: z.number(), last_stay: z.number(), moved_to: z.number() }),
  incomplete: z.array(
    z.object({
      stayId: z.uuid(),
      citizenId: z.uuid(),
      name: z.string().nullable(),
      admittedOn: z.string(),
      dischargedOn: z.string().nullable(),
      gaps: z.array(gap),
    }),
  ),
});

/** A calendar quarter, `2026-Q3`; by default the last one that has ended (the one to report now). */
const quarterQuery = z.strictObject({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional(),
});
const quarterOf = (q: { quarter?: string | undefined }) => (q.quarter ?? quarterToReport(today())) as Quarter;

/** Stay lengths (issue 16 §10) and the quarterly stay report to Danmarks Statistik (§9). */
export async function shelterStatisticsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  // Reports read the reporting replica when one is configured (ADR 0024).
  const reports = reportTransactions(app);
  const tags = ['shelters'];

  r.get(
    '/api/shelters/stay-lengths',
    {
      config: { access: 'shelters.statistics' },
      schema: {
        tags,
        summary: 'Stay lengths per shelter and over time (small numbers suppressed)',
        response: { 200: stayLengthsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return reports(actor, (trx) => stayLengths(trx, actor));
    },
  );

  r.get(
    '/api/shelters/dst-report',
    {
      config: { access: 'shelters.stays' },
      schema: {
        tags,
        summary: "The completeness check of the quarter's stay report to Danmarks Statistik",
        querystring: quarterQuery,
        response: { 200: reportCheckResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return reports(actor, (trx) => reportCheck(trx, actor, quarterOf(request.query)));
    },
  );

  r.get(
    '/api/shelters/dst-report/file',
    {
      config: { access: 'shelters.stays', file: true },
      schema: {
        tags,
        summary: "The quarter's stay report to Danmarks Statistik, as a text file",
        querystring: quarterQuery,
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const quarter = quarterOf(request.query);
      const { file } = await tenant(actor, (trx) => reportDownload(trx, actor, quarter));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="herbergsophold-${quarter}.csv"`)
        .send(file);
    },
  );
}
