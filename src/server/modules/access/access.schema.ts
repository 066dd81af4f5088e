import { z } from 'zod';
import { ROLES } from '../../../shared/permissions';
import { MIN_PASSWORD_LENGTH } from './password';

export const roleSchema = z.enum(ROLES);

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});

export const sessionResponse = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    permissions: z.array(z.string()),
    municipality: z.object({ id: z.uuid(), code: z.string(), name: z.string(), authority: z.string() }),
  }),
  csrfToken: z.string(),
});

export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  organisationId: z.uuid().nullable(),
  secondFactor: z.boolean(),
});

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9][a-z0-9._-]+$/);

export const createUserBody = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
  /** The housing organisation a housing-organisation user acts for: required with that role only. */
  organisationId: z.uuid().optional(),
});

export const changeUserBody = z.strictObject({
  role: roleSchema.optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
  disabled: z.boolean().optional(),
  organisationId: z.uuid().optional(),
});

export const userIdParams = z.strictObject({ id: z.uuid() });

export const organisationChoicesResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const rolesResponse = z.object({
  items: z.array(z.object({ code: roleSchema, permissions: z.array(z.string()) })),
});

// ---- the second factor (issue 20 §3) ----

/** A TOTP code (6 digits) or a recovery code (10 characters, spaces and dashes allowed). */
export const codeBody = z.strictObject({ code: z.string().trim().min(1).max(40) });

export const secondStepResponse = z.object({ secondStep: z.enum(['totp', 'enrol']) });

export const enrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCode: z.string(),
});

export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const sessionWithRecoveryCodes = sessionResponse.extend({ recoveryCodes: z.array(z.string()) });

export const secondFactorStatusResponse = z.object({
  enrolled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});

export const secondFactorRolesBody = z.strictObject({ roles: z.array(roleSchema).max(20) });
export const secondFactorRolesResponse = z.object({ roles: z.array(roleSchema) });
