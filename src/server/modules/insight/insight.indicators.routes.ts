import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { daysBetween, today } from '../../../shared/dates';
import {
  defaultPeriod,
  INDICATOR_KEYS,
  INDICATOR_PERIOD_MAX_DAYS,
  INDICATOR_UNITS,
} from '../../../shared/insight/indicators';
import { reportedCount } from '../../platform/reported';
import { requireAuth } from '../../platform/request';
import { reportTransactions } from '../../platform/tenant';
import { outcomeIndicators } from './insight.indicators.service';

const isoDate = z.iso.date();
const reported = reportedCount;

/** The period: both days or neither (the last 12 months), `from` not after `to`, at most ten years. */
export const indicatorsQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { path: ['to'], message: 'required' })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'invalid' })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= INDICATOR_PERIOD_MAX_DAYS, {
    path: ['from'],
    message: 'invalid',
  });

/** One outcome indicator as reported (the indicators, the dashboard and the committee report). */
export const reportedIndicator = z.object({
  key: z.enum(INDICATOR_KEYS),
  unit: z.enum(INDICATOR_UNITS),
  n: reported,
  values: z.record(z.string(), reported.nullable()),
});

export const indicatorsResponse = z.object({
  from: z.string(),
  to: z.string(),
  indicators: z.array(reportedIndicator),
});

/** The outcome indicators of a period (issue 18 §3, docs/indicators.md), small numbers suppressed. */
export async function insightIndicatorsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Reports read the reporting replica when one is configured (ADR 0024).
  const reports = reportTransactions(app);
  r.get(
    '/api/insight/indicators',
    {
      config: { access: 'insight.indicators' },
      schema: {
        tags: ['insight'],
        summary:
          'Outcome indicators of a period: days homeless, exits, returns, first-time homeless, retention, waiting time, units, evictions, stays, fidelity',
        querystring: indicatorsQuery,
        response: { 200: indicatorsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { from, to } =
        request.query.from && request.query.to
          ? { from: request.query.from, to: request.query.to }
          : defaultPeriod(today());
      return reports(actor, (trx) => outcomeIndicators(trx, actor, from, to));
    },
  );
}
