import type { FastifyRequest } from 'fastify';
import type { RouteAccess } from '../../shared/permissions';
import { AppError } from '../errors';
import type { AuthContext } from './actor';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: required on every route (see assertEveryRouteDeclaresAccess). */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    /** Every route with its declared access, for the route-permission test and the docs. */
    routeAccess(): { method: string; url: string; access: RouteAccess | undefined }[];
  }
}

/** The request's user, or AUTH_REQUIRED. For handlers of non-public routes. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('AUTH_REQUIRED');
  return request.auth;
}
