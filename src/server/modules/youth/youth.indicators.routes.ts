import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reportedCount } from '../../platform/reported';
import { requireAuth } from '../../platform/request';
import { reportTransactions } from '../../platform/tenant';
import { youthIndicators } from './youth.indicators.service';

const reported = reportedCount;

export const indicatorsResponse = z.object({
  asOf: z.string(),
  years: z.array(
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
  national: z.array(z.object({ year: z.number(), age18to24: z.number(), age25to29: z.number() })),
});

/** The youth indicators for the leader (issue 17 §8), small numbers suppressed. */
export async function youthIndicatorsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Reports read the reporting replica when one is configured (ADR 0024).
  const reports = reportTransactions(app);
  r.get(
    '/api/youth/indicators',
    {
      config: { access: 'youth.indicators' },
      schema: {
        tags: ['youth'],
        summary: 'Young homeless, formerly placed, § 111 decisions on time and transitions at 18, per year',
        response: { 200: indicatorsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return reports(actor, (trx) => youthIndicators(trx, actor));
    },
  );
}
