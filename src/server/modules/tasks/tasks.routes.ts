import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../platform/request';
import type { TaskProvider } from '../../platform/tasks';
import { tenantTransactions } from '../../platform/tenant';
import { collectTasks } from './tasks.service';

const task = z.object({
  id: z.string(),
  kind: z.string(),
  titleKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  href: z.string(),
  dueAt: z.string().nullable(),
  severity: z.enum(['info', 'warning', 'error']),
});

/** "Mine opgaver": the union of every module's task provider for the logged-in user. */
export async function tasksRoutes(app: FastifyInstance, opts: { providers: readonly TaskProvider[] }) {
  const tenant = tenantTransactions(app);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/tasks',
    {
      config: { access: 'tasks.read' },
      schema: { tags: ['tasks'], summary: 'My tasks', response: { 200: z.object({ items: z.array(task) }) } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return {
        items: await tenant(actor, (trx) => collectTasks(trx, actor, opts.providers)),
      };
    },
  );
}
