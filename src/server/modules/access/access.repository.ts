import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { AppUserRow, MunicipalityRow } from './access.table';
import { forgetSession, forgetSessionsOfUser } from './session-cache';

/** The login door: finds a user by name across tenants through a security-definer function. */
export async function findLoginUser(db: Executor, username: string) {
  const { rows } = await sql<{
    id: string;
    municipality_id: string;
    password_hash: string;
    disabled: boolean;
  }>`
    select * from auth_user_by_username(${username})`.execute(db);
  return rows[0];
}

/** The user, municipality and permissions of a live session, as one row. */
export interface SessionContextRow {
  user_id: string;
  municipality_id: string;
  csrf_token: string;
  username: string;
  display_name: string;
  role_code: string;
  municipality_code: string;
  municipality_name: string;
  authority: string;
  permissions: string[];
  /** When the session ends at the latest (SESSION_MAX_HOURS after login). */
  expires_at: Date;
}

/**
 * Resolves a session to its user context in one round trip, sliding its idle timeout; undefined
 * when it is unknown, idle, expired or its user is disabled.
 */
export async function touchSession(db: Executor, tokenHash: string, idleMinutes: number) {
  const { rows } = await sql<SessionContextRow>`
    select * from auth_session_touch(${tokenHash}, make_interval(mins => ${idleMinutes}))`.execute(db);
  return rows[0];
}

export async function insertSession(
  db: Executor,
  session: { tokenHash: string; userId: string; municipalityId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      municipality_id: session.municipalityId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  forgetSession(tokenHash);
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Removes the municipality's sessions that have expired or gone idle (run at each login). */
export async function purgeEndedSessions(
  db: Executor,
  municipalityId: string,
  idleMinutes: number,
): Promise<void> {
  await db
    .deleteFrom('session')
    .where('municipality_id', '=', municipalityId)
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<=', sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
      ]),
    )
    .execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  forgetSessionsOfUser(userId);
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

/** Every municipality's id, in a stable order (for jobs that visit each tenant; owner handle). */
export function municipalityIds(db: Executor) {
  return db.selectFrom('municipality').select('id').orderBy('id').execute();
}

/** A user with the municipality and the role's permissions, in one query. */
export async function findUserContext(db: Executor, userId: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('municipality as m', 'm.id', 'u.municipality_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role_code',
      'u.municipality_id',
      'm.code as municipality_code',
      'm.name as municipality_name',
      'm.authority',
    ])
    .select(
      sql<string[]>`coalesce((select array_agg(rp.permission order by rp.permission)
        from role_permission rp where rp.role_code = u.role_code), '{}')`.as('permissions'),
    )
    .where('u.id', '=', userId)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function markLoggedIn(db: Executor, userId: string): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: new Date() }).where('id', '=', userId).execute();
}

// ---- login throttling (no tenant: keyed by an HMAC of the username) ----

export async function findThrottle(db: Executor, usernameKey: string) {
  return db
    .selectFrom('login_throttle')
    .selectAll()
    .where('username_key', '=', usernameKey)
    .executeTakeFirst();
}

/**
 * Counts one failed login. Failures older than the lock window start a new count; reaching
 * `maxFailures` sets `locked_until`. Returns the row after the update.
 */
export async function registerFailure(
  db: Executor,
  usernameKey: string,
  maxFailures: number,
  lockMinutes: number,
) {
  const { rows } = await sql<{ failures: number; locked_until: Date | null }>`
    insert into login_throttle as t (username_key, failures, last_failure_at, locked_until)
    values (${usernameKey}, 1, now(), case when ${maxFailures} <= 1 then now() + make_interval(mins => ${lockMinutes}) end)
    on conflict (username_key) do update set
      failures = case when t.last_failure_at < now() - make_interval(mins => ${lockMinutes}) or t.locked_until <= now()
        then 1 else t.failures + 1 end,
      last_failure_at = now(),
      locked_until = case
        when (case when t.last_failure_at < now() - make_interval(mins => ${lockMinutes}) or t.locked_until <= now()
          then 1 else t.failures + 1 end) >= ${maxFailures}
        then now() + make_interval(mins => ${lockMinutes}) else null end
    returning failures, locked_until`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('login_throttle upsert returned no row');
  return row;
}

export async function clearThrottle(db: Executor, usernameKeys: string[]): Promise<void> {
  if (usernameKeys.length === 0) return;
  await db.deleteFrom('login_throttle').where('username_key', 'in', usernameKeys).execute();
}

/** Lock expiry per username key, for the keys that are locked now. */
export async function lockedKeys(db: Executor, usernameKeys: string[]): Promise<Map<string, Date>> {
  if (usernameKeys.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_throttle')
    .select(['username_key', 'locked_until'])
    .where('username_key', 'in', usernameKeys)
    .where('locked_until', '>', sql<Date>`now()`)
    .execute();
  return new Map(rows.flatMap((r) => (r.locked_until ? [[r.username_key, r.locked_until] as const] : [])));
}

// ---- users of one municipality (app handle, inside withTenant) ----

export function listUsers(db: Executor, municipalityId: string): Promise<AppUserRow[]> {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('username')
    .execute();
}

export function findUser(
  db: Executor,
  municipalityId: string,
  userId: string,
): Promise<AppUserRow | undefined> {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Whether a username is taken in any municipality (usernames are global: login has no tenant). */
export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  return (await findLoginUser(db, username)) !== undefined;
}

export function insertUser(
  db: Executor,
  user: { municipalityId: string; username: string; displayName: string; role: string; passwordHash: string },
): Promise<AppUserRow> {
  return db
    .insertInto('app_user')
    .values({
      municipality_id: user.municipalityId,
      username: user.username,
      display_name: user.displayName,
      role_code: user.role,
      password_hash: user.passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateUser(
  db: Executor,
  municipalityId: string,
  userId: string,
  changes: { role_code?: string; display_name?: string; disabled_at?: Date | null; password_hash?: string },
): Promise<AppUserRow | undefined> {
  return db
    .updateTable('app_user')
    .set({ ...changes, updated_at: new Date() })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export function listRoles(db: Executor) {
  return db
    .selectFrom('role as r')
    .select(['r.code'])
    .select(
      sql<string[]>`coalesce((select array_agg(rp.permission order by rp.permission)
        from role_permission rp where rp.role_code = r.code), '{}')`.as('permissions'),
    )
    .orderBy('r.sort_order')
    .execute();
}

// ---- municipalities (owner handle) ----

export function insertMunicipality(
  db: Executor,
  m: {
    code: string;
    name: string;
    authority: string;
    contactEmail?: string | null;
    inhabitants?: number | null;
  },
): Promise<MunicipalityRow> {
  return db
    .insertInto('municipality')
    .values({
      code: m.code,
      name: m.name,
      authority: m.authority,
      contact_email: m.contactEmail ?? null,
      inhabitants: m.inhabitants ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- the municipality's own attributes (app handle, its own row) ----

/** The municipality's code, name, suppression limit (rule 33) and inhabitants. */
export function municipalityProfile(db: Executor, m: string) {
  return db
    .selectFrom('municipality')
    .select(['id', 'code', 'name', 'suppression_limit', 'inhabitants'])
    .where('id', '=', m)
    .executeTakeFirstOrThrow();
}

/** Changes the municipality's suppression limit or inhabitants (the only columns the app role may update). */
export async function updateMunicipalityProfile(
  db: Executor,
  m: string,
  change: { suppressionLimit?: number; inhabitants?: number | null },
) {
  await db
    .updateTable('municipality')
    .set({
      ...(change.suppressionLimit === undefined ? {} : { suppression_limit: change.suppressionLimit }),
      ...(change.inhabitants === undefined ? {} : { inhabitants: change.inhabitants }),
    })
    .where('id', '=', m)
    .execute();
}

export function findMunicipalityByCode(db: Executor, code: string): Promise<MunicipalityRow | undefined> {
  return db.selectFrom('municipality').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function countMunicipalities(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('municipality')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
