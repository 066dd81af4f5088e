import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthContext } from '../../platform/actor';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import {
  changeUserBody,
  codeBody,
  createUserBody,
  enrolmentResponse,
  loginBody,
  organisationChoicesResponse,
  recoveryCodesResponse,
  rolesResponse,
  secondFactorRolesBody,
  secondFactorRolesResponse,
  secondFactorStatusResponse,
  secondStepResponse,
  sessionResponse,
  sessionWithRecoveryCodes,
  userIdParams,
  userView,
} from './access.schema';
import * as access from './access.service';
import { SESSION_COOKIE } from './auth.plugin';
import * as secondFactor from './second-factor.service';
import { PENDING_MINUTES } from './second-step';

/** The pending login between the password and the second step (httpOnly, path /api/session). */
export const PENDING_COOKIE = 'hjemvej_login_pending';

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
      schema: {
        tags: ['access'],
        summary: 'Log in: a session, or (202) the second step a second factor asks for',
        body: loginBody,
        response: { 200: sessionResponse, 202: secondStepResponse },
      },
    },
    async (request, reply) => {
      const result = await access.login(app.db.app, settings, {
        ...request.body,
        clientIp: truncateIp(request.ip),
      });
      if (result.kind === 'second_step') {
        reply.setCookie(PENDING_COOKIE, result.pendingToken, {
          path: '/api/session',
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookie(reply),
          maxAge: PENDING_MINUTES * 60,
        });
        return reply.status(202).send({ secondStep: result.step });
      }
      return startSession(reply, result);
    },
  );

  /**
   * Sets the session cookie and answers with the session; a pending login's cookie, when the request
   * brought one, is dropped after it (the session's cookie first, for a client that reads one).
   */
  const startSession = (reply: FastifyReply, result: access.LoginResult) => {
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie(reply),
      maxAge: settings.maxHours * 3600,
    });
    if (reply.request.cookies[PENDING_COOKIE] !== undefined)
      reply.clearCookie(PENDING_COOKIE, { path: '/api/session' });
    return presentSession(result.context);
  };

  r.post(
    '/api/session/second-factor',
    {
      config: {
        access: 'public',
        rateLimit: { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 },
      },
      schema: {
        tags: ['access'],
        summary: "The login's second step: a TOTP code or a recovery code",
        body: codeBody,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const result = await secondFactor.completeLogin(app.db.app, settings, {
        pendingToken: request.cookies[PENDING_COOKIE],
        code: request.body.code,
        clientIp: truncateIp(request.ip),
      });
      return startSession(reply, result);
    },
  );

  r.post(
    '/api/session/enrolment',
    {
      config: {
        access: 'public',
        rateLimit: { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 },
      },
      schema: {
        tags: ['access'],
        summary: 'Start setting up a second factor during login (a role that must use one)',
        response: { 200: enrolmentResponse },
      },
    },
    async (request) =>
      secondFactor.startLoginEnrolment(app.db.app, settings, request.cookies[PENDING_COOKIE]),
  );

  r.post(
    '/api/session/enrolment/confirm',
    {
      config: {
        access: 'public',
        rateLimit: { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 },
      },
      schema: {
        tags: ['access'],
        summary: 'Confirm the second factor with a code: recovery codes (shown once) and a session',
        body: codeBody,
        response: { 200: sessionWithRecoveryCodes },
      },
    },
    async (request, reply) => {
      const { recoveryCodes, ...result } = await secondFactor.confirmLoginEnrolment(app.db.app, settings, {
        pendingToken: request.cookies[PENDING_COOKIE],
        code: request.body.code,
        clientIp: truncateIp(request.ip),
      });
      return { ...startSession(reply, result), recoveryCodes };
    },
  );

  r.get(
    '/api/account/second-factor',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['access'],
        summary: 'Whether I have a second factor, must have one, and recovery codes left',
        response: { 200: secondFactorStatusResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => secondFactor.secondFactorStatus(trx, actor));
    },
  );

  r.post(
    '/api/account/second-factor/enrolment',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['access'],
        summary: 'Start setting up my second factor: a new secret and its QR code',
        response: { 200: enrolmentResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => secondFactor.startOwnEnrolment(trx, settings, actor));
    },
  );

  r.post(
    '/api/account/second-factor/confirm',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['access'],
        summary: 'Confirm my second factor with a code: recovery codes, shown once',
        body: codeBody,
        response: { 200: recoveryCodesResponse },
      },
    },
    async (request) => ({
      recoveryCodes: await secondFactor.confirmOwnEnrolment(
        app.db.app,
        settings,
        requireAuth(request),
        request.body.code,
      ),
    }),
  );

  r.post(
    '/api/account/second-factor/recovery-codes',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['access'],
        summary: 'New recovery codes for a current code (the old ones stop working)',
        body: codeBody,
        response: { 200: recoveryCodesResponse },
      },
    },
    async (request) => ({
      recoveryCodes: await secondFactor.regenerateRecoveryCodes(
        app.db.app,
        settings,
        requireAuth(request),
        request.body.code,
      ),
    }),
  );

  r.post(
    '/api/admin/users/:id/second-factor/reset',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['access'],
        summary: "Remove a user's second factor (a lost phone); she sets it up again at her next login",
        params: userIdParams,
        response: { 200: userView },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, async (trx) => {
        await secondFactor.resetSecondFactor(trx, actor, request.params.id);
        return access.findUserView(trx, settings, actor, request.params.id);
      });
    },
  );

  r.get(
    '/api/admin/second-factor-roles',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['access'],
        summary: 'The roles that must log in with a second factor',
        response: { 200: secondFactorRolesResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return { roles: await tenant(actor, (trx) => secondFactor.secondFactorRoles(trx, actor)) };
    },
  );

  r.put(
    '/api/admin/second-factor-roles',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['access'],
        summary: 'Change the roles that must log in with a second factor',
        body: secondFactorRolesBody,
        response: { 200: secondFactorRolesResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return {
        roles: await tenant(actor, (trx) =>
          secondFactor.changeSecondFactorRoles(trx, actor, request.body.roles),
        ),
      };
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
