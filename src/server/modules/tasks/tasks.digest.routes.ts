import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config';
import { requireAuth } from '../../platform/request';
import type { TaskProvider } from '../../platform/tasks';
import { tenantTransactions } from '../../platform/tenant';
import { digestSettings, runDigest, saveDigestSettings } from './tasks.digest';

const settings = z.object({ available: z.boolean(), enabled: z.boolean(), email: z.string().nullable() });

/** On needs an address; off may keep one (to turn on again) or clear it (removes it). */
const settingsInput = z
  .strictObject({
    enabled: z.boolean(),
    email: z.email().max(254).or(z.literal('')),
  })
  .superRefine((input, ctx) => {
    if (input.enabled && input.email === '')
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'required when enabled' });
  });

/**
 * The daily task digest (issue 14 §2): each user's own opt-in (no user id in the path: another
 * user's setting cannot be named), and an administrator's "send now" for the municipality.
 */
export async function digestRoutes(
  app: FastifyInstance,
  opts: { config: Config; providers: readonly TaskProvider[] },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tenant = tenantTransactions(app);
  const available = Boolean(opts.config.SMTP_URL);

  r.get(
    '/api/tasks/digest',
    {
      config: { access: 'tasks.read' },
      schema: { tags: ['tasks'], summary: 'My daily e-mail digest setting', response: { 200: settings } },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => digestSettings(trx, actor, available));
    },
  );

  r.put(
    '/api/tasks/digest',
    {
      config: { access: 'tasks.read' },
      schema: {
        tags: ['tasks'],
        summary: 'Opt in to or out of my daily e-mail digest of new tasks',
        body: settingsInput,
        response: { 200: settings },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => saveDigestSettings(trx, actor, request.body, available));
    },
  );

  r.post(
    '/api/tasks/digest/run',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['tasks'],
        summary: "Send today's digest now to the municipality's users who opted in and have not had it",
        response: {
          200: z.object({
            users: z.number().int(),
            messages: z.number().int(),
            tasks: z.number().int(),
            failed: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return runDigest(app.db, {
        config: opts.config,
        providers: opts.providers,
        municipalityId: actor.municipalityId,
        log: request.log,
      });
    },
  );
}
