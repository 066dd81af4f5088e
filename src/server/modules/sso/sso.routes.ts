import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SsoRefusal } from '../../../shared/sso/api';
import { AppError } from '../../errors';
import { requireAuth } from '../../platform/request';
import { tenantTransactions } from '../../platform/tenant';
import { SESSION_COOKIE, truncateIp } from '../access';
import {
  callbackQuery,
  loginChoicesResponse,
  logoutResponse,
  municipalityCodeParams,
  redirectResponse,
  ssoSettingsBody,
  ssoSettingsResponse,
} from './sso.schema';
import * as sso from './sso.service';

/** The short-lived cookie that carries a started login's sealed state to the callback. */
export const LOGIN_COOKIE = 'hjemvej_sso_login';
const LOGIN_COOKIE_PATH = '/api/sso';

/** Where a refused login lands: the login page's explanation (no personal data in the address). */
const refusalPage = (reason: SsoRefusal) => `/login/sso?fejl=${reason}`;

/** Single sign-on: the login page's choices, start and callback, logout, the administrator's settings. */
export async function ssoRoutes(app: FastifyInstance, opts: { settings: sso.SsoSettings }) {
  const tenant = tenantTransactions(app);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { settings } = opts;
  const secure = (request: FastifyRequest) =>
    app.config.COOKIE_SECURE === 'true' ||
    (app.config.COOKIE_SECURE === 'auto' && request.protocol === 'https');
  /** PUBLIC_URL when set (behind a proxy that rewrites hosts), else the address the request came to. */
  const baseUrl = (request: FastifyRequest) =>
    (app.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
  const urls = (request: FastifyRequest, code: string): sso.SsoUrls => ({
    redirectUri: `${baseUrl(request)}/api/sso/${code}/callback`,
    postLogoutRedirectUri: `${baseUrl(request)}/login`,
  });
  const log = (request: FastifyRequest) => (message: string, error?: unknown) =>
    request.log.warn(
      error instanceof Error ? { err: { type: error.name, message: error.message } } : {},
      message,
    );
  const rateLimit = { max: app.config.LOGIN_RATE_PER_MINUTE, timeWindow: 60_000 };
  const clearLoginCookie = (reply: FastifyReply) =>
    reply.clearCookie(LOGIN_COOKIE, { path: LOGIN_COOKIE_PATH });

  r.get(
    '/api/sso/choices',
    {
      config: { access: 'public' },
      schema: {
        tags: ['sso'],
        summary: 'Municipalities whose users log in with single sign-on',
        response: { 200: loginChoicesResponse },
      },
    },
    async () => ({ items: await sso.loginChoices(app.db.app) }),
  );

  r.get(
    '/api/sso/:code/start',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags: ['sso'],
        summary: 'Start a single sign-on login: redirect to the municipality’s provider',
        params: municipalityCodeParams,
        response: { 302: redirectResponse },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      let started: { location: string; cookie: string };
      try {
        started = await sso.startLogin(app.db.app, settings, code, urls(request, code));
      } catch (error) {
        if (!(error instanceof AppError))
          log(request)('single sign-on: the provider cannot be reached', error);
        return reply.redirect(refusalPage(error instanceof AppError ? 'unavailable' : 'failed'), 302);
      }
      reply.setCookie(LOGIN_COOKIE, started.cookie, {
        path: LOGIN_COOKIE_PATH,
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET from its site.
        sameSite: 'lax',
        secure: secure(request),
        maxAge: sso.LOGIN_STATE_SECONDS,
      });
      return reply.redirect(started.location, 302);
    },
  );

  r.get(
    '/api/sso/:code/callback',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags: ['sso'],
        summary: 'The provider’s answer: log in, or a refusal page',
        params: municipalityCodeParams,
        querystring: callbackQuery,
        response: { 302: redirectResponse },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const address = urls(request, code);
      const callbackUrl = new URL(address.redirectUri);
      callbackUrl.search = new URL(request.url, 'http://x').search;
      const outcome = await sso.finishLogin(
        app.db.app,
        settings,
        code,
        {
          cookie: request.cookies[LOGIN_COOKIE],
          callbackUrl,
          clientIp: truncateIp(request.ip),
          urls: address,
        },
        log(request),
      );
      // One use: a replayed answer finds no login state.
      clearLoginCookie(reply);
      if (!outcome.ok) return reply.redirect(refusalPage(outcome.reason), 302);
      reply.setCookie(SESSION_COOKIE, outcome.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request),
        maxAge: settings.access.maxHours * 3600,
      });
      return reply.redirect('/', 302);
    },
  );

  r.post(
    '/api/sso/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['sso'],
        summary: 'Log out; for a single sign-on session also the provider’s logout address',
        response: { 200: logoutResponse },
      },
    },
    async (request, reply) => {
      const actor = requireAuth(request);
      const redirectTo = await sso.logout(
        app.db.app,
        settings,
        actor,
        urls(request, actor.municipality.code),
        log(request),
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { redirectTo };
    },
  );

  r.get(
    '/api/admin/sso',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['sso'],
        summary: 'My municipality’s single sign-on (the client secret only as set or not)',
        response: { 200: ssoSettingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) => sso.ssoSettings(trx, actor, urls(request, actor.municipality.code)));
    },
  );

  r.put(
    '/api/admin/sso',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['sso'],
        summary: 'Set up single sign-on for my municipality',
        body: ssoSettingsBody,
        response: { 200: ssoSettingsResponse },
      },
    },
    async (request) => {
      const actor = requireAuth(request);
      return tenant(actor, (trx) =>
        sso.saveSsoSettings(trx, settings, actor, request.body, urls(request, actor.municipality.code)),
      );
    },
  );
}
