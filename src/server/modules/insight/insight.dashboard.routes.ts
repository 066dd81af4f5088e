import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALLOCATION_FLOW, PREVENTION_FLOW } from '../../../shared/insight/dashboard';
import { reportedCount } from '../../platform/reported';
import { requireAuth } from '../../platform/request';
import { dashboard } from './insight.dashboard.service';
import { reportedIndicator } from './insight.indicators.routes';
import { keptTransactions, refreshParam } from './insight.kept.routes';

const reported = reportedCount;
const kroner = z.number().nullable();

/** A monthly series: one row per month (YYYY-MM) with a count per key, and the period's totals. */
function series<K extends string>(keys: readonly [K, ...K[]]) {
  const counts = z.object(Object.fromEntries(keys.map((k) => [k, reported])) as Record<K, typeof reported>);
  return z.object({ months: z.array(counts.extend({ month: z.string() })), totals: counts });
}

export const dashboardResponse = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  computedAt: z.string(),
  outcomes: z
    .object({
      indicators: z.array(reportedIndicator),
      flow: z.array(
        z.object({ monthEnd: z.string(), active: reported, inflow: reported, outflow: reported }),
      ),
    })
    .nullable(),
  economy: z
    .object({
      months: z.array(z.object({ month: z.string(), costs: kroner, refunds: kroner, net: kroner })),
      total: z.object({ costs: kroner, refunds: kroner, net: kroner }),
      supply: z.object({
        agreed: z.number(),
        received: z.number(),
        used: z.number(),
        returnedUnused: z.number(),
      }),
      waitingList: reported,
    })
    .nullable(),
  allocation: z
    .object({
      flow: series(ALLOCATION_FLOW),
      waitingList: z.object({ total: reported, byPriority: z.record(z.string(), reported) }),
    })
    .nullable(),
  prevention: z.object({ flow: series(PREVENTION_FLOW) }).nullable(),
});

/** `refresh=true` computes the figures now instead of serving those computed minutes ago. */
const dashboardQuery = z.object({ refresh: refreshParam });

/** The dashboards (issue 18 §4): the sections of the last 12 months the user's role steers by. */
export async function insightDashboardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const kept = keptTransactions(app, 'dashboard');
  r.get(
    '/api/insight/dashboard',
    {
      config: { access: 'insight.dashboard' },
      schema: {
        tags: ['insight'],
        querystring: dashboardQuery,
        summary:
          'The dashboard of the last 12 months: outcomes, costs and supply, the allocation and prevention teams’ monthly flow — the sections the role may see',
        response: { 200: dashboardResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const { refresh } = request.query;
      return dashboard(actor, kept, { refresh });
    },
  );
}
