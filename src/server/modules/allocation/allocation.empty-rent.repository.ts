import type { Executor } from '../../db/database';

/**
 * The vacancies of one organisation that became available in a period, with what decides how long
 * each stood empty: the return date, or the date its offer was accepted (the tenancy).
 */
export function emptySpells(db: Executor, m: string, organisationId: string, from: string, to: string) {
  return db
    .selectFrom('vacancy as v')
    .innerJoin('housing_department as d', 'd.id', 'v.department_id')
    .leftJoin('tenancy as t', (join) =>
      join.onRef('t.vacancy_id', '=', 'v.id').onRef('t.municipality_id', '=', 'v.municipality_id'),
    )
    .select(['v.department_id', 'v.status', 'v.available_on', 'v.returned_on', 'v.rent'])
    .select((eb) => eb.fn.min('t.accepted_on').as('accepted_on'))
    .where('v.municipality_id', '=', m)
    .where('d.organisation_id', '=', organisationId)
    .where('v.status', '!=', 'withdrawn')
    .where('v.available_on', '>=', from)
    .where('v.available_on', '<=', to)
    .groupBy(['v.id', 'v.department_id', 'v.status', 'v.available_on', 'v.returned_on', 'v.rent'])
    .execute();
}
