import type { Role } from '../permissions';

/** One claim value (a group's id or name, an app role) and the Hjemvej role it gives. */
export interface RoleMapping {
  value: string;
  role: Role;
}

/** A municipality's single sign-on as the administrator sees it: the client secret only as "set". */
export interface SsoSettingsView {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  roleClaim: string;
  usernameClaim: string;
  roleMappings: RoleMapping[];
  /** The address to register at the identity provider as redirect URI. */
  redirectUri: string;
  /** The address to register as post-logout redirect URI. */
  postLogoutRedirectUri: string;
}

/** What the administrator saves; no client secret keeps the stored one. */
export interface SsoSettingsInput {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  roleClaim: string;
  usernameClaim: string;
  roleMappings: RoleMapping[];
}

/** A municipality whose users can log in with single sign-on (the login page's buttons). */
export interface SsoLoginChoice {
  code: string;
  name: string;
}

/**
 * Why a single sign-on login was refused, as the refusal page names it (no personal data in the
 * address): no role mapped from the claims, a username taken by another user, a disabled user, or
 * single sign-on not set up, or the exchange with the provider failed (state, PKCE, ID token,
 * the provider's error).
 */
export const SSO_REFUSALS = [
  'no_role',
  'username_taken',
  'no_username',
  'disabled',
  'unavailable',
  'failed',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

/** The default claim that names the user (falls back to `email`, then `sub`). */
export const DEFAULT_USERNAME_CLAIM = 'preferred_username';
