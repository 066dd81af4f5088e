import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/**
 * What the by-name status of every citizen of the municipality on any past date needs (`statusOn`
 * in shared/citizens/status.ts), as `statusHistories` folds it for other modules: each
 * citizen (with `merged_into`, so a merged record's history counts for its survivor), the
 * whereabouts in force with the facts `classifyOn` reads, and the latest contact of each month.
 */
export async function statusFacts(db: Executor, m: string, upTo: string) {
  const [citizens, episodes, contacts] = await Promise.all([
    db
      .selectFrom('citizen')
      .select(['id', 'merged_into', 'birth_date', 'registered_on', 'died_on', 'moved_away_on'])
      .where('municipality_id', '=', m)
      .execute(),
    db
      .selectFrom('whereabouts_episode')
      .select(['citizen_id', 'situation', 'from_date', 'release_date', 'housing_solution', 'recorded_at'])
      .where('municipality_id', '=', m)
      .where('retracted_at', 'is', null)
      .where('from_date', '<=', upTo)
      .orderBy('citizen_id')
      .orderBy('from_date')
      .execute(),
    db
      .selectFrom('citizen_contact')
      .select(['citizen_id', sql<string>`max(contact_on)::text`.as('contact_on')])
      .where('municipality_id', '=', m)
      .where('contact_on', '<=', upTo)
      .groupBy(['citizen_id', sql`date_trunc('month', contact_on)`])
      .execute(),
  ]);
  return { citizens, episodes, contacts };
}
