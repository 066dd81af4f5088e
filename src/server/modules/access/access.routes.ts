import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthContext } from '../../platform/actor';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import {
  changeUserBody,
  createUserBody,
  loginBody,
  organisationChoicesResponse,
  rolesResponse,
  sessionResponse,
  userIdParams,
  userView,
} from './access.schema';
import * as access from './access.service';
import { SESSION_COOKIE } from './auth.plugin';
import { truncateIp } from './client-ip';

const presentSession = (ctx: AuthContext) => ({
  user: {
    id: ctx.userId,
    username: ctx.username,
    displayName: ctx.displayName,
    role: ctx.role,
    permissions: [...ctx.permissions].sort(),
    municipality: ctx.municipality,
  },
  csrfToken: ctx.csrfToken,
});

/** Login, session, logout, roles and the administrator's user management. */
export async function accessRoutes(app: FastifyInstance, opts: { settings: access.AccessSettings }) {
  const tenant = tenantTransactions(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { settings } = opts;
  const secureCookie = (reply: FastifyReply) =>
    app.config.COOKIE_SECURE === 'true' ||
    (app.config.COOKIE_SECURE === 'auto' && reply.request.protocol === 'https');

  r.get(
    '/api/session',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['access'],
        summary: 'The logged-in user and CSRF token',
        response: { 200: sessionResponse },
      },
    },
    async (request) => presentSession(requireAuth(request)),
  );

  r.post(
    '/api/session/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 },
      },
      schema: { tags: ['access'], summary: 'Log in', body: loginBody, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const { token, context } = await access.login(app.db.app, settings, {
        ...request.body,
        clientIp: truncateIp(request.ip),
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(reply),
        maxAge: settings.maxHours * 3600,
      });
      return presentSession(context);
    },
  );

  r.post(
    '/api/session/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['access'],
        summary: 'Log out',
        response: { 204: z.undefined().describe('No content') },
      },
    },
    async (request, reply) => {
      await access.logout(app.db.app, requireAuth(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/roles',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['access'], summary: 'Roles and their permissions', response: { 200: rolesResponse } },
    },
    async () => ({ items: await access.listRoles(app.db.app) }),
  );

  r.get(
    '/api/admin/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['access'],
        summary: 'Users of my municipality',
        response: { 200: z.object({ items: z.array(userView) }) },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return {
        items: await tenant(actor, (trx) => access.listUsers(trx, settings, actor)),
      };
    },
  );

  r.post(
    '/api/admin/users',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['access'],
        summary: 'Create a user',
        body: createUserBody,
        response: { 201: userView },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const user = await tenant(actor, (trx) => access.adminCreateUser(trx, actor, request.body));
      return reply.status(201).send(user);
    },
  );

  r.patch(
    '/api/admin/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['access'],
        summary: 'Change role, name or disabled state',
        params: userIdParams,
        body: changeUserBody,
        response: { 200: userView },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        access.adminChangeUser(trx, settings, actor, request.params.id, request.body),
      );
    },
  );

  r.get(
    '/api/admin/housing-organisations',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['access'],
        summary: 'The housing organisations a housing-organisation user can act for',
        response: { 200: organisationChoicesResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { items: await tenant(actor, (trx) => access.housingOrganisationChoices(trx, actor)) };
    },
  );

  r.post(
    '/api/admin/users/:id/unlock',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['access'],
        summary: 'Lift a login lockout',
        params: userIdParams,
        response: { 200: userView },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => access.unlockUser(trx, settings, actor, request.params.id));
    },
  );
}
