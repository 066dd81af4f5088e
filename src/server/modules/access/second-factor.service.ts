import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { ROLES, type Role } from '../../../shared/permissions';
import type { Db, Executor, Tx } from '../../db/database';
import { withTenant } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import * as accessRepo from './access.repository';
import {
  type AccessSettings,
  delay,
  type LoginResult,
  lockedError,
  openSession,
  usernameKey,
} from './access.service';
import { hashPassword, verifyPassword } from './password';
import * as repo from './second-factor.repository';
import { type LoginFactor, readPendingToken, type SecondStep } from './second-step';
import { open, seal } from './secret-box';
import { base32Decode, base32Encode, matchingStep, newTotpSecret, otpauthUri } from './totp';

/** How many recovery codes a user gets at a time. */
export const RECOVERY_CODE_COUNT = 10;

/** What the user sees once, when she starts enrolment: never again after confirmation. */
export interface EnrolmentStart {
  secret: string;
  otpauthUri: string;
  /** The QR code of `otpauthUri` as an SVG data URL. */
  qrCode: string;
}

/** A recovery code: 10 base32 characters (50 bits), shown as two groups of five. */
function newRecoveryCode(): string {
  const text = base32Encode(randomBytes(7)).slice(0, 10).toLowerCase();
  return `${text.slice(0, 5)}-${text.slice(5)}`;
}

/** A typed code without spaces or dashes, lower case (recovery codes are typed as the user likes). */
const normalise = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

const isRecoveryCode = (code: string) => /^[a-z2-7]{10}$/.test(code);

/** Starts (or restarts) enrolment: a new secret, sealed in the user's row, not yet confirmed. */
async function startEnrolment(
  trx: Executor,
  settings: AccessSettings,
  user: { id: string; username: string; municipalityId: string },
): Promise<EnrolmentStart> {
  const current = await repo.findSecondFactor(trx, user.id);
  if (current?.confirmed_at) throw new AppError('SECOND_FACTOR_ENROLLED');
  const secret = newTotpSecret();
  await repo.upsertPendingSecondFactor(trx, {
    userId: user.id,
    municipalityId: user.municipalityId,
    secretSealed: seal(settings.sealingSecret, user.id, secret),
  });
  const uri = otpauthUri(secret, user.username);
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return {
    secret,
    otpauthUri: uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

/**
 * Checks a TOTP code against the user's secret (confirmed or, with `enrolling`, in enrolment) and
 * records its time step so that it is never accepted again. Null when the code is wrong, replayed,
 * or there is no secret.
 */
async function acceptTotp(
  trx: Executor,
  settings: AccessSettings,
  userId: string,
  code: string,
  enrolling: boolean,
): Promise<boolean> {
  return (await checkTotp(trx, settings, userId, code, enrolling)) === 'accepted';
}

/**
 * As `acceptTotp`, telling a replayed code (right for a time step already accepted: someone else
 * may have seen it, ASVS 2.8.5) from a wrong one.
 */
async function checkTotp(
  trx: Executor,
  settings: AccessSettings,
  userId: string,
  code: string,
  enrolling: boolean,
): Promise<'accepted' | 'replayed' | 'wrong'> {
  const factor = await repo.findSecondFactor(trx, userId);
  if (!factor || (factor.confirmed_at === null) !== enrolling) return 'wrong';
  const key = base32Decode(open(settings.sealingSecret, userId, factor.secret_sealed));
  const now = Date.now();
  const step = matchingStep(key, code, now, factor.last_step);
  if (step !== null) return (await repo.acceptStep(trx, userId, step, enrolling)) ? 'accepted' : 'replayed';
  return factor.last_step !== null && matchingStep(key, code, now, null) !== null ? 'replayed' : 'wrong';
}

/** Spends one of the user's unused recovery codes; false when none matches. */
async function acceptRecoveryCode(trx: Executor, userId: string, code: string): Promise<boolean> {
  const unused = await repo.unusedRecoveryCodes(trx, userId);
  const matches = await Promise.all(unused.map((row) => verifyPassword(row.code_hash, code)));
  const row = unused[matches.indexOf(true)];
  return row !== undefined && repo.spendRecoveryCode(trx, row.id);
}

/** New recovery codes for the user (the old ones stop working); the plain codes, to show once. */
async function issueRecoveryCodes(trx: Executor, userId: string, municipalityId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((code) => hashPassword(normalise(code))));
  await repo.replaceRecoveryCodes(trx, userId, municipalityId, hashes);
  return codes;
}

/**
 * A wrong code counts towards the same lock as a wrong password (`LOGIN_MAX_FAILURES`,
 * `LOGIN_LOCK_MINUTES`), is audited with the factor, and is answered no sooner than a wrong password.
 */
async function codeFailure(
  db: Db,
  settings: AccessSettings,
  user: { id: string; username: string; municipality_id: string },
  factor: LoginFactor,
  began: number | null,
  actor: Actor | null = null,
  replayed = false,
): Promise<never> {
  const after = await accessRepo.registerFailure(
    db,
    usernameKey(settings, user.username),
    settings.maxFailures,
    settings.lockMinutes,
  );
  await withTenant(db, user.municipality_id, (trx) =>
    recordAudit(trx, actor, user.municipality_id, {
      action: after.locked_until ? 'auth.lockout' : 'auth.login_failed',
      entityType: 'user',
      entityId: user.id,
      details: { failures: after.failures, factor, ...(replayed ? { replayed: true } : {}) },
    }),
  );
  if (began !== null) await delay(began + settings.failureMinMs - performance.now());
  if (after.locked_until) throw lockedError(after.locked_until);
  throw new AppError('AUTH_CODE_INVALID');
}

/** The pending login's user, still enabled and not locked; the step must be the one expected. */
async function pendingUser(db: Db, settings: AccessSettings, token: string | undefined, step: SecondStep) {
  const pending = readPendingToken(settings, token);
  if (!pending || pending.step !== step) throw new AppError('AUTH_SECOND_STEP_EXPIRED');
  const user = await withTenant(db, pending.municipalityId, (trx) => repo.loginUser(trx, pending.userId));
  if (!user) throw new AppError('AUTH_SECOND_STEP_EXPIRED');
  if (user.disabled_at) throw new AppError('AUTH_USER_DISABLED');
  const throttle = await accessRepo.findThrottle(db, usernameKey(settings, user.username));
  if (throttle?.locked_until && throttle.locked_until > new Date()) throw lockedError(throttle.locked_until);
  return user;
}

/**
 * The login's second step: a TOTP code, or one of the recovery codes in its place. A right code
 * opens the session and ends the failure count; a wrong or replayed one counts as a failure.
 */
export async function completeLogin(
  db: Db,
  settings: AccessSettings,
  input: { pendingToken: string | undefined; code: string; clientIp: string | null },
): Promise<LoginResult> {
  const began = performance.now();
  const user = await pendingUser(db, settings, input.pendingToken, 'totp');
  const code = normalise(input.code);
  const factor: LoginFactor = isRecoveryCode(code) ? 'recovery_code' : 'totp';
  const outcome = await withTenant(db, user.municipality_id, async (trx) =>
    factor === 'totp'
      ? checkTotp(trx, settings, user.id, code, false)
      : (await acceptRecoveryCode(trx, user.id, code))
        ? 'accepted'
        : 'wrong',
  );
  if (outcome !== 'accepted')
    return codeFailure(db, settings, user, factor, began, null, outcome === 'replayed');
  await accessRepo.clearThrottle(db, [usernameKey(settings, user.username)]);
  return openSession(db, settings, user, input.clientIp, factor);
}

/** Enrolment as the login's second step, for a user whose role must use a second factor. */
export async function startLoginEnrolment(
  db: Db,
  settings: AccessSettings,
  token: string | undefined,
): Promise<EnrolmentStart> {
  const user = await pendingUser(db, settings, token, 'enrol');
  return withTenant(db, user.municipality_id, (trx) =>
    startEnrolment(trx, settings, {
      id: user.id,
      username: user.username,
      municipalityId: user.municipality_id,
    }),
  );
}

/** Confirms the enrolment of the login's second step with a code: recovery codes and a session. */
export async function confirmLoginEnrolment(
  db: Db,
  settings: AccessSettings,
  input: { pendingToken: string | undefined; code: string; clientIp: string | null },
): Promise<LoginResult & { recoveryCodes: string[] }> {
  const began = performance.now();
  const user = await pendingUser(db, settings, input.pendingToken, 'enrol');
  const recoveryCodes = await withTenant(db, user.municipality_id, async (trx) => {
    if (!(await acceptTotp(trx, settings, user.id, normalise(input.code), true))) return null;
    const codes = await issueRecoveryCodes(trx, user.id, user.municipality_id);
    await recordAudit(trx, null, user.municipality_id, {
      action: 'user.second_factor_enrol',
      entityType: 'user',
      entityId: user.id,
    });
    return codes;
  });
  if (!recoveryCodes) return codeFailure(db, settings, user, 'totp', began);
  await accessRepo.clearThrottle(db, [usernameKey(settings, user.username)]);
  return { ...(await openSession(db, settings, user, input.clientIp, 'totp')), recoveryCodes };
}

// ---- the logged-in user's own second factor ----

export interface SecondFactorStatus {
  enrolled: boolean;
  /** Whether the user's role must use a second factor. */
  required: boolean;
  recoveryCodesLeft: number;
}

export async function secondFactorStatus(trx: Tx, actor: Actor): Promise<SecondFactorStatus> {
  const factor = await repo.findSecondFactor(trx, actor.userId);
  const roles = await repo.secondFactorRoles(trx, actor.municipalityId);
  return {
    enrolled: Boolean(factor?.confirmed_at),
    required: roles.includes(actor.role),
    recoveryCodesLeft: factor?.confirmed_at ? await repo.countUnusedRecoveryCodes(trx, actor.userId) : 0,
  };
}

export function startOwnEnrolment(trx: Tx, settings: AccessSettings, actor: Actor): Promise<EnrolmentStart> {
  return startEnrolment(trx, settings, {
    id: actor.userId,
    username: actor.username,
    municipalityId: actor.municipalityId,
  });
}

/** A logged-in user's wrong code counts towards her login lock too (a stolen session cannot guess on). */
async function ownCodeFailure(db: Db, settings: AccessSettings, actor: Actor): Promise<never> {
  return codeFailure(
    db,
    settings,
    { id: actor.userId, username: actor.username, municipality_id: actor.municipalityId },
    'totp',
    null,
    actor,
  );
}

export function confirmOwnEnrolment(
  db: Db,
  settings: AccessSettings,
  actor: Actor,
  code: string,
): Promise<string[]> {
  return recoveryCodesForOwnCode(db, settings, actor, code, 'user.second_factor_enrol');
}

/** New recovery codes, for a current TOTP code; the old ones stop working. */
export function regenerateRecoveryCodes(
  db: Db,
  settings: AccessSettings,
  actor: Actor,
  code: string,
): Promise<string[]> {
  return recoveryCodesForOwnCode(db, settings, actor, code, 'user.recovery_codes');
}

/**
 * Her own current TOTP code (of the secret in enrolment, or of the confirmed one for new recovery
 * codes) gives ten new recovery codes, audited; a wrong one counts as a failed login.
 */
async function recoveryCodesForOwnCode(
  db: Db,
  settings: AccessSettings,
  actor: Actor,
  code: string,
  action: 'user.second_factor_enrol' | 'user.recovery_codes',
): Promise<string[]> {
  const enrolling = action === 'user.second_factor_enrol';
  const codes = await withTenant(db, actor.municipalityId, async (trx) => {
    if (!enrolling && !(await repo.findSecondFactor(trx, actor.userId))?.confirmed_at)
      throw new AppError('SECOND_FACTOR_NOT_ENROLLED');
    if (!(await acceptTotp(trx, settings, actor.userId, normalise(code), enrolling))) return null;
    const issued = await issueRecoveryCodes(trx, actor.userId, actor.municipalityId);
    await recordAudit(trx, actor, actor.municipalityId, {
      action,
      entityType: 'user',
      entityId: actor.userId,
    });
    return issued;
  });
  return codes ?? ownCodeFailure(db, settings, actor);
}

// ---- the administrator ----

/**
 * The administrator removes a user's second factor (a lost phone): secret and recovery codes go,
 * the user's sessions end, and her next password login enrols anew when her role requires it.
 */
export async function resetSecondFactor(trx: Tx, actor: Actor, userId: string): Promise<void> {
  const user = await accessRepo.findUser(trx, actor.municipalityId, userId);
  if (!user) throw new AppError('NOT_FOUND');
  if (!(await repo.deleteSecondFactor(trx, userId))) throw new AppError('SECOND_FACTOR_NOT_ENROLLED');
  await accessRepo.deleteSessionsOfUser(trx, userId);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'user.second_factor_reset',
    entityType: 'user',
    entityId: userId,
  });
}

const knownRoles = (roles: readonly string[]): Role[] => ROLES.filter((role) => roles.includes(role));

export async function secondFactorRoles(trx: Tx, actor: Actor): Promise<Role[]> {
  return knownRoles(await repo.secondFactorRoles(trx, actor.municipalityId));
}

export async function changeSecondFactorRoles(trx: Tx, actor: Actor, roles: Role[]): Promise<Role[]> {
  const before = await secondFactorRoles(trx, actor);
  const after = knownRoles(roles);
  await repo.setSecondFactorRoles(trx, actor.municipalityId, after);
  await recordAudit(trx, actor, actor.municipalityId, {
    action: 'settings.second_factor_roles',
    entityType: 'municipality',
    entityId: actor.municipalityId,
    details: { before, after },
  });
  return after;
}

/**
 * Enrols a user with a given secret, confirmed, without recovery codes: for the demo's and the
 * tests' seeded users, whose secret is known beforehand (never reachable from a route).
 */
export async function seedSecondFactor(
  trx: Tx,
  sealingSecret: string,
  user: { id: string; municipalityId: string },
  secret: string,
): Promise<void> {
  await repo.upsertPendingSecondFactor(trx, {
    userId: user.id,
    municipalityId: user.municipalityId,
    secretSealed: seal(sealingSecret, user.id, secret),
  });
  await repo.acceptStep(trx, user.id, 0, true);
  await recordAudit(trx, null, user.municipalityId, {
    action: 'user.second_factor_enrol',
    entityType: 'user',
    entityId: user.id,
  });
}
