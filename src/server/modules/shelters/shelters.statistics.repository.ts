import { sql } from 'kysely';
import type { Situation } from '../../../shared/citizens/whereabouts';
import type { Executor } from '../../db/database';

/**
 * Stays for the statistics (issue 16 §9–10): only this file of the statistics speaks SQL. Joins the
 * citizens module's tables to name the person and read where they stayed before the admission.
 */

/** The municipality's shelters, or the one given. */
export function sheltersOf(db: Executor, m: string, shelterId: string | null) {
  let q = db.selectFrom('shelter').select(['id', 'name', 'places']).where('municipality_id', '=', m);
  if (shelterId) q = q.where('id', '=', shelterId);
  return q.orderBy('name').execute();
}

/**
 * The stay lengths the statistics need, without any person: every stay open on `onDate` and every
 * stay discharged from `since` on, of the given shelters.
 */
export function stayDates(
  db: Executor,
  m: string,
  shelterIds: readonly string[],
  since: string,
  onDate: string,
) {
  if (shelterIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('shelter_stay')
    .select(['shelter_id', 'admitted_on', 'discharged_on'])
    .where('municipality_id', '=', m)
    .where('shelter_id', 'in', [...shelterIds])
    .where('admitted_on', '<=', onDate)
    .where((eb) => eb.or([eb('discharged_on', 'is', null), eb('discharged_on', '>=', since)]))
    .execute();
}

/**
 * The shelter's stays with a day in `[from, until)`, each with the person and the whereabouts in
 * force the day before the admission (the report's "where the person last stayed").
 */
export function reportStays(db: Executor, m: string, shelterId: string, from: string, until: string) {
  return db
    .selectFrom('shelter_stay as s')
    .innerJoin('citizen as c', 'c.id', 's.citizen_id')
    .select((eb) => [
      's.id',
      's.citizen_id',
      's.admitted_on',
      's.discharged_on',
      's.discharged_to',
      's.municipal_discharge',
      'c.cpr',
      'c.birth_date',
      'c.initials',
      'c.given_name',
      'c.family_name',
      eb
        .selectFrom('whereabouts_episode as w')
        .select(sql<Situation>`w.situation`.as('situation'))
        .whereRef('w.citizen_id', '=', 's.citizen_id')
        .where('w.municipality_id', '=', m)
        .where('w.retracted_at', 'is', null)
        .whereRef('w.from_date', '<', 's.admitted_on')
        .orderBy('w.from_date', 'desc')
        .orderBy('w.recorded_at', 'desc')
        .limit(1)
        .as('last_stay'),
    ])
    .where('s.municipality_id', '=', m)
    .where('s.shelter_id', '=', shelterId)
    .where('s.admitted_on', '<', until)
    .where((eb) => eb.or([eb('s.discharged_on', 'is', null), eb('s.discharged_on', '>=', from)]))
    .orderBy('s.admitted_on')
    .orderBy('s.id')
    .execute();
}
