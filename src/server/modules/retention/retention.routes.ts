import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleContext } from '../../platform/module';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import {
  deletionBody,
  dryRunResponse,
  policyBody,
  policyResponse,
  registerResponse,
  runResponse,
  runsResponse,
} from './retention.schema';
import * as retention from './retention.service';

const tags = ['retention'];

/**
 * Retention and deletion (issue 20 §6): /api/retention — the policy, dry runs, deletion runs and
 * their log (GDPR art. 5(1)(e)); the register of processing activities (art. 30).
 */
export async function retentionRoutes(app: FastifyInstance, context: ModuleContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const manage = { access: 'retention.manage' } as const;

  r.get(
    '/api/retention/policy',
    { config: manage, schema: { tags, summary: 'The retention policy', response: { 200: policyResponse } } },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => retention.getPolicy(trx, actor));
    },
  );

  r.put(
    '/api/retention/policy',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set the years after last activity (1–30)',
        body: policyBody,
        response: { 200: policyResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => retention.savePolicy(trx, actor, request.body.years));
    },
  );

  r.get(
    '/api/retention/runs',
    {
      config: manage,
      schema: { tags, summary: 'Dry runs and deletion runs, newest first', response: { 200: runsResponse } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => retention.listRuns(trx, actor)) };
    },
  );

  r.post(
    '/api/retention/dry-runs',
    {
      config: manage,
      schema: {
        tags,
        summary: 'A dry run: who and what would be deleted today; nothing changes',
        response: { 201: dryRunResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await tenant(actor, (trx) => retention.dryRun(trx, actor, context.personalData)));
    },
  );

  r.post(
    '/api/retention/deletions',
    {
      config: manage,
      schema: {
        tags,
        summary: "Delete the dry run's citizens who are still due (the confirmed number)",
        body: deletionBody,
        response: { 201: runResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      return reply
        .status(201)
        .send(await retention.deletionRun(app.db, actor, context.personalData, request.body));
    },
  );

  r.get(
    '/api/retention/register',
    {
      config: { access: 'retention.register' },
      schema: {
        tags,
        summary: 'The register of processing activities (GDPR art. 30), from the modules’ declarations',
        response: { 200: registerResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => retention.processingRegister(trx, actor, context.personalData));
    },
  );
}
