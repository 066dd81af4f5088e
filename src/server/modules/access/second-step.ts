import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../db/database';
import * as repo from './second-factor.repository';

/**
 * The login's second step (issue 20 §3, ADR 0019): after a correct password, a user with a second
 * factor is asked for a code (`totp`), and a user whose role must use one but has none is taken
 * into enrolment (`enrol`). Between the steps there is no session: the browser holds a pending
 * token — the user, her municipality, the step and an expiry, signed with HMAC-SHA-256 — in an
 * httpOnly cookie for `PENDING_MINUTES`.
 */
export type SecondStep = 'totp' | 'enrol';

/** The factor that completed a login, as the audit log records it. */
export type LoginFactor = 'password' | 'totp' | 'recovery_code';

/** Minutes a password stays good for the second step. */
export const PENDING_MINUTES = 5;

export interface PendingLogin {
  userId: string;
  municipalityId: string;
  step: SecondStep;
}

/** The step a user must take after her password, or null when the password is enough. */
export async function secondStepOf(trx: Executor, userId: string): Promise<SecondStep | null> {
  const factor = await repo.findSecondFactor(trx, userId);
  if (factor?.confirmed_at) return 'totp';
  const user = await repo.loginUser(trx, userId);
  if (!user) return null;
  const required = await repo.secondFactorRoles(trx, user.municipality_id);
  return required.includes(user.role_code) ? 'enrol' : null;
}

const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`pending-login:${payload}`).digest('base64url');

/** A signed pending-login token that expires after `PENDING_MINUTES`. */
export function pendingToken(settings: { secret: string }, login: PendingLogin, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({
      u: login.userId,
      m: login.municipalityId,
      s: login.step,
      e: now + PENDING_MINUTES * 60_000,
      n: randomBytes(9).toString('base64url'),
    }),
  ).toString('base64url');
  return `${payload}.${mac(settings.secret, payload)}`;
}

/** The pending login a token holds, or null when it is forged, malformed or expired. */
export function readPendingToken(
  settings: { secret: string },
  token: string | undefined,
  now = Date.now(),
): PendingLogin | null {
  if (!token) return null;
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(mac(settings.secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof data.e !== 'number' || data.e <= now) return null;
    if (typeof data.u !== 'string' || typeof data.m !== 'string') return null;
    if (data.s !== 'totp' && data.s !== 'enrol') return null;
    return { userId: data.u, municipalityId: data.m, step: data.s };
  } catch {
    return null;
  }
}
