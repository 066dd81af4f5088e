import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGE_BANDS } from '../../../shared/citizens/status';
import { FLOW_MONTHS_DEFAULT, FLOW_MONTHS_MAX } from '../../../shared/insight/report';
import { reportedCount } from '../../platform/reported';
import { requireAuth } from '../../platform/request';
import { reportTransactions } from '../../platform/tenant';
import { monthlyFlow } from './insight.flow.service';

const reported = reportedCount;

export const flowQuery = z.strictObject({
  months: z.coerce.number().int().min(1).max(FLOW_MONTHS_MAX).default(FLOW_MONTHS_DEFAULT),
});

const flowMonth = z.object({
  monthEnd: z.string(),
  activeBefore: reported,
  active: reported,
  inflow: reported,
  newlyIdentified: reported,
  returnedFromHousing: reported,
  returnedFromInactive: reported,
  outflow: reported,
  housed: reported,
  movedToInactive: reported,
  noLongerMeetsCriteria: reported,
  balanced: z.boolean().nullable(),
});

export const flowResponse = z.object({
  asOf: z.string(),
  months: z.number(),
  policy: z.object({ noContactDays: z.number(), institutionDays: z.number() }),
  overall: z.array(flowMonth),
  youth: z.array(flowMonth),
  byAgeBand: z.array(
    z.object({
      monthEnd: z.string(),
      bands: z.array(
        z.object({ band: z.enum(AGE_BANDS), active: reported, inflow: reported, outflow: reported }),
      ),
    }),
  ),
});

/** The monthly by-name flow (issue 18 §2, rule 35), small numbers suppressed. */
export async function insightFlowRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Reports read the reporting replica when one is configured (ADR 0024).
  const reports = reportTransactions(app);
  r.get(
    '/api/insight/flow',
    {
      config: { access: 'insight.flow' },
      schema: {
        tags: ['insight'],
        summary:
          'Active, inflow and outflow of the by-name list per month end, overall, by age band and for the young',
        querystring: flowQuery,
        response: { 200: flowResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return reports(actor, (trx) => monthlyFlow(trx, actor, request.query.months));
    },
  );
}
