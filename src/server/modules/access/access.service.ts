import { createHmac, randomBytes } from 'node:crypto';
import { allPermissions, type Permission, ROLES, type Role } from '../../../shared/permissions';
import type { Db, Executor, Tx } from '../../db/database';
import { withTenant } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor, AuthContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { linkPartnerUser, organisationChoices, organisationExists, partnerOrganisationsOf } from '../housing';
import { assertCanChangeUser, assertOrganisationFits, PARTNER_ROLE } from './access.policy';
import * as repo from './access.repository';
import type { AppUserRow } from './access.table';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { enrolledAmong } from './second-factor.repository';
import { type LoginFactor, pendingToken, type SecondStep, secondStepOf } from './second-step';
import type { SessionCache } from './session-cache';

/** What the access service needs from configuration. */
export interface AccessSettings {
  secret: string;
  idleMinutes: number;
  maxHours: number;
  maxFailures: number;
  lockMinutes: number;
  /** Milliseconds before a failed login is answered (`LOGIN_FAILURE_MIN_MS`). */
  failureMinMs: number;
  /** The secret the second factor's sealing key is derived from (`SECOND_FACTOR_KEY`, else `SESSION_SECRET`). */
  sealingSecret: string;
  /** Seconds a process keeps a session it has read (`SESSION_CACHE_SECONDS`; 0: none). */
  sessionCacheSeconds: number;
}

/** Keyed hash: used for session tokens at rest and throttle keys, so a table dump reveals neither. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');
}

export const usernameKey = (settings: AccessSettings, username: string) =>
  keyedHash(settings.secret, 'login', username.trim().toLowerCase());

export interface LoginResult {
  token: string;
  context: AuthContext;
}

/** What a correct password leads to: a session, or a second step first (issue 20 §3). */
export type PasswordResult =
  | ({ kind: 'session' } & LoginResult)
  | { kind: 'second_step'; step: SecondStep; pendingToken: string };

/**
 * Logs a user in. Wrong name and wrong password give the same answer at the same time (no sooner
 * than `failureMinMs` after the attempt began: a known user's failure is also audited, an unknown
 * one's cannot be); every failure counts towards a temporary lock of that username, whether it
 * exists or not.
 */
export async function login(
  db: Db,
  settings: AccessSettings,
  input: { username: string; password: string; clientIp: string | null },
): Promise<PasswordResult> {
  const began = performance.now();
  const key = usernameKey(settings, input.username);
  const throttle = await repo.findThrottle(db, key);
  if (throttle?.locked_until && throttle.locked_until > new Date()) {
    throw lockedError(throttle.locked_until);
  }
  const user = await repo.findLoginUser(db, input.username.trim());
  const valid = await verifyPassword(user?.password_hash, input.password);
  if (!user || !valid) {
    const after = await repo.registerFailure(db, key, settings.maxFailures, settings.lockMinutes);
    if (user) {
      await withTenant(db, user.municipality_id, (trx) =>
        recordAudit(trx, null, user.municipality_id, {
          action: after.locked_until ? 'auth.lockout' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          details: { failures: after.failures },
        }),
      );
    }
    await delay(began + settings.failureMinMs - performance.now());
    if (after.locked_until) throw lockedError(after.locked_until);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('AUTH_USER_DISABLED');
  const step = await withTenant(db, user.municipality_id, (trx) => secondStepOf(trx, user.id));
  if (step) {
    // No session yet, and the failure count stays: a wrong code counts with the wrong passwords.
    return {
      kind: 'second_step',
      step,
      pendingToken: pendingToken(settings, { userId: user.id, municipalityId: user.municipality_id, step }),
    };
  }
  await repo.clearThrottle(db, [key]);
  return { kind: 'session', ...(await openSession(db, settings, user, input.clientIp, 'password')) };
}

/**
 * Opens a session for a user who has proved who she is, and audits the login with the factor
 * that completed it (`password`, `totp` or `recovery_code`).
 */
export async function openSession(
  db: Db,
  settings: AccessSettings,
  user: { id: string; municipality_id: string },
  clientIp: string | null,
  factor: LoginFactor,
): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = keyedHash(settings.secret, 'session', token);
  const csrfToken = randomBytes(24).toString('base64url');
  const context = await withTenant(db, user.municipality_id, async (trx) => {
    await repo.purgeEndedSessions(trx, user.municipality_id, settings.idleMinutes);
    await repo.insertSession(trx, {
      tokenHash,
      userId: user.id,
      municipalityId: user.municipality_id,
      csrfToken,
      expiresAt: new Date(Date.now() + settings.maxHours * 3_600_000),
    });
    await repo.markLoggedIn(trx, user.id);
    const ctx = await loadContext(trx, user.id, { tokenHash, csrfToken, clientIp });
    if (!ctx) throw new AppError('AUTH_INVALID_CREDENTIALS');
    await recordAudit(trx, ctx, ctx.municipalityId, {
      action: 'auth.login',
      entityType: 'user',
      entityId: ctx.userId,
      details: { factor },
    });
    return ctx;
  });
  return { token, context };
}

/** Waits `ms` milliseconds (none when `ms` ≤ 0). */
export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function lockedError(lockedUntil: Date): AppError {
  const retryAfterMinutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
  return new AppError('AUTH_LOCKED', { params: { retryAfterMinutes } });
}

/** The logged-in user behind a session token, or null when the session is unknown, idle or expired. */
export async function resolveSession(
  db: Db,
  settings: AccessSettings,
  token: string,
  clientIp: string | null,
  kept?: SessionCache<repo.SessionContextRow>,
): Promise<AuthContext | null> {
  const tokenHash = keyedHash(settings.secret, 'session', token);
  let row = kept?.get(tokenHash);
  if (!row) {
    const mark = kept?.mark() ?? 0;
    row = await repo.touchSession(db, tokenHash, settings.idleMinutes);
    if (!row) return null;
    kept?.keep(tokenHash, row, row.expires_at, mark);
  }
  return toContext(
    {
      id: row.user_id,
      username: row.username,
      display_name: row.display_name,
      role_code: row.role_code,
      municipality_id: row.municipality_id,
      municipality_code: row.municipality_code,
      municipality_name: row.municipality_name,
      authority: row.authority,
      permissions: row.permissions,
    },
    { tokenHash, csrfToken: row.csrf_token, clientIp },
  );
}

async function loadContext(
  trx: Tx,
  userId: string,
  session: { tokenHash: string; csrfToken: string; clientIp: string | null },
): Promise<AuthContext | null> {
  const row = await repo.findUserContext(trx, userId);
  return row ? toContext(row, session) : null;
}

/**
 * The actor a background job acts as for a user: the role's permissions, no session. Null for a
 * disabled or unknown user.
 */
export async function userActor(trx: Tx, userId: string): Promise<Actor | null> {
  const row = await repo.findUserContext(trx, userId);
  if (!row) return null;
  const c = toContext(row, { tokenHash: '', csrfToken: '', clientIp: null });
  return {
    userId: c.userId,
    username: c.username,
    municipalityId: c.municipalityId,
    role: c.role,
    permissions: c.permissions,
    clientIp: null,
  };
}

function toContext(
  row: {
    id: string;
    username: string;
    display_name: string;
    role_code: string;
    municipality_id: string;
    municipality_code: string;
    municipality_name: string;
    authority: string;
    permissions: string[];
  },
  session: { tokenHash: string; csrfToken: string; clientIp: string | null },
): AuthContext {
  const known = new Set<string>(allPermissions());
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role_code as Role,
    permissions: new Set(row.permissions.filter((p): p is Permission => known.has(p))),
    municipalityId: row.municipality_id,
    municipality: {
      id: row.municipality_id,
      code: row.municipality_code,
      name: row.municipality_name,
      authority: row.authority,
    },
    csrfToken: session.csrfToken,
    sessionTokenHash: session.tokenHash,
    clientIp: session.clientIp,
  };
}

/** Ends the session and records it. */
export async function logout(db: Db, actor: AuthContext): Promise<void> {
  await withTenant(db, actor.municipalityId, async (trx) => {
    await repo.deleteSession(trx, actor.sessionTokenHash);
    await recordAudit(trx, actor, actor.municipalityId, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

// ---- user administration ----

/** A user as the API shows it: no password hash. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  /** The housing organisation a housing-organisation user acts for; null for other roles. */
  organisationId: string | null;
  /** Whether the user has set up a second factor (issue 20 §3). */
  secondFactor: boolean;
}

function present(row: AppUserRow, lockedUntil: Date | undefined, secondFactor = false): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role_code as Role,
    disabled: row.disabled_at !== null,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    organisationId: null,
    secondFactor,
  };
}

async function withLocks(trx: Executor, settings: AccessSettings, rows: AppUserRow[]): Promise<UserView[]> {
  const keys = rows.map((r) => usernameKey(settings, r.username));
  const locks = await repo.lockedKeys(trx, keys);
  const enrolled = await enrolledAmong(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((r, i) => present(r, locks.get(keys[i] ?? ''), enrolled.has(r.id)));
}

/** One user of the actor's municipality as the administrator sees it. */
export async function findUserView(
  trx: Tx,
  settings: AccessSettings,
  actor: Actor,
  userId: string,
): Promise<UserView> {
  const row = await repo.findUser(trx, actor.municipalityId, userId);
  if (!row) throw new AppError('NOT_FOUND');
  return (
    await withOrganisations(trx, actor.municipalityId, await withLocks(trx, settings, [row]))
  )[0] as UserView;
}

export async function listUsers(trx: Tx, settings: AccessSettings, actor: Actor): Promise<UserView[]> {
  return withOrganisations(
    trx,
    actor.municipalityId,
    await withLocks(trx, settings, await repo.listUsers(trx, actor.municipalityId)),
  );
}

/** Adds the organisation each housing-organisation user acts for (the housing module keeps the link). */
async function withOrganisations(trx: Tx, municipalityId: string, users: UserView[]): Promise<UserView[]> {
  const partners = users.filter((u) => u.role === PARTNER_ROLE).map((u) => u.id);
  const links = await partnerOrganisationsOf(trx, municipalityId, partners);
  return users.map((u) => ({ ...u, organisationId: links.get(u.id) ?? null }));
}

/** The municipality's housing organisations, for the user form's choice (users.manage, not housing.read). */
export function housingOrganisationChoices(trx: Tx, actor: Actor) {
  return organisationChoices(trx, actor.municipalityId);
}

/** The organisation must be one of the municipality's; the error names the field. */
async function assertOrganisationExists(trx: Tx, municipalityId: string, organisationId: string) {
  if (!(await organisationExists(trx, municipalityId, organisationId)))
    throw new AppError('USER_ORGANISATION_NOT_FOUND', {
      fields: [{ path: 'organisationId', code: 'invalid' }],
    });
}

/**
 * An administrator creates a user (issue 14 §3): a housing-organisation user is linked, in the same
 * transaction, to the one organisation it acts for, which must be given.
 */
export async function adminCreateUser(
  trx: Tx,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    role: Role;
    password: string;
    organisationId?: string | undefined;
  },
): Promise<UserView> {
  const { organisationId, ...user } = input;
  assertOrganisationFits(input.role, organisationId);
  if (organisationId) await assertOrganisationExists(trx, actor.municipalityId, organisationId);
  const created = await createUser(trx, actor, actor.municipalityId, user);
  if (!organisationId) return created;
  await linkPartnerUser(trx, actor.municipalityId, created.id, organisationId);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'user.organisation',
    entityType: 'user',
    entityId: created.id,
    details: { organisationId },
  });
  return { ...created, organisationId };
}

/**
 * An administrator changes a user's role, name, state or organisation (issue 14 §3): giving the
 * housing-organisation role asks which organisation; leaving it ends the link.
 */
export async function adminChangeUser(
  trx: Tx,
  settings: AccessSettings,
  actor: Actor,
  userId: string,
  input: {
    role?: Role | undefined;
    displayName?: string | undefined;
    disabled?: boolean | undefined;
    organisationId?: string | undefined;
  },
): Promise<UserView> {
  const { organisationId, ...change } = input;
  const current = await repo.findUser(trx, actor.municipalityId, userId);
  if (!current) throw new AppError('NOT_FOUND');
  const role = input.role ?? (current.role_code as Role);
  const wasPartner = current.role_code === PARTNER_ROLE;
  assertOrganisationFits(role, organisationId, wasPartner);
  if (organisationId) await assertOrganisationExists(trx, actor.municipalityId, organisationId);
  const changed = await changeUser(trx, settings, actor, userId, change);
  const links = await partnerOrganisationsOf(trx, actor.municipalityId, [userId]);
  const linked = links.get(userId) ?? null;
  const next = role === PARTNER_ROLE ? (organisationId ?? linked) : null;
  if (next !== linked) {
    await linkPartnerUser(trx, actor.municipalityId, userId, next);
    await recordAudit(trx, actor, actor.municipalityId, {
      action: 'user.organisation',
      entityType: 'user',
      entityId: userId,
      details: { organisationId: next },
    });
  }
  return { ...changed, organisationId: next };
}

/** Users of the actor's municipality that are locked out now (feeds the admin's task list). */
export async function lockedUsers(trx: Tx, settings: AccessSettings, actor: Actor): Promise<UserView[]> {
  return (await listUsers(trx, settings, actor)).filter((u) => u.lockedUntil !== null);
}

export async function createUser(
  trx: Tx,
  actor: Actor | null,
  municipalityId: string,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<UserView> {
  const username = input.username.trim().toLowerCase();
  const problem = passwordProblem(input.password, [username, input.displayName]);
  if (problem) throw new AppError('V_VALIDATION', { fields: [{ path: 'password', code: problem }] });
  if (await repo.usernameExists(trx, username))
    throw new AppError('USER_USERNAME_TAKEN', { fields: [{ path: 'username', code: 'invalid' }] });
  const row = await repo.insertUser(trx, {
    municipalityId,
    username,
    displayName: input.displayName.trim(),
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  await recordAudit(trx, actor, municipalityId, {
    action: 'user.create',
    entityType: 'user',
    entityId: row.id,
    details: { role: row.role_code },
  });
  return present(row, undefined);
}

export async function changeUser(
  trx: Tx,
  settings: AccessSettings,
  actor: Actor,
  userId: string,
  input: { role?: Role | undefined; displayName?: string | undefined; disabled?: boolean | undefined },
): Promise<UserView> {
  const current = await repo.findUser(trx, actor.municipalityId, userId);
  if (!current) throw new AppError('NOT_FOUND');
  assertCanChangeUser(actor, current, input);
  const changes: Parameters<typeof repo.updateUser>[3] = {};
  if (input.role !== undefined && input.role !== current.role_code) changes.role_code = input.role;
  if (input.displayName !== undefined && input.displayName.trim() !== current.display_name)
    changes.display_name = input.displayName.trim();
  if (input.disabled !== undefined && input.disabled !== (current.disabled_at !== null)) {
    changes.disabled_at = input.disabled ? new Date() : null;
  }
  if (Object.keys(changes).length === 0) return (await withLocks(trx, settings, [current]))[0] as UserView;
  const updated = await repo.updateUser(trx, actor.municipalityId, userId, changes);
  if (!updated) throw new AppError('NOT_FOUND');
  // A disabled or re-roled user must log in again to get the new rights.
  if (changes.disabled_at !== undefined || changes.role_code !== undefined)
    await repo.deleteSessionsOfUser(trx, userId);
  const action =
    changes.disabled_at !== undefined
      ? changes.disabled_at
        ? 'user.disable'
        : 'user.enable'
      : 'user.update';
  await recordAudit(trx, actor, actor.municipalityId, {
    action,
    entityType: 'user',
    entityId: userId,
    details: { fields: Object.keys(changes), ...(changes.role_code ? { role: changes.role_code } : {}) },
  });
  return (await withLocks(trx, settings, [updated]))[0] as UserView;
}

export async function unlockUser(
  trx: Tx,
  settings: AccessSettings,
  actor: Actor,
  userId: string,
): Promise<UserView> {
  const user = await repo.findUser(trx, actor.municipalityId, userId);
  if (!user) throw new AppError('NOT_FOUND');
  await repo.clearThrottle(trx, [usernameKey(settings, user.username)]);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'user.unlock',
    entityType: 'user',
    entityId: userId,
  });
  return (await withLocks(trx, settings, [user]))[0] as UserView;
}

export async function listRoles(db: Executor) {
  const rows = await repo.listRoles(db);
  const known = new Set<string>(ROLES);
  return rows
    .filter((r) => known.has(r.code))
    .map((r) => ({ code: r.code as Role, permissions: r.permissions }));
}
