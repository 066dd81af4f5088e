import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { CountRegistrationTable, HomelessCountTable } from './count.table';

/** The week-6 counts and their registrations. Only this file speaks SQL for the module. */

export function counts(db: Executor, m: string) {
  return db
    .selectFrom('homeless_count as k')
    .select([
      'k.id',
      'k.year',
      'k.week_from',
      'k.week_to',
      'k.status',
      (eb) =>
        eb
          .selectFrom('count_registration as r')
          .select((x) => x.fn.countAll<number>().as('n'))
          .whereRef('r.count_id', '=', 'k.id')
          .as('registered'),
    ])
    .where('k.municipality_id', '=', m)
    .orderBy('k.year', 'desc')
    .execute();
}

export function countOfYear(db: Executor, m: string, year: number) {
  return db
    .selectFrom('homeless_count')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('year', '=', year)
    .executeTakeFirst();
}

export function insertCount(db: Executor, values: Insertable<HomelessCountTable>) {
  return db
    .insertInto('homeless_count')
    .values(values)
    .onConflict((oc) => oc.columns(['municipality_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function closeCount(db: Executor, m: string, id: string, userId: string) {
  return db
    .updateTable('homeless_count')
    .set({ status: 'closed', closed_by: userId, closed_at: new Date() })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
}

/** A count's registrations with the citizen's identity where the person is on the by-name list. */
export function registrationsOf(db: Executor, m: string, countId: string) {
  return db
    .selectFrom('count_registration as r')
    .leftJoin('citizen as c', 'c.id', 'r.citizen_id')
    .selectAll('r')
    .select(['c.cpr', 'c.given_name', 'c.family_name', 'c.initials as citizen_initials'])
    .where('r.municipality_id', '=', m)
    .where('r.count_id', '=', countId)
    .orderBy('r.registered_at')
    .orderBy('r.id')
    .execute();
}

/** What the report counts of each registration of the counts (every year at once). */
export function countedPeople(db: Executor, m: string) {
  return db
    .selectFrom('count_registration as r')
    .innerJoin('homeless_count as k', 'k.id', 'r.count_id')
    .select(['k.year', 'r.situation', 'r.birth_date', 'r.sex', 'r.migrant_without_residence'])
    .where('r.municipality_id', '=', m)
    .execute();
}

export function registration(db: Executor, m: string, id: string) {
  return db
    .selectFrom('count_registration')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertRegistration(db: Executor, values: Insertable<CountRegistrationTable>) {
  return db.insertInto('count_registration').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateRegistration(
  db: Executor,
  m: string,
  id: string,
  values: Updateable<CountRegistrationTable>,
) {
  return db
    .updateTable('count_registration')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

/** The identity facts of citizens (rule 6 compares them). */
export function citizenKeys(db: Executor, m: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('citizen')
    .select(['id', 'cpr', 'initials', 'birth_date', 'sex', 'given_name', 'family_name'])
    .where('municipality_id', '=', m)
    .where('id', 'in', [...ids])
    .execute();
}
