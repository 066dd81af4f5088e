import type { Executor } from '../../db/database';

/** The municipality's citizens (not merged away) born between two dates, inclusive. */
export function citizensBornBetween(db: Executor, m: string, bornFrom: string, bornTo: string) {
  return db
    .selectFrom('citizen')
    .select(['id', 'birth_date', 'registered_on', 'died_on', 'moved_away_on'])
    .where('municipality_id', '=', m)
    .where('merged_into', 'is', null)
    .where('birth_date', '>=', bornFrom)
    .where('birth_date', '<=', bornTo)
    .execute();
}

/** Every placement outside the home of the municipality. */
export function allPlacements(db: Executor, m: string) {
  return db
    .selectFrom('youth_placement')
    .select(['citizen_id', 'from_date', 'to_date'])
    .where('municipality_id', '=', m)
    .orderBy('from_date')
    .execute();
}

/** Every decision on youth support of the municipality, oldest first. */
export function allDecisions(db: Executor, m: string) {
  return db
    .selectFrom('youth_decision')
    .select(['citizen_id', 'decided_on'])
    .where('municipality_id', '=', m)
    .orderBy('decided_on')
    .orderBy('created_at')
    .execute();
}
