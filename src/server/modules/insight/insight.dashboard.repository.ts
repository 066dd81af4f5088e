import { sql } from 'kysely';
import type { Dashboard } from '../../../shared/insight/dashboard';
import type { Executor } from '../../db/database';
import './insight.dashboard.table';

/** The kept dashboard of a municipality and key, if any. */
export function readSnapshot(db: Executor, m: string, key: string) {
  return db
    .selectFrom('dashboard_snapshot')
    .select(['computed_at', 'body'])
    .where('municipality_id', '=', m)
    .where('key', '=', key)
    .executeTakeFirst();
}

/**
 * Keeps a computed dashboard, unless one computed later is kept already (two processes computing
 * the same key at once: the later figures stay); removes the municipality's dashboards of earlier
 * dates.
 */
export async function saveSnapshot(
  db: Executor,
  m: string,
  key: string,
  asOf: string,
  dashboard: Dashboard,
): Promise<void> {
  await db
    .insertInto('dashboard_snapshot')
    .values({
      municipality_id: m,
      key,
      as_of: asOf,
      computed_at: new Date(dashboard.computedAt),
      body: sql<Dashboard>`${JSON.stringify(dashboard)}::jsonb`,
    })
    .onConflict((oc) =>
      oc
        .columns(['municipality_id', 'key'])
        .doUpdateSet({
          as_of: (eb) => eb.ref('excluded.as_of'),
          computed_at: (eb) => eb.ref('excluded.computed_at'),
          body: (eb) => eb.ref('excluded.body'),
        })
        .where('dashboard_snapshot.computed_at', '<', (eb) => eb.ref('excluded.computed_at')),
    )
    .execute();
  await db
    .deleteFrom('dashboard_snapshot')
    .where('municipality_id', '=', m)
    .where('as_of', '<', asOf)
    .execute();
}
