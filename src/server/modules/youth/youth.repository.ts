import type { Insertable } from 'kysely';
import type { ServiceArea } from '../../../shared/youth/model';
import type { Executor } from '../../db/database';
import type {
  YouthDecisionTable,
  YouthPairingTable,
  YouthPlacementTable,
  YouthProfileTable,
  YouthSupportTable,
} from './youth.table';

/** A citizen of the municipality (not merged away), with the facts the youth rules need. */
export function citizen(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('citizen')
    .select(['id', 'birth_date', 'given_name', 'family_name', 'initials'])
    .where('municipality_id', '=', m)
    .where('id', '=', citizenId)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

/**
 * The citizens born between two dates (inclusive; the young people of a date), with their youth
 * profile and caseworker pair, if any; only the given citizens when `only` is not null.
 */
export function youngPeople(
  db: Executor,
  m: string,
  bornFrom: string,
  bornTo: string,
  only: readonly string[] | null,
) {
  let q = db
    .selectFrom('citizen as c')
    .leftJoin('youth_profile as p', (j) =>
      j.onRef('p.citizen_id', '=', 'c.id').onRef('p.municipality_id', '=', 'c.municipality_id'),
    )
    .leftJoin('youth_pairing as r', (j) =>
      j.onRef('r.citizen_id', '=', 'c.id').onRef('r.municipality_id', '=', 'c.municipality_id'),
    )
    .leftJoin('app_user as cu', 'cu.id', 'r.child_user_id')
    .leftJoin('app_user as au', 'au.id', 'r.adult_user_id')
    .select([
      'c.id',
      'c.birth_date',
      'c.given_name',
      'c.family_name',
      'c.initials',
      'p.education_status',
      'p.kui_status',
      'p.special_need',
      'r.from_age',
      'r.child_user_id',
      'r.adult_user_id',
      'cu.display_name as child_name',
      'au.display_name as adult_name',
    ])
    .where('c.municipality_id', '=', m)
    .where('c.merged_into', 'is', null)
    .where('c.died_on', 'is', null)
    .where('c.moved_away_on', 'is', null)
    .where('c.birth_date', '>=', bornFrom)
    .where('c.birth_date', '<=', bornTo);
  if (only) {
    if (only.length === 0) return Promise.resolve([]);
    q = q.where('c.id', 'in', [...only]);
  }
  return q.orderBy('c.birth_date', 'desc').orderBy('c.id').limit(2000).execute();
}

export function profile(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('youth_profile')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirst();
}

/** Writes the youth profile, one per citizen (the newest replaces it). */
export function upsertProfile(db: Executor, values: Insertable<YouthProfileTable>) {
  return db
    .insertInto('youth_profile')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'citizen_id']).doUpdateSet({
        education_status: values.education_status,
        kui_status: values.kui_status,
        special_need: values.special_need ?? false,
        own_goals: values.own_goals ?? null,
        housing_note: values.housing_note ?? null,
        updated_by: values.updated_by ?? null,
        updated_at: new Date(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function placementsOf(db: Executor, m: string, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('youth_placement')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .orderBy('from_date')
    .execute();
}

export function insertPlacement(db: Executor, values: Insertable<YouthPlacementTable>) {
  return db.insertInto('youth_placement').values(values).returning('id').executeTakeFirstOrThrow();
}

export function supportsOf(db: Executor, m: string, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('youth_support')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .orderBy('from_date')
    .execute();
}

export function insertSupport(db: Executor, values: Insertable<YouthSupportTable>) {
  return db.insertInto('youth_support').values(values).returning('id').executeTakeFirstOrThrow();
}

export function decisionsOf(db: Executor, m: string, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('youth_decision')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .orderBy('decided_on')
    .orderBy('created_at')
    .execute();
}

export function insertDecision(db: Executor, values: Insertable<YouthDecisionTable>) {
  return db.insertInto('youth_decision').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The active users of the municipality among the given ids, with their service area. */
export function usersWithArea(db: Executor, m: string, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'role_code', 'service_area'])
    .where('municipality_id', '=', m)
    .where('id', 'in', [...userIds])
    .where('disabled_at', 'is', null)
    .execute();
}

/** The municipality's active caseworkers with their service area. */
export function caseworkers(db: Executor, m: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'service_area'])
    .where('municipality_id', '=', m)
    .where('role_code', '=', 'caseworker')
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute();
}

/** Sets a user's service area; false when no such user in the municipality. */
export async function setServiceArea(db: Executor, m: string, userId: string, area: ServiceArea | null) {
  const r = await db
    .updateTable('app_user')
    .set({ service_area: area })
    .where('municipality_id', '=', m)
    .where('id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Writes the pairing (parløb) of a young person, one per citizen (the newest replaces it). */
export function upsertPairing(db: Executor, values: Insertable<YouthPairingTable>) {
  return db
    .insertInto('youth_pairing')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'citizen_id']).doUpdateSet({
        child_user_id: values.child_user_id,
        adult_user_id: values.adult_user_id,
        from_age: values.from_age ?? 16,
        updated_by: values.updated_by ?? null,
        updated_at: new Date(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The citizens born between two dates with a placement outside the home covering a date or after it. */
export function placedBornBetween(db: Executor, m: string, bornFrom: string, bornTo: string) {
  return db
    .selectFrom('youth_placement as y')
    .innerJoin('citizen as c', 'c.id', 'y.citizen_id')
    .leftJoin('youth_pairing as r', (j) =>
      j.onRef('r.citizen_id', '=', 'c.id').onRef('r.municipality_id', '=', 'c.municipality_id'),
    )
    .select([
      'c.id',
      'c.birth_date',
      'c.given_name',
      'c.family_name',
      'c.initials',
      'r.child_user_id',
      'r.adult_user_id',
      'y.from_date',
      'y.to_date',
    ])
    .where('y.municipality_id', '=', m)
    .where('c.merged_into', 'is', null)
    .where('c.died_on', 'is', null)
    .where('c.birth_date', '>=', bornFrom)
    .where('c.birth_date', '<=', bornTo)
    .orderBy('c.id')
    .execute();
}

/** The young people with a youth profile born between two dates, with their caseworker pair. */
export function profiledBornBetween(db: Executor, m: string, bornFrom: string, bornTo: string) {
  return db
    .selectFrom('youth_profile as p')
    .innerJoin('citizen as c', 'c.id', 'p.citizen_id')
    .leftJoin('youth_pairing as r', (j) =>
      j.onRef('r.citizen_id', '=', 'c.id').onRef('r.municipality_id', '=', 'c.municipality_id'),
    )
    .select([
      'c.id',
      'c.birth_date',
      'c.given_name',
      'c.family_name',
      'c.initials',
      'p.education_status',
      'p.special_need',
      'r.child_user_id',
      'r.adult_user_id',
    ])
    .where('p.municipality_id', '=', m)
    .where('c.merged_into', 'is', null)
    .where('c.died_on', 'is', null)
    .where('c.moved_away_on', 'is', null)
    .where('c.birth_date', '>=', bornFrom)
    .where('c.birth_date', '<=', bornTo)
    .orderBy('c.id')
    .execute();
}
