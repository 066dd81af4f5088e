import type { Role } from '../../../shared/permissions';
import {
  DEFAULT_USERNAME_CLAIM,
  type SsoLoginChoice,
  type SsoRefusal,
  type SsoSettingsInput,
  type SsoSettingsView,
} from '../../../shared/sso/api';
import type { Db, Tx } from '../../db/database';
import { withTenant } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor, AuthContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import {
  type AccessSettings,
  logout as endSession,
  findExternalUser,
  openExternalSession,
  provisionExternalUser,
  setExternalUserRole,
  usernameTaken,
} from '../access';
import { open, seal } from './sso.crypto';
import {
  authorizationRequest,
  endSessionUrl,
  exchangeCode,
  type LoginState,
  type ProviderClient,
  providerConfiguration,
} from './sso.oidc';
import { displayNameFromClaims, issuerProblem, roleFromClaims, usernameFromClaims } from './sso.policy';
import * as repo from './sso.repository';
import type { SsoConfigRow } from './sso.table';

/** What single sign-on needs from configuration. */
export interface SsoSettings {
  access: AccessSettings;
  /** NODE_ENV=production: the issuer must be https. */
  production: boolean;
}

/** The addresses the provider sends the browser back to (registered at the provider). */
export interface SsoUrls {
  redirectUri: string;
  postLogoutRedirectUri: string;
}

const SECRET_PURPOSE = 'client-secret';
const ID_TOKEN_PURPOSE = 'id-token';
const LOGIN_PURPOSE = 'login-state';
/** How long a started login may take at the provider (the sealed cookie's lifetime). */
export const LOGIN_STATE_SECONDS = 600;
const SOURCE = 'sso';

function present(row: SsoConfigRow | undefined, urls: SsoUrls): SsoSettingsView {
  return {
    enabled: row?.enabled ?? false,
    issuer: row?.issuer ?? '',
    clientId: row?.client_id ?? '',
    clientSecretSet: row !== undefined,
    roleClaim: row?.role_claim ?? 'groups',
    usernameClaim: row?.username_claim ?? DEFAULT_USERNAME_CLAIM,
    roleMappings: row?.role_mappings ?? [],
    ...urls,
  };
}

/** The municipality's single sign-on for the administrator: the client secret only as "set". */
export async function ssoSettings(trx: Tx, actor: Actor, urls: SsoUrls): Promise<SsoSettingsView> {
  return present(await repo.findConfig(trx, actor.municipalityId), urls);
}

/**
 * Saves the municipality's single sign-on. The client secret is sealed (AES-256-GCM); left out,
 * the stored one stays. Production requires an https issuer. Audited without the secret.
 */
export async function saveSsoSettings(
  trx: Tx,
  settings: SsoSettings,
  actor: Actor,
  input: SsoSettingsInput,
  urls: SsoUrls,
): Promise<SsoSettingsView> {
  const issuer = input.issuer.trim().replace(/\/+$/, '');
  const problem = issuerProblem(issuer, settings.production);
  if (problem) throw new AppError('V_VALIDATION', { fields: [{ path: 'issuer', code: problem }] });
  const current = await repo.findConfig(trx, actor.municipalityId);
  const secret = input.clientSecret?.trim();
  if (!secret && !current)
    throw new AppError('SSO_SECRET_REQUIRED', { fields: [{ path: 'clientSecret', code: 'required' }] });
  const values = new Set<string>();
  for (const [i, mapping] of input.roleMappings.entries()) {
    const value = mapping.value.trim();
    if (values.has(value))
      throw new AppError('V_VALIDATION', {
        fields: [{ path: `roleMappings.${i}.value`, code: 'duplicate_value' }],
      });
    values.add(value);
  }
  await repo.upsertConfig(trx, {
    municipalityId: actor.municipalityId,
    enabled: input.enabled,
    issuer,
    clientId: input.clientId.trim(),
    clientSecretSealed: secret
      ? seal(settings.access.secret, SECRET_PURPOSE, actor.municipalityId, secret)
      : (current?.client_secret_sealed ?? ''),
    roleClaim: input.roleClaim.trim(),
    usernameClaim: input.usernameClaim.trim(),
    roleMappings: input.roleMappings.map((m) => ({ value: m.value.trim(), role: m.role })),
    updatedBy: actor.userId,
  });
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'sso.configure',
    entityType: 'sso_config',
    entityId: actor.municipalityId,
    details: {
      enabled: input.enabled,
      issuer,
      clientSecretChanged: Boolean(secret),
      mappings: input.roleMappings.length,
    },
  });
  return present(await repo.findConfig(trx, actor.municipalityId), urls);
}

/** The municipalities whose users can log in with single sign-on (public: the login page). */
export async function loginChoices(db: Db): Promise<SsoLoginChoice[]> {
  return (await repo.loginChoices(db)).map(({ code, name }) => ({ code, name }));
}

/** A municipality with single sign-on on, by its code, and its provider; null when there is none. */
async function providerOf(
  db: Db,
  settings: SsoSettings,
  code: string,
): Promise<{ municipalityId: string; config: SsoConfigRow; provider: ProviderClient } | null> {
  const choice = (await repo.loginChoices(db)).find((c) => c.code === code);
  if (!choice) return null;
  const config = await withTenant(db, choice.id, (trx) => repo.findConfig(trx, choice.id));
  // An issuer saved outside production (http on localhost) is not used in production.
  if (!config?.enabled || issuerProblem(config.issuer, settings.production)) return null;
  return {
    municipalityId: choice.id,
    config,
    provider: {
      issuer: config.issuer,
      clientId: config.client_id,
      clientSecret: open(settings.access.secret, SECRET_PURPOSE, choice.id, config.client_secret_sealed),
    },
  };
}

/**
 * Starts a login at the municipality's provider: the address to send the browser to, and the
 * sealed login state (state, nonce, PKCE verifier, expiry) for its short-lived cookie.
 */
export async function startLogin(
  db: Db,
  settings: SsoSettings,
  code: string,
  urls: SsoUrls,
): Promise<{ location: string; cookie: string }> {
  const found = await providerOf(db, settings, code);
  if (!found) throw new AppError('SSO_NOT_AVAILABLE');
  const config = await providerConfiguration(found.provider);
  const { url, login } = await authorizationRequest(config, urls.redirectUri);
  const sealed = seal(
    settings.access.secret,
    LOGIN_PURPOSE,
    code,
    JSON.stringify({ ...login, until: Date.now() + LOGIN_STATE_SECONDS * 1000 }),
  );
  return { location: url.toString(), cookie: sealed };
}

/** The login state of the cookie, if it is this municipality's, intact and not expired. */
function loginStateOf(settings: SsoSettings, code: string, cookie: string | undefined): LoginState | null {
  if (!cookie) return null;
  try {
    const value = JSON.parse(open(settings.access.secret, LOGIN_PURPOSE, code, cookie)) as LoginState & {
      until: number;
    };
    return value.until > Date.now() ? value : null;
  } catch {
    return null;
  }
}

/** The outcome of a provider's answer: a Hjemvej session, or a refusal the login page explains. */
export type LoginOutcome = { ok: true; token: string } | { ok: false; reason: SsoRefusal };

/**
 * Finishes a login when the provider sends the browser back: checks the login state of the
 * browser's cookie, exchanges the code and validates the ID token, maps the claims to a role and
 * provisions the user just in time (first login) or brings its role up to date (later logins),
 * then opens a Hjemvej session as password login does. Refusals after a valid ID token (no mapped
 * role, a taken username, a disabled user) are audited.
 */
export async function finishLogin(
  db: Db,
  settings: SsoSettings,
  code: string,
  input: { cookie: string | undefined; callbackUrl: URL; clientIp: string | null; urls: SsoUrls },
  log: (message: string, error?: unknown) => void,
): Promise<LoginOutcome> {
  const found = await providerOf(db, settings, code);
  const login = loginStateOf(settings, code, input.cookie);
  if (!found || !login) {
    log(found ? 'single sign-on: no valid login state' : 'single sign-on: not available');
    return { ok: false, reason: 'failed' };
  }
  let answer: { claims: Record<string, unknown>; idToken: string };
  try {
    answer = await exchangeCode(await providerConfiguration(found.provider), input.callbackUrl, login);
  } catch (error) {
    log('single sign-on: the provider’s answer was refused', error);
    return { ok: false, reason: 'failed' };
  }
  const { claims } = answer;
  const { municipalityId, config } = found;
  const issuer = String(claims.iss);
  const subject = String(claims.sub);
  const role = roleFromClaims(claims, config.role_claim, config.role_mappings);
  const username = usernameFromClaims(claims, config.username_claim);

  const outcome = await withTenant(
    db,
    municipalityId,
    async (trx): Promise<{ ok: true; userId: string } | { ok: false; reason: SsoRefusal }> => {
      const userId = await repo.findIdentityUser(trx, municipalityId, issuer, subject);
      const refuse = async (reason: SsoRefusal) => {
        await recordAudit(trx, null, municipalityId, {
          action: 'auth.sso_refused',
          entityType: 'user',
          entityId: userId ?? null,
          details: { reason, issuer, subject },
        });
        return { ok: false as const, reason };
      };
      if (!role) return refuse('no_role');
      if (userId) {
        const user = await findExternalUser(trx, municipalityId, userId);
        if (!user || user.disabled) return refuse('disabled');
        if (user.role !== role) await setExternalUserRole(trx, municipalityId, userId, role, SOURCE);
        return { ok: true, userId };
      }
      if (!username) return refuse('no_username');
      if (await usernameTaken(trx, username)) return refuse('username_taken');
      const user = await provisionExternalUser(trx, municipalityId, {
        username,
        displayName: displayNameFromClaims(claims, username),
        role: role as Role,
        source: SOURCE,
      });
      await repo.insertIdentity(trx, { municipalityId, issuer, subject, userId: user.id });
      return { ok: true, userId: user.id };
    },
  );
  if (!outcome.ok) return outcome;
  const session = await openExternalSession(
    db,
    settings.access,
    { userId: outcome.userId, municipalityId, clientIp: input.clientIp, method: SOURCE },
    (trx, tokenHash) =>
      repo.insertSsoSession(trx, {
        tokenHash,
        municipalityId,
        idTokenSealed: seal(settings.access.secret, ID_TOKEN_PURPOSE, municipalityId, answer.idToken),
      }),
  );
  return { ok: true, token: session.token };
}

/**
 * Ends the session (as the access module's logout does); for a single sign-on session also the
 * address of the provider's logout with the ID token as hint (RP-Initiated Logout 1.0), or null.
 */
export async function logout(
  db: Db,
  settings: SsoSettings,
  actor: AuthContext,
  urls: SsoUrls,
  log: (message: string, error?: unknown) => void,
): Promise<string | null> {
  const sso = await withTenant(db, actor.municipalityId, async (trx) => {
    const row = await repo.findSsoSession(trx, actor.municipalityId, actor.sessionTokenHash);
    const config = row ? await repo.findConfig(trx, actor.municipalityId) : undefined;
    return row && config ? { row, config } : null;
  });
  await endSession(db, actor);
  if (!sso) return null;
  try {
    const secret = settings.access.secret;
    const config = await providerConfiguration({
      issuer: sso.config.issuer,
      clientId: sso.config.client_id,
      clientSecret: open(secret, SECRET_PURPOSE, actor.municipalityId, sso.config.client_secret_sealed),
    });
    const idToken = open(secret, ID_TOKEN_PURPOSE, actor.municipalityId, sso.row.id_token_sealed);
    return endSessionUrl(config, idToken, urls.postLogoutRedirectUri);
  } catch (error) {
    // The Hjemvej session has ended; the provider's session ends on its own.
    log('single sign-on: no logout at the provider', error);
    return null;
  }
}
