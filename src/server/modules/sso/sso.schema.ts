import { z } from 'zod';
import { ROLES } from '../../../shared/permissions';

export const municipalityCodeParams = z.strictObject({ code: z.string().regex(/^[0-9]{3}$/) });

/** The provider's answer on the redirect URI; openid-client reads it from the address itself. */
export const callbackQuery = z.looseObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(2000).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(2000).optional(),
});

const claimName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_:./-]+$/);

export const ssoSettingsBody = z.strictObject({
  enabled: z.boolean(),
  issuer: z.string().trim().min(1).max(500),
  clientId: z.string().trim().min(1).max(500),
  /** Left out (or empty): the stored secret stays. */
  clientSecret: z.string().max(2000).optional(),
  roleClaim: claimName,
  usernameClaim: claimName,
  roleMappings: z
    .array(z.strictObject({ value: z.string().trim().min(1).max(500), role: z.enum(ROLES) }))
    .max(100),
});

export const ssoSettingsResponse = z.object({
  enabled: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean(),
  roleClaim: z.string(),
  usernameClaim: z.string(),
  roleMappings: z.array(z.object({ value: z.string(), role: z.enum(ROLES) })),
  redirectUri: z.string(),
  postLogoutRedirectUri: z.string(),
});

export const loginChoicesResponse = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const logoutResponse = z.object({
  /** The provider's logout to send the browser to, for a single sign-on session; else null. */
  redirectTo: z.string().nullable(),
});

export const redirectResponse = z.undefined().describe('Redirect (Location)');
