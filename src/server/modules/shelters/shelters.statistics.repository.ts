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

/**
 * The nights of the municipality's stays discharged from `from` to `to`, counted per number of
 * nights (insight: the outcome indicators, issue 18 §3; a stay's length as `stayLength` has it:
 * discharge day minus admission day), and the stays still open on `to`.
 */
export async function stayNightsBetween(db: Executor, m: string, from: string, to: string) {
  const { rows } = await sql<{ completed: { value: number; count: number }[] | null; open: number }>`
    with completed as (
      select greatest(0, discharged_on - admitted_on)::int as nights from shelter_stay
      where municipality_id = ${m} and discharged_on between ${from}::date and ${to}::date
    ),
    nights as (select nights as value, count(*)::int as count from completed group by nights)
    select (select json_agg(json_build_object('value', value, 'count', count)) from nights) as completed,
      (select count(*)::int from shelter_stay where municipality_id = ${m} and admitted_on <= ${to}::date
        and (discharged_on is null or discharged_on > ${to}::date)) as open`.execute(db);
  return { completed: rows[0]?.completed ?? [], open: rows[0]?.open ?? 0 };
}
