import type { Executor } from '../../db/database';

/** The queries behind allocation's steps on a citizen's timeline (allocation.timeline.ts). */

/** Every step of the given citizens' applications. */
export function applicationStepsOf(db: Executor, m: string, citizenIds: readonly string[]) {
  return db
    .selectFrom('application_event as e')
    .innerJoin('allocation_application as a', 'a.id', 'e.application_id')
    .select(['e.action', 'e.at'])
    .where('e.municipality_id', '=', m)
    .where('a.citizen_id', 'in', [...citizenIds])
    .execute();
}

/** Every offer made to the given citizens, with the unit's address. */
export function offersToCitizens(db: Executor, m: string, citizenIds: readonly string[]) {
  return db
    .selectFrom('offer as f')
    .innerJoin('allocation_application as a', 'a.id', 'f.application_id')
    .innerJoin('vacancy as v', 'v.id', 'f.vacancy_id')
    .select(['f.status', 'f.offered_at', 'f.responded_at', 'v.address'])
    .where('f.municipality_id', '=', m)
    .where('a.citizen_id', 'in', [...citizenIds])
    .execute();
}

/** Every tenancy of the given citizens, with the unit's address. */
export function tenanciesOfCitizens(db: Executor, m: string, citizenIds: readonly string[]) {
  return db
    .selectFrom('tenancy as t')
    .innerJoin('vacancy as v', 'v.id', 't.vacancy_id')
    .select(['t.lease_signed_on', 't.moved_in_on', 'v.address'])
    .where('t.municipality_id', '=', m)
    .where('t.citizen_id', 'in', [...citizenIds])
    .execute();
}
