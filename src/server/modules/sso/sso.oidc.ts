import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { isInsecureIssuer } from './sso.policy';

/** A municipality's provider as openid-client needs it. */
export interface ProviderClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** How long a provider's discovered metadata (and its keys) is reused before it is fetched again. */
const DISCOVERY_TTL_MS = 10 * 60_000;
const discovered = new Map<string, { until: number; config: Promise<client.Configuration> }>();

/**
 * The provider's configuration from its discovery document (OpenID Connect Discovery 1.0), kept
 * ten minutes per issuer, client and secret. Plain http only for an issuer the policy allowed
 * (localhost outside production): openid-client refuses it otherwise.
 */
export function providerConfiguration(provider: ProviderClient): Promise<client.Configuration> {
  const key = createHash('sha256')
    .update(`${provider.issuer}\n${provider.clientId}\n${provider.clientSecret}`)
    .digest('base64url');
  const now = Date.now();
  const hit = discovered.get(key);
  if (hit && hit.until > now) return hit.config;
  const config = client.discovery(
    new URL(provider.issuer),
    provider.clientId,
    undefined,
    client.ClientSecretBasic(provider.clientSecret),
    {
      timeout: 10,
      ...(isInsecureIssuer(provider.issuer) ? { execute: [client.allowInsecureRequests] } : {}),
    },
  );
  discovered.set(key, { until: now + DISCOVERY_TTL_MS, config });
  config.catch(() => discovered.delete(key));
  return config;
}

/** What the browser keeps between the redirect to the provider and its way back (sealed cookie). */
export interface LoginState {
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * The authorisation request: code flow with PKCE (S256, RFC 7636), a random state (CSRF of the
 * redirect, RFC 6749 §10.12) and nonce (replay of the ID token, OpenID Connect Core §3.1.2.1).
 */
export async function authorizationRequest(
  config: client.Configuration,
  redirectUri: string,
): Promise<{ url: URL; login: LoginState }> {
  const login: LoginState = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(login.verifier),
    code_challenge_method: 'S256',
    state: login.state,
    nonce: login.nonce,
  });
  return { url, login };
}

/**
 * Exchanges the code (with the PKCE verifier) and validates the ID token: signature, issuer,
 * audience, expiry, nonce (openid-client); then adds the userinfo claims the ID token lacks (the
 * ID token's own win). Throws on any failure.
 */
export async function exchangeCode(
  config: client.Configuration,
  callbackUrl: URL,
  login: LoginState,
): Promise<{ claims: Record<string, unknown>; idToken: string }> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: login.verifier,
    expectedState: login.state,
    expectedNonce: login.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims || !tokens.id_token) throw new Error('No ID token');
  let userInfo: Record<string, unknown> = {};
  if (config.serverMetadata().userinfo_endpoint && tokens.access_token)
    userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  return { claims: { ...userInfo, ...idClaims }, idToken: tokens.id_token };
}

/** The provider's logout (RP-Initiated Logout 1.0), or null when it has no end_session_endpoint. */
export function endSessionUrl(
  config: client.Configuration,
  idToken: string,
  postLogoutRedirectUri: string,
): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  return client
    .buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri })
    .toString();
}
