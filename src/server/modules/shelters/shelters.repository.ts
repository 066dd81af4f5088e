import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { ShelterStayTable, ShelterTable } from './shelters.table';

// ---- shelters ----

/** The municipality's shelters, each with the daily rate in force on `onDate` and its open stays. */
export function shelters(db: Executor, m: string, onDate: string) {
  return db
    .selectFrom('shelter as s')
    .select((eb) => [
      's.id',
      's.name',
      's.kind',
      's.places',
      's.on_tilbudsportalen',
      eb
        .selectFrom('shelter_rate as r')
        .select('r.daily_rate')
        .whereRef('r.shelter_id', '=', 's.id')
        .where('r.valid_from', '<=', onDate)
        .orderBy('r.valid_from', 'desc')
        .limit(1)
        .as('daily_rate'),
      eb
        .selectFrom('shelter_stay as t')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('t.shelter_id', '=', 's.id')
        .where('t.discharged_on', 'is', null)
        .as('residents'),
    ])
    .where('s.municipality_id', '=', m)
    .orderBy('s.name')
    .execute();
}

export function shelter(db: Executor, m: string, id: string) {
  return db
    .selectFrom('shelter')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertShelter(db: Executor, values: Insertable<ShelterTable>) {
  return db.insertInto('shelter').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateShelter(
  db: Executor,
  m: string,
  id: string,
  values: Pick<ShelterTable, 'name' | 'kind' | 'places' | 'on_tilbudsportalen'>,
) {
  return db
    .updateTable('shelter')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Sets the daily rate from a date (a second rate for the same date replaces it). */
export function upsertRate(
  db: Executor,
  values: {
    municipality_id: string;
    shelter_id: string;
    valid_from: string;
    daily_rate: number;
    created_by: string;
  },
) {
  return db
    .insertInto('shelter_rate')
    .values({ ...values, daily_rate: String(values.daily_rate) })
    .onConflict((oc) =>
      oc.columns(['shelter_id', 'valid_from']).doUpdateSet({ daily_rate: String(values.daily_rate) }),
    )
    .execute();
}

export function ratesOf(db: Executor, m: string, shelterId: string) {
  return db
    .selectFrom('shelter_rate')
    .select(['valid_from', 'daily_rate'])
    .where('municipality_id', '=', m)
    .where('shelter_id', '=', shelterId)
    .orderBy('valid_from', 'desc')
    .execute();
}

// ---- shelter users ----

/** The shelter a user works at, if linked. */
export async function shelterOfUser(db: Executor, m: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('shelter_user')
    .select('shelter_id')
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.shelter_id ?? null;
}

/** Whether the user is a `partner_shelter` user of the municipality. */
export async function isShelterUser(db: Executor, m: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('municipality_id', '=', m)
    .where('id', '=', userId)
    .where('role_code', '=', 'partner_shelter')
    .executeTakeFirst();
  return row !== undefined;
}

export function linkUser(db: Executor, m: string, userId: string, shelterId: string) {
  return db
    .insertInto('shelter_user')
    .values({ user_id: userId, municipality_id: m, shelter_id: shelterId })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ shelter_id: shelterId }))
    .execute();
}

/** The municipality's active shelter users, each with the shelter they are linked to (if any). */
export function shelterUsers(db: Executor, m: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('shelter_user as su', 'su.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'u.username', 'su.shelter_id'])
    .where('u.municipality_id', '=', m)
    .where('u.role_code', '=', 'partner_shelter')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.display_name')
    .execute();
}

export function usersOf(db: Executor, m: string, shelterId: string) {
  return db
    .selectFrom('shelter_user as su')
    .innerJoin('app_user as u', 'u.id', 'su.user_id')
    .select(['u.id', 'u.username', 'u.display_name'])
    .where('su.municipality_id', '=', m)
    .where('su.shelter_id', '=', shelterId)
    .orderBy('u.display_name')
    .execute();
}

// ---- stays ----

const stayColumns = [
  't.id',
  't.shelter_id',
  't.citizen_id',
  't.admitted_on',
  't.admission_decided_on',
  't.handlekommune',
  't.notified_on',
  't.discharged_on',
  't.discharged_to',
  't.discharge_reason',
  't.municipal_discharge',
  'c.given_name',
  'c.family_name',
  'c.initials',
  'c.birth_date',
] as const;

/** A shelter's stays, open first, then by admission (newest first). */
export function staysOfShelter(db: Executor, m: string, shelterId: string, open: boolean) {
  let q = db
    .selectFrom('shelter_stay as t')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .select([...stayColumns])
    .where('t.municipality_id', '=', m)
    .where('t.shelter_id', '=', shelterId);
  q = open ? q.where('t.discharged_on', 'is', null) : q.where('t.discharged_on', 'is not', null);
  return q.orderBy('t.admitted_on', 'desc').limit(500).execute();
}

/** One stay of a shelter (a shelter sees only its own). */
export function stayOfShelter(db: Executor, m: string, shelterId: string, stayId: string) {
  return db
    .selectFrom('shelter_stay as t')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .select([...stayColumns])
    .where('t.municipality_id', '=', m)
    .where('t.shelter_id', '=', shelterId)
    .where('t.id', '=', stayId)
    .executeTakeFirst();
}

export function insertStay(db: Executor, values: Insertable<ShelterStayTable>) {
  return db
    .insertInto('shelter_stay')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['shelter_id', 'citizen_id']).where('discharged_on', 'is', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
}

/** Records the notification; false when it was recorded already. */
export async function markNotified(
  db: Executor,
  m: string,
  stayId: string,
  notifiedOn: string,
): Promise<boolean> {
  const r = await db
    .updateTable('shelter_stay')
    .set({ notified_on: notifiedOn })
    .where('municipality_id', '=', m)
    .where('id', '=', stayId)
    .where('notified_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Ends an open stay; false when it had ended already. */
export async function discharge(
  db: Executor,
  m: string,
  stayId: string,
  values: Pick<ShelterStayTable, 'discharged_on' | 'discharged_to' | 'discharge_reason'> & {
    municipal_discharge: boolean;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('shelter_stay')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', stayId)
    .where('discharged_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Open stays whose handlekommune has not been notified (for the shelters' tasks). */
export function unnotifiedStays(db: Executor, m: string, shelterId: string | null) {
  let q = db
    .selectFrom('shelter_stay as t')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .innerJoin('shelter as s', 's.id', 't.shelter_id')
    .select([...stayColumns, 's.name as shelter_name'])
    .where('t.municipality_id', '=', m)
    .where('t.notified_on', 'is', null)
    .where('t.discharged_on', 'is', null);
  if (shelterId !== null) q = q.where('t.shelter_id', '=', shelterId);
  return q.orderBy('t.admission_decided_on').execute();
}

/** Open stays notified to this municipality as handlekommune (for the caseworkers' tasks). */
export function notifiedOpenStays(db: Executor, m: string, handlekommune: string) {
  return db
    .selectFrom('shelter_stay as t')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .innerJoin('shelter as s', 's.id', 't.shelter_id')
    .select([...stayColumns, 's.name as shelter_name'])
    .where('t.municipality_id', '=', m)
    .where('t.handlekommune', '=', handlekommune)
    .where('t.notified_on', 'is not', null)
    .where('t.discharged_on', 'is', null)
    .orderBy('t.notified_on')
    .execute();
}

/** The municipality's kommunekode (who it is as handlekommune). */
export async function municipalityCode(db: Executor, m: string): Promise<string> {
  const row = await db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', m)
    .executeTakeFirstOrThrow();
  return row.code;
}

/** Open stays of the municipality's shelters for which it is the handlekommune. */
export function staysOfHandlekommune(db: Executor, m: string, handlekommune: string) {
  return db
    .selectFrom('shelter_stay as t')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .innerJoin('shelter as s', 's.id', 't.shelter_id')
    .select([...stayColumns, 't.action_plan_on', 's.name as shelter_name'])
    .where('t.municipality_id', '=', m)
    .where('t.handlekommune', '=', handlekommune)
    .where('t.discharged_on', 'is', null)
    .orderBy('t.admitted_on', 'desc')
    .limit(1000)
    .execute();
}

/** One open stay the municipality is handlekommune for. */
export function stayOfHandlekommune(db: Executor, m: string, handlekommune: string, stayId: string) {
  return db
    .selectFrom('shelter_stay')
    .select(['id', 'citizen_id', 'discharged_on'])
    .where('municipality_id', '=', m)
    .where('handlekommune', '=', handlekommune)
    .where('id', '=', stayId)
    .executeTakeFirst();
}

export function setActionPlan(db: Executor, m: string, stayId: string, madeOn: string) {
  return db
    .updateTable('shelter_stay')
    .set({ action_plan_on: madeOn })
    .where('municipality_id', '=', m)
    .where('id', '=', stayId)
    .execute();
}

/** The stay's action plan day and citizen, for the municipal discharge. */
export function stayForDischarge(db: Executor, m: string, handlekommune: string, stayId: string) {
  return db
    .selectFrom('shelter_stay')
    .select(['id', 'citizen_id', 'admitted_on', 'discharged_on', 'action_plan_on'])
    .where('municipality_id', '=', m)
    .where('handlekommune', '=', handlekommune)
    .where('id', '=', stayId)
    .executeTakeFirst();
}

// ---- notifications across tenants (§ 110 stk. 6, migration 0024) ----

/**
 * Sends the stay's notification to the handlekommune's inbox through `shelter_notification_send`,
 * which copies only the notified facts: the new notification's id, or null when the handlekommune
 * is not a municipality of this deployment (or it was sent before).
 */
export async function sendNotification(db: Executor, stayId: string, notifiedOn: string) {
  const { rows } = await sql<{ id: string | null }>`
    select shelter_notification_send(${stayId}::uuid, ${notifiedOn}::date) as id`.execute(db);
  return rows[0]?.id ?? null;
}

/** Which of the kommunekoder belong to a municipality of this deployment. */
export async function knownHandlekommuner(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const { rows } = await sql<{ code: string }>`
    select shelter_handlekommune_known(${[...new Set(codes)]}::text[]) as code`.execute(db);
  return new Set(rows.map((r) => r.code));
}

const notificationColumns = [
  'n.id',
  'n.shelter_name',
  'n.from_municipality_name',
  'n.cpr',
  'n.birth_date',
  'n.initials',
  'n.given_name',
  'n.family_name',
  'n.admitted_on',
  'n.admission_decided_on',
  'n.notified_on',
  'n.citizen_id',
  'n.acknowledged_on',
] as const;

/** The municipality's inbox: unacknowledged first, then the newest notifications. */
export function inbox(db: Executor, m: string, filter: { unacknowledged?: boolean } = {}) {
  let q = db
    .selectFrom('shelter_notification as n')
    .leftJoin('app_user as u', 'u.id', 'n.acknowledged_by')
    .select([...notificationColumns, 'u.display_name as acknowledged_by_name'])
    .where('n.municipality_id', '=', m);
  if (filter.unacknowledged) q = q.where('n.acknowledged_on', 'is', null);
  return q
    .orderBy(sql`n.acknowledged_on is not null`)
    .orderBy('n.notified_on', 'desc')
    .orderBy('n.id')
    .limit(500)
    .execute();
}

export function notification(db: Executor, m: string, id: string) {
  return db
    .selectFrom('shelter_notification as n')
    .select([...notificationColumns])
    .where('n.municipality_id', '=', m)
    .where('n.id', '=', id)
    .executeTakeFirst();
}

/** Acknowledges a notification (linking it to a citizen, if given); false when acknowledged already. */
export async function acknowledgeNotification(
  db: Executor,
  m: string,
  id: string,
  values: { acknowledged_on: string; acknowledged_by: string; citizen_id: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('shelter_notification')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('acknowledged_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The citizen's CPR number, if known (the notification letter). */
export async function cprOfCitizen(db: Executor, m: string, citizenId: string): Promise<string | null> {
  const row = await db
    .selectFrom('citizen')
    .select('cpr')
    .where('municipality_id', '=', m)
    .where('id', '=', citizenId)
    .executeTakeFirst();
  return row?.cpr ?? null;
}

/** The shelters where each of the citizens stayed on some day from `from` to `to` (the week-6 count's units). */
export function shelterNamesOfStays(
  db: Executor,
  m: string,
  citizenIds: readonly string[],
  from: string,
  to: string,
) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('shelter_stay as t')
    .innerJoin('shelter as s', 's.id', 't.shelter_id')
    .select(['t.citizen_id', 's.name'])
    .distinct()
    .where('t.municipality_id', '=', m)
    .where('t.citizen_id', 'in', [...citizenIds])
    .where('t.admitted_on', '<=', to)
    .where((eb) => eb.or([eb('t.discharged_on', 'is', null), eb('t.discharged_on', '>=', from)]))
    .execute();
}
