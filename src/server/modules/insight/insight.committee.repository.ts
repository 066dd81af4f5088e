import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import './insight.committee.table';

/** The introduction of a period's committee report, with its author's name. */
export function introduction(db: Executor, m: string, from: string, to: string) {
  return db
    .selectFrom('committee_introduction as i')
    .leftJoin('app_user as u', 'u.id', 'i.updated_by')
    .select(['i.text', 'i.updated_at', 'u.display_name'])
    .where('i.municipality_id', '=', m)
    .where('i.period_from', '=', from)
    .where('i.period_to', '=', to)
    .executeTakeFirst();
}

/** Writes (or rewrites) the introduction of a period's committee report. */
export async function saveIntroduction(
  db: Executor,
  row: { municipality_id: string; period_from: string; period_to: string; text: string; updated_by: string },
) {
  await db
    .insertInto('committee_introduction')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['municipality_id', 'period_from', 'period_to'])
        .doUpdateSet({ text: row.text, updated_by: row.updated_by, updated_at: sql`now()` }),
    )
    .execute();
}
