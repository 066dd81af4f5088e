import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/** The second factor's rows (migration 0040); every call inside the user's tenant (`withTenant`). */

export function findSecondFactor(db: Executor, userId: string) {
  return db
    .selectFrom('user_second_factor')
    .select(['user_id', 'secret_sealed', 'confirmed_at', 'last_step'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Starts (or restarts) an enrolment: the sealed secret, not yet confirmed. */
export async function upsertPendingSecondFactor(
  db: Executor,
  row: { userId: string; municipalityId: string; secretSealed: string },
): Promise<void> {
  await db
    .insertInto('user_second_factor')
    .values({ user_id: row.userId, municipality_id: row.municipalityId, secret_sealed: row.secretSealed })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        secret_sealed: row.secretSealed,
        confirmed_at: null,
        last_step: null,
        created_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/**
 * Records an accepted time step, only if it is later than the last one (two requests with one
 * code at the same moment: one wins). Returns whether this call recorded it.
 */
export async function acceptStep(
  db: Executor,
  userId: string,
  step: number,
  confirm: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable('user_second_factor')
    .set({ last_step: step, ...(confirm ? { confirmed_at: new Date() } : {}) })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteSecondFactor(db: Executor, userId: string): Promise<boolean> {
  const result = await db.deleteFrom('user_second_factor').where('user_id', '=', userId).executeTakeFirst();
  await db.deleteFrom('user_recovery_code').where('user_id', '=', userId).execute();
  return Number(result.numDeletedRows) === 1;
}

/** Replaces the user's recovery codes with new hashes. */
export async function replaceRecoveryCodes(
  db: Executor,
  userId: string,
  municipalityId: string,
  hashes: string[],
): Promise<void> {
  await db.deleteFrom('user_recovery_code').where('user_id', '=', userId).execute();
  if (hashes.length === 0) return;
  await db
    .insertInto('user_recovery_code')
    .values(hashes.map((h) => ({ user_id: userId, municipality_id: municipalityId, code_hash: h })))
    .execute();
}

export function unusedRecoveryCodes(db: Executor, userId: string) {
  return db
    .selectFrom('user_recovery_code')
    .select(['id', 'code_hash'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Spends a recovery code; false when another request spent it first. */
export async function spendRecoveryCode(db: Executor, id: string): Promise<boolean> {
  const result = await db
    .updateTable('user_recovery_code')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Which of the users have a confirmed second factor. */
export async function enrolledAmong(db: Executor, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('user_second_factor')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('confirmed_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('user_recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The roles of the municipality that must use a second factor. */
export async function secondFactorRoles(db: Executor, municipalityId: string): Promise<string[]> {
  const row = await db
    .selectFrom('municipality')
    .select('second_factor_roles')
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  return row?.second_factor_roles ?? [];
}

export async function setSecondFactorRoles(
  db: Executor,
  municipalityId: string,
  roles: string[],
): Promise<void> {
  await db
    .updateTable('municipality')
    .set({ second_factor_roles: roles })
    .where('id', '=', municipalityId)
    .execute();
}

/** The user's role and username (for the login's second step). */
export function loginUser(db: Executor, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'role_code', 'municipality_id', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
