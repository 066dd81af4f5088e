import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import type { SharedIndicatorTable } from './insight.comparison.table';

/**
 * The comparison's SQL (issue 18 §7). A municipality reads and writes its own decision on sharing
 * and its own shared figures; the other municipalities' figures are read from `shared_indicator`,
 * whose row policy `shared` shows them only while both sides share (migration 0034). Only this
 * file speaks SQL for the comparison.
 */

/** The municipality's decision on sharing, with the name of the user who made it. */
export function sharingOf(db: Executor, m: string) {
  return db
    .selectFrom('insight_sharing as s')
    .leftJoin('app_user as u', 'u.id', 's.changed_by')
    .select(['s.sharing', 's.changed_at', 's.published_at', 'u.display_name as changed_by_name'])
    .where('s.municipality_id', '=', m)
    .executeTakeFirst();
}

export async function saveSharing(db: Executor, m: string, sharing: boolean, userId: string) {
  const changedAt = new Date();
  await db
    .insertInto('insight_sharing')
    .values({ municipality_id: m, sharing, changed_by: userId, changed_at: changedAt })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({ sharing, changed_by: userId, changed_at: changedAt }),
    )
    .execute();
}

export async function markPublished(db: Executor, m: string, at: Date | null) {
  await db
    .updateTable('insight_sharing')
    .set({ published_at: at })
    .where('municipality_id', '=', m)
    .execute();
}

/** Withdraws every figure the municipality shared. */
export async function deleteSharedFigures(db: Executor, m: string) {
  await db.deleteFrom('shared_indicator').where('municipality_id', '=', m).execute();
}

/** Publishes the municipality's figures in place of those it shared before. */
export async function replaceSharedFigures(
  db: Executor,
  m: string,
  rows: readonly Insertable<SharedIndicatorTable>[],
) {
  await deleteSharedFigures(db, m);
  if (rows.length > 0)
    await db
      .insertInto('shared_indicator')
      .values([...rows])
      .execute();
}

/** The figures the other municipalities share, as far as the row policy lets this one see them. */
export function othersSharedFigures(db: Executor, m: string) {
  return db
    .selectFrom('shared_indicator')
    .selectAll()
    .where('municipality_id', '<>', m)
    .orderBy('municipality_name')
    .orderBy('municipality_id')
    .orderBy('key')
    .execute();
}
