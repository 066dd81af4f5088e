import type { Executor } from '../../db/database';

/**
 * Whereabouts in force (not retracted), for other modules (support: own home before a CTI start,
 * and housing retention after a move-in). All of the municipality's, or those of the given citizens.
 */
export function whereaboutsFacts(db: Executor, m: string, citizenIds: readonly string[] | null) {
  let q = db
    .selectFrom('whereabouts_episode')
    .select(['citizen_id', 'situation', 'from_date', 'recorded_at'])
    .where('municipality_id', '=', m)
    .where('retracted_at', 'is', null);
  if (citizenIds) {
    if (citizenIds.length === 0) return Promise.resolve([]);
    q = q.where('citizen_id', 'in', [...citizenIds]);
  }
  return q.orderBy('citizen_id').orderBy('from_date').execute();
}
