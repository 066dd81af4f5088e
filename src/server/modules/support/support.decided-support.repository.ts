import type { Executor } from '../../db/database';

/**
 * The citizens (of those given) with housing support decided on or before `onDate` that has not
 * ended by then, for other modules (shelters: a municipal discharge needs the support decided,
 * serviceloven § 110 stk. 5 nr. 3, rule 12).
 */
export async function citizensWithDecidedSupport(
  db: Executor,
  m: string,
  citizenIds: readonly string[],
  onDate: string,
): Promise<Set<string>> {
  if (citizenIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('support_enrollment')
    .select('citizen_id')
    .distinct()
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .where('decision_on', '<=', onDate)
    .where((eb) => eb.or([eb('end_on', 'is', null), eb('end_on', '>', onDate)]))
    .execute();
  return new Set(rows.map((r) => r.citizen_id));
}
