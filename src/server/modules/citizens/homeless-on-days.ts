import { today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import type { ListRow } from './citizens.list.repository';
import * as list from './citizens.list.repository';
import { EVERY_CITIZEN } from './citizens.policy';
import * as repo from './citizens.repository';

/**
 * Everyone on the by-name list who was homeless (a VIVE situation in force and not inactive, by the
 * municipality's inactivity policy) on at least one of the days, as the list stood on that day; each
 * with the situation of the last of those days. The week-6 count prefills its list from it (issue 18
 * §1); days after today are left out.
 */
export async function homelessOnDays(trx: Tx, municipalityId: string, days: readonly string[]) {
  const policy = await repo.policy(trx, municipalityId);
  const asOf = today();
  const found = new Map<string, ListRow>();
  for (const onDate of [...days].sort()) {
    if (onDate > asOf) continue;
    const { rows } = await list.listCitizens(trx, {
      municipalityId,
      scope: EVERY_CITIZEN,
      today: asOf,
      onDate,
      status: 'homeless',
      limit: 100_000,
      offset: 0,
      ...policy,
    });
    for (const row of rows) found.set(row.id, row);
  }
  return [...found.values()];
}
