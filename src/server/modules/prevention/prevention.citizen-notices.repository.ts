import type { Executor } from '../../db/database';

/**
 * The latest notice of each open eviction case of the given citizens, for other modules (support:
 * the citizen's support worker is told of an eviction notice).
 */
export function openNoticesOfCitizens(db: Executor, m: string, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('eviction_case as c')
    .innerJoin('eviction_notice as n', (j) =>
      j.onRef('n.case_id', '=', 'c.id').onRef('n.municipality_id', '=', 'c.municipality_id'),
    )
    .select(['c.id as case_id', 'c.citizen_id', 'n.id as notice_id', 'n.received_on', 'n.source'])
    .distinctOn('c.id')
    .where('c.municipality_id', '=', m)
    .where('c.status', '=', 'open')
    .where('c.citizen_id', 'in', [...citizenIds])
    .orderBy('c.id')
    .orderBy('n.received_on', 'desc')
    .orderBy('n.created_at', 'desc')
    .execute();
}
