import type { Role } from '../../../shared/permissions';
import { DEFAULT_USERNAME_CLAIM, type RoleMapping } from '../../../shared/sso/api';

/** Claims of an ID token and the userinfo answer, as openid-client gives them. */
export type Claims = Record<string, unknown>;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why an issuer URL cannot be used, or null. Production requires https (OpenID Connect Discovery
 * §3, ASVS 9.2.1); plain http is allowed only for a localhost issuer outside production (tests and
 * development). No query or fragment (OpenID Connect Discovery §2).
 */
export function issuerProblem(issuer: string, production: boolean): 'invalid' | 'https_required' | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'invalid';
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return 'invalid';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'invalid';
  return !production && LOCAL_HOSTS.has(url.hostname) ? null : 'https_required';
}

/** Whether the issuer is plain http (allowed for localhost outside production only). */
export const isInsecureIssuer = (issuer: string) => issuer.startsWith('http:');

/** A claim's values as strings: a string, a number or a list of them (groups, roles). */
function claimValues(value: unknown): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (Array.isArray(value))
    return value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
  return [];
}

/**
 * The Hjemvej role the claims give: a Hjemvej user has one role, so the first mapping (in the
 * administrator's order) whose value the role claim carries wins; null when none does.
 */
export function roleFromClaims(
  claims: Claims,
  roleClaim: string,
  mappings: readonly RoleMapping[],
): Role | null {
  const values = new Set(claimValues(claims[roleClaim]));
  return mappings.find((m) => values.has(m.value))?.role ?? null;
}

/** What a username may look like in Hjemvej (app_user's check constraint). */
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/**
 * The Hjemvej username of a provider's user: the configured claim, else `preferred_username`, else
 * `email`, else `sub`; lower-cased, each run of characters a username cannot hold (`@`, spaces)
 * as `_`. Null when nothing usable is left.
 */
export function usernameFromClaims(claims: Claims, usernameClaim: string): string | null {
  for (const claim of [usernameClaim, DEFAULT_USERNAME_CLAIM, 'email', 'sub']) {
    const value = claims[claim];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const name = value
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '_')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 63);
    if (USERNAME.test(name)) return name;
  }
  return null;
}

/** The name to show: `name`, else given and family name, else the username. */
export function displayNameFromClaims(claims: Claims, username: string): string {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const name =
    text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  return (name || username).slice(0, 200);
}
