import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import './insight.kept.table';

/** The figures kept for a municipality and key, if any, with when they were computed. */
export async function readKept<T extends object>(
  db: Executor,
  m: string,
  key: string,
): Promise<{ computedAt: Date; body: T } | undefined> {
  const row = await db
    .selectFrom('insight_kept_figures')
    .select(['computed_at', 'body'])
    .where('municipality_id', '=', m)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && { computedAt: row.computed_at, body: row.body as T };
}

/**
 * Keeps computed figures, unless figures computed later are kept already (two processes computing
 * the same key at once: the later figures stay); removes the municipality's figures of earlier
 * dates.
 */
export async function saveKept(
  db: Executor,
  m: string,
  key: string,
  asOf: string,
  computedAt: Date,
  body: object,
): Promise<void> {
  await db
    .insertInto('insight_kept_figures')
    .values({
      municipality_id: m,
      key,
      as_of: asOf,
      computed_at: computedAt,
      body: sql<object>`${JSON.stringify(body)}::jsonb`,
    })
    .onConflict((oc) =>
      oc
        .columns(['municipality_id', 'key'])
        .doUpdateSet({
          as_of: (eb) => eb.ref('excluded.as_of'),
          computed_at: (eb) => eb.ref('excluded.computed_at'),
          body: (eb) => eb.ref('excluded.body'),
        })
        .where('insight_kept_figures.computed_at', '<', (eb) => eb.ref('excluded.computed_at')),
    )
    .execute();
  await db
    .deleteFrom('insight_kept_figures')
    .where('municipality_id', '=', m)
    .where('as_of', '<', asOf)
    .execute();
}
