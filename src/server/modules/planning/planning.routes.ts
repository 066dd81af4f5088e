import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ScenarioRequest } from '../../../shared/planning/api';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import {
  baselineResponse,
  idParams,
  reportBody,
  scenarioDetail,
  scenarioRequest,
  scenarioSummary,
} from './planning.schema';
import {
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  planningBaseline,
  runScenario,
  setInReport,
} from './planning.service';

/**
 * Planning (issue 19): the baseline, and scenarios saved, run off the request path, read while they
 * run (progress) and when done, added to the committee report and deleted.
 */
export async function planningRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const tags = ['planning'];
  const read = { access: 'planning.read' } as const;
  const run = { access: 'planning.run' } as const;

  // Runs in flight: the server waits for them before it closes its database.
  const running = new Set<Promise<void>>();
  app.addHook('preClose', async () => {
    await Promise.allSettled([...running]);
  });

  r.get(
    '/api/planning/baseline',
    {
      config: read,
      schema: {
        tags,
        summary: 'What a forecast of the municipality starts from: its history, supply, staffing and rates',
        response: { 200: baselineResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => planningBaseline(trx, actor));
    },
  );

  r.get(
    '/api/planning/scenarios',
    {
      config: read,
      schema: {
        tags,
        summary: "The municipality's saved scenarios, newest first",
        response: { 200: z.object({ scenarios: z.array(scenarioSummary) }) },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { scenarios: await tenant(actor, (trx) => listScenarios(trx, actor)) };
    },
  );

  r.post(
    '/api/planning/scenarios',
    {
      config: run,
      schema: {
        tags,
        summary: 'Save a scenario and start its forecast (read its progress and result by its id)',
        body: scenarioRequest,
        response: { 202: scenarioSummary },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const body = request.body as ScenarioRequest;
      const saved = await tenant(actor, (trx) => createScenario(trx, actor, body));
      const job = runScenario(app.db.app, actor.municipalityId, saved.id, body)
        .catch((error) => request.log.error({ err: error, scenario: saved.id }, 'a forecast failed'))
        .finally(() => running.delete(job));
      running.add(job);
      return reply.code(202).send(saved);
    },
  );

  r.get(
    '/api/planning/scenarios/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One scenario: its assumptions, its run and, when done, its forecast',
        params: idParams,
        response: { 200: scenarioDetail },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => getScenario(trx, actor, request.params.id));
    },
  );

  r.put(
    '/api/planning/scenarios/:id/report',
    {
      config: run,
      schema: {
        tags,
        summary: 'Add a finished scenario to the committee report, or take it out',
        params: idParams,
        body: reportBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => setInReport(trx, actor, request.params.id, request.body.inReport));
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/api/planning/scenarios/:id',
    {
      config: run,
      schema: { tags, summary: 'Delete a saved scenario', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => deleteScenario(trx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );
}
