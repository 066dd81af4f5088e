import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { searchAudit, verifyChain } from './audit.service';

const isoDate = z.iso.date();

const searchQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const entry = z.object({
  id: z.string(),
  /** The row's place in the chain; null for the second or so before it is chained (ADR 0009). */
  seq: z.number().nullable(),
  occurredAt: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  purpose: z.string().nullable(),
  clientIp: z.string().nullable(),
});

const verifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number(),
  headHash: z.string().nullable(),
  brokenAt: z.object({ seq: z.number(), reason: z.string() }).nullable(),
});

/** The auditor's view of the audit log of their own municipality. */
export async function auditRoutes(app: FastifyInstance) {
  const tenant = tenantTransactions(app);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log',
        querystring: searchQuery,
        response: {
          200: z.object({ items: z.array(entry), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      const q = request.query;
      const empty = (v: string | undefined) => (v ? v : undefined);
      const result = await tenant(actor, (trx) =>
        searchAudit(trx, {
          municipalityId: actor.municipalityId,
          from: q.from,
          to: q.to,
          action: empty(q.action),
          entityType: empty(q.entityType),
          entityId: empty(q.entityId),
          actor: empty(q.actor),
          limit: q.pageSize,
          offset: (q.page - 1) * q.pageSize,
        }),
      );
      return { ...result, page: q.page, pageSize: q.pageSize };
    },
  );

  r.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: "Verify my municipality's hash chain",
        response: { 200: verifyResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => verifyChain(trx, actor.municipalityId));
    },
  );
}
