import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/permissions';
import type { Db, Tx } from '../../db/database';
import { withTenant } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import * as repo from './access.repository';
import { type AccessSettings, keyedHash, userActor } from './access.service';

/**
 * The stored password hash of a user who logs in through an identity provider (single sign-on):
 * no argon2 hash, so no password ever verifies against it and password login answers as for a
 * wrong password (same answer, same time).
 */
export const EXTERNAL_PASSWORD_HASH = '!external-login';

/** A user provisioned by an identity provider: the fields single sign-on reads and keeps. */
export interface ExternalUser {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
}

/** The user of the municipality with this id (null when unknown). */
export async function findExternalUser(
  trx: Tx,
  municipalityId: string,
  userId: string,
): Promise<ExternalUser | null> {
  const row = await repo.findUser(trx, municipalityId, userId);
  return row
    ? { id: row.id, username: row.username, role: row.role_code as Role, disabled: row.disabled_at !== null }
    : null;
}

/** Whether a username is taken in any municipality. */
export function usernameTaken(trx: Tx, username: string): Promise<boolean> {
  return repo.usernameExists(trx, username);
}

/**
 * Creates a user whom an identity provider vouches for (just-in-time provisioning): no usable
 * password, audited as `user.create` with the source.
 */
export async function provisionExternalUser(
  trx: Tx,
  municipalityId: string,
  input: { username: string; displayName: string; role: Role; source: string },
): Promise<ExternalUser> {
  const row = await repo.insertUser(trx, {
    municipalityId,
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    passwordHash: EXTERNAL_PASSWORD_HASH,
  });
  await recordAudit(trx, null, municipalityId, {
    action: 'user.create',
    entityType: 'user',
    entityId: row.id,
    details: { role: row.role_code, source: input.source },
  });
  return { id: row.id, username: row.username, role: row.role_code as Role, disabled: false };
}

/**
 * Gives a provisioned user the role its identity provider now says (audited as `user.update`
 * with the source); its sessions end, as on any change of role (ASVS 3.3.4).
 */
export async function setExternalUserRole(
  trx: Tx,
  municipalityId: string,
  userId: string,
  role: Role,
  source: string,
): Promise<void> {
  const updated = await repo.updateUser(trx, municipalityId, userId, { role_code: role });
  if (!updated) throw new AppError('NOT_FOUND');
  await repo.deleteSessionsOfUser(trx, userId);
  await recordAudit(trx, null, municipalityId, {
    action: 'user.update',
    entityType: 'user',
    entityId: userId,
    details: { fields: ['role_code'], role, source },
  });
}

/** A session opened for a user whom an identity provider vouched for. */
export interface OpenedSession {
  token: string;
  tokenHash: string;
  actor: Actor;
}

/**
 * Opens a Hjemvej session for a user as password login does (32 random bytes, stored as a keyed
 * hash, a CSRF token, the idle and absolute limits) and audits `auth.login` with its `method`.
 * `then` runs in the same transaction, after the session row exists (to keep what belongs to it).
 */
export async function openExternalSession(
  db: Db,
  settings: AccessSettings,
  input: { userId: string; municipalityId: string; clientIp: string | null; method: string },
  then?: (trx: Tx, tokenHash: string) => Promise<void>,
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = keyedHash(settings.secret, 'session', token);
  const csrfToken = randomBytes(24).toString('base64url');
  const actor = await withTenant(db, input.municipalityId, async (trx) => {
    const user = await userActor(trx, input.userId);
    if (!user) throw new AppError('AUTH_USER_DISABLED');
    await repo.purgeEndedSessions(trx, input.municipalityId, settings.idleMinutes);
    await repo.insertSession(trx, {
      tokenHash,
      userId: input.userId,
      municipalityId: input.municipalityId,
      csrfToken,
      expiresAt: new Date(Date.now() + settings.maxHours * 3_600_000),
    });
    await repo.markLoggedIn(trx, input.userId);
    const acting = { ...user, clientIp: input.clientIp };
    await recordAudit(trx, acting, input.municipalityId, {
      action: 'auth.login',
      entityType: 'user',
      entityId: input.userId,
      details: { method: input.method },
    });
    if (then) await then(trx, tokenHash);
    return acting;
  });
  return { token, tokenHash, actor };
}
