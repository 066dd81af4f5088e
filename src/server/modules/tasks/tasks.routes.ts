import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/request';
import type { TaskProvider } from '../../platform/tasks';
import { tenantTransactions } from '../../platform/tenant';
import { collectTasks, markTaskRead } from './tasks.service';

const task = z.object({
  id: z.string(),
  kind: z.string(),
  titleKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  href: z.string(),
  dueAt: z.string().nullable(),
  severity: z.enum(['info', 'warning', 'error']),
  notice: z.boolean(),
});

const readParams = z.strictObject({ id: z.string().min(1).max(200) });

/** "Mine opgaver": the union of every module's task provider for the logged-in user. */
export async function tasksRoutes(app: FastifyInstance, opts: { providers: readonly TaskProvider[] }) {
  const tenant = tenantTransactions(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/tasks',
    {
      config: { access: 'tasks.read' },
      schema: { tags: ['tasks'], summary: 'My tasks', response: { 200: z.object({ items: z.array(task) }) } },
    },
    async (request) => {
      const actor = requireAuth(request);
      const items = await tenant(actor, (trx) => collectTasks(trx, actor, opts.providers));
      return { items: items.map((t) => ({ ...t, notice: t.notice ?? false })) };
    },
  );

  r.post(
    '/api/tasks/:id/read',
    {
      config: { access: 'tasks.read' },
      schema: {
        tags: ['tasks'],
        summary: 'Mark one of my notices read (it no longer shows)',
        params: readParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      await tenant(actor, (trx) => markTaskRead(trx, actor, opts.providers, request.params.id));
      return reply.status(204).send();
    },
  );
}
