import type { Executor } from '../../db/database';

/**
 * Tenancies with their lease and move-in dates, for other modules (support: CTI may start only
 * after a signed lease or move-in, and housing retention counts from the move-in). All of the
 * municipality's tenancies, or those of the given citizens.
 */
export function tenancyFacts(db: Executor, m: string, citizenIds: readonly string[] | null) {
  let q = db
    .selectFrom('tenancy')
    .select(['id', 'citizen_id', 'lease_signed_on', 'planned_move_in_on', 'moved_in_on'])
    .where('municipality_id', '=', m);
  if (citizenIds) {
    if (citizenIds.length === 0) return Promise.resolve([]);
    q = q.where('citizen_id', 'in', [...citizenIds]);
  }
  return q.orderBy('citizen_id').orderBy('accepted_on').execute();
}

/**
 * The tenancies moved into from `from` to `to`, for other modules (insight: housing retention 12
 * months after the move-in, issue 18 §3).
 */
export function movedInBetween(db: Executor, m: string, from: string, to: string) {
  return db
    .selectFrom('tenancy')
    .select(['citizen_id', 'moved_in_on'])
    .where('municipality_id', '=', m)
    .where('moved_in_on', '>=', from)
    .where('moved_in_on', '<=', to)
    .execute() as Promise<{ citizen_id: string; moved_in_on: string }[]>;
}
