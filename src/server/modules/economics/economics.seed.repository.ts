import type { Executor } from '../../db/database';

/** The demo seed's SQL: earlier daily rates and a history of stays for the economics page. */

export function demoShelters(db: Executor, m: string) {
  return db
    .selectFrom('shelter')
    .select(['id', 'name'])
    .where('municipality_id', '=', m)
    .orderBy('name')
    .execute();
}

export async function insertRateIfNone(
  db: Executor,
  row: { municipality_id: string; shelter_id: string; valid_from: string; daily_rate: string },
) {
  await db
    .insertInto('shelter_rate')
    .values(row)
    .onConflict((oc) => oc.columns(['shelter_id', 'valid_from']).doNothing())
    .execute();
}

/**
 * Citizens of the demo list with no shelter stay yet, in a fixed order, each with the earliest
 * § 85 a support decision and start, if any.
 */
export function citizensWithoutStays(db: Executor, m: string) {
  return db
    .selectFrom('citizen as c')
    .select((eb) => [
      'c.id',
      'c.birth_date',
      eb
        .selectFrom('support_enrollment as e')
        .select((e) => e.fn.min('e.decision_on').as('d'))
        .whereRef('e.citizen_id', '=', 'c.id')
        .where('e.legal_basis', '=', 's85a')
        .as('decision_on'),
      eb
        .selectFrom('support_enrollment as e')
        .select((e) => e.fn.min('e.start_on').as('s'))
        .whereRef('e.citizen_id', '=', 'c.id')
        .where('e.legal_basis', '=', 's85a')
        .as('start_on'),
      eb
        .selectFrom('care_placement as p')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('p.citizen_id', '=', 'c.id')
        .as('placements'),
    ])
    .where('c.municipality_id', '=', m)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('shelter_stay as t').select('t.id').whereRef('t.citizen_id', '=', 'c.id'))),
    )
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .orderBy('c.birth_date')
    .execute();
}

export async function insertStays(
  db: Executor,
  rows: {
    municipality_id: string;
    shelter_id: string;
    citizen_id: string;
    admitted_on: string;
    admission_decided_on: string;
    handlekommune: string;
    notified_on: string;
    discharged_on: string | null;
    discharged_to: 'own_home' | 'street' | 'family_friends' | 'unknown' | null;
    action_plan_on: string;
  }[],
) {
  if (rows.length > 0) await db.insertInto('shelter_stay').values(rows).execute();
}
