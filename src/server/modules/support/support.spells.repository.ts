import type { Method } from '../../../shared/support/model';
import type { Executor } from '../../db/database';

/** A citizen's support under one method, from its start to its end (null: still going). */
export interface SupportSpell {
  citizenId: string;
  method: Method;
  from: string;
  to: string | null;
}

/**
 * Every support enrollment of the municipality that had started by `upTo`, as spells, for other
 * modules (planning: who was housed with which method's support at each month end).
 */
export async function supportSpells(db: Executor, m: string, upTo: string): Promise<SupportSpell[]> {
  const rows = await db
    .selectFrom('support_enrollment')
    .select(['citizen_id', 'method', 'start_on', 'end_on'])
    .where('municipality_id', '=', m)
    .where('start_on', '<=', upTo)
    .orderBy('citizen_id')
    .orderBy('start_on')
    .execute();
  return rows.map((r) => ({ citizenId: r.citizen_id, method: r.method, from: r.start_on, to: r.end_on }));
}
