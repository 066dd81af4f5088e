import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../../shared/dates';
import { INTRODUCTION_MAX_LENGTH } from '../../../shared/insight/committee';
import { defaultPeriod } from '../../../shared/insight/indicators';
import { reportedCount } from '../../platform/reported';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { reportedScenario } from '../planning';
import { renderCommitteePdf, renderCommitteeXlsx } from './insight.committee.files';
import { committeeReport, saveIntroduction } from './insight.committee.service';
import { indicatorsQuery, indicatorsResponse } from './insight.indicators.routes';
import { keptTransactions, refreshParam } from './insight.kept.routes';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const reported = reportedCount;

const committeeResponse = z.object({
  municipality: z.string(),
  suppressionLimit: z.number(),
  from: z.string(),
  to: z.string(),
  madeOn: z.string(),
  computedAt: z.string(),
  introduction: z.object({
    text: z.string(),
    updatedAt: z.string().nullable(),
    updatedByName: z.string().nullable(),
  }),
  indicators: indicatorsResponse.shape.indicators,
  flow: z.array(z.object({ monthEnd: z.string(), active: reported, inflow: reported, outflow: reported })),
  counts: z.array(
    z.object({ year: z.number(), total: reported, youth18to29: reported, national: z.number().nullable() }),
  ),
  youth: z.array(
    z.object({
      year: z.number(),
      onDate: z.string(),
      homeless18to24: reported,
      homeless25to29: reported,
      formerlyPlaced: reported,
      formerlyPlacedPercent: z.number().nullable(),
      decisionsOnTime: reported,
      decisionsLate: reported,
      transitionsWithPlan: reported,
      transitionsWithoutPlan: reported,
    }),
  ),
  prevention: z.object({
    notices: reported,
    cases: reported,
    averted: reported,
    moved: reported,
    evicted: reported,
    open: reported,
  }),
  waitingList: z.object({
    now: reported,
    snapshots: z.array(z.object({ label: z.string(), takenOn: z.string(), total: reported })),
  }),
  planning: z.array(reportedScenario),
});

const introductionBody = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  text: z.string().trim().max(INTRODUCTION_MAX_LENGTH),
});

/** The period, and `refresh=true` to compute the figures now instead of serving those computed minutes ago. */
const committeeQuery = indicatorsQuery.safeExtend({ refresh: refreshParam });

/** The period asked for, or the last 12 months. */
const periodOf = (q: { from?: string | undefined; to?: string | undefined }) =>
  q.from && q.to ? { from: q.from, to: q.to } : defaultPeriod(today());

/**
 * The committee report (issue 18 §5): as JSON for the page, as PDF with charts and as XLSX with the
 * numbers, and its introduction. Figures only, suppressed (rule 33).
 */
export async function insightCommitteeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const kept = keptTransactions(app, 'committee report');
  const tags = ['insight'];
  const access = { access: 'insight.report' } as const;

  r.get(
    '/api/insight/committee-report',
    {
      config: access,
      schema: {
        tags,
        summary: 'The status to the social committee of a period',
        querystring: committeeQuery,
        response: { 200: committeeResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { from, to } = periodOf(request.query);
      return committeeReport(actor, kept, from, to, { refresh: request.query.refresh });
    },
  );

  r.put(
    '/api/insight/committee-report/introduction',
    {
      config: access,
      schema: {
        tags,
        summary: "Write the introduction of a period's committee report",
        body: introductionBody.refine((b) => b.from <= b.to, { path: ['to'], message: 'invalid' }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => saveIntroduction(trx, actor, request.body));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/insight/committee-report.pdf',
    {
      config: { ...access, file: true },
      schema: { tags, summary: 'The committee report as PDF', querystring: indicatorsQuery },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { from, to } = periodOf(request.query);
      const report = await committeeReport(actor, kept, from, to);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="socialudvalget-${from}-${to}.pdf"`)
        .send(await renderCommitteePdf(report));
    },
  );

  r.get(
    '/api/insight/committee-report.xlsx',
    {
      config: { ...access, file: true },
      schema: { tags, summary: 'The committee report as XLSX', querystring: indicatorsQuery },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const { from, to } = periodOf(request.query);
      const report = await committeeReport(actor, kept, from, to);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="socialudvalget-${from}-${to}.xlsx"`)
        .send(await renderCommitteeXlsx(report));
    },
  );
}
