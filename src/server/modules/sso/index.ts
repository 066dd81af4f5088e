import '../../../shared/sso/errors';
import type { ServerModule } from '../../platform/module';
import { accessSettings } from '../access';
import * as m0041 from './migrations/2026-12-12-0041-sso';
import { ssoRoutes } from './sso.routes';

/**
 * Single sign-on with OpenID Connect (issue 20 §2), as municipalities use with Microsoft Entra ID
 * or KOMBIT's context handler: a provider per municipality set by its administrator, login with
 * authorisation code + PKCE, roles mapped from the claims, users provisioned just in time, logout
 * at the provider (ADR 0020).
 */
export const module: ServerModule = {
  name: 'sso',
  routes: (app, { config }) =>
    ssoRoutes(app, {
      settings: { access: accessSettings(config), production: config.NODE_ENV === 'production' },
    }),
  migrations: { '2026-12-12-0041-sso': m0041 },
};
