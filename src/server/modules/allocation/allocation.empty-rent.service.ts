import { daysBetween, today } from '../../../shared/dates';
import type { Tx } from '../../db/database';
import * as repo from './allocation.empty-rent.repository';
import { num } from './allocation.repository';

/**
 * Empty rent (tomgangsleje): the rent the municipality pays while a unit put at its disposal stands
 * empty (§ 59 stk. 1; domain.md §4), from the available date until it is let (the offer accepted),
 * returned unused, or today. The same rule as each vacancy's own page, summed per department for
 * the dialogue report, which the leader and economy roles read (design.md §1: costs, aggregates).
 */
export function emptyRentOf(
  v: {
    status: string;
    available_on: string;
    returned_on: string | null;
    accepted_on: string | null;
    rent: string | number;
  },
  onDate: string = today(),
): { days: number; rent: number } {
  // A withdrawn report was never at the municipality's disposal: no empty days, no empty rent.
  if (v.status === 'withdrawn') return { days: 0, rent: 0 };
  const end = v.status === 'returned' ? (v.returned_on ?? onDate) : (v.accepted_on ?? onDate);
  const days = Math.max(0, daysBetween(v.available_on, end < onDate ? end : onDate));
  return { days, rent: Math.round(((num(v.rent) * 12) / 365) * days) };
}

/** Days empty and empty rent per department of one organisation, for the units available in the period. */
export async function emptyRentByDepartment(
  trx: Tx,
  municipalityId: string,
  organisationId: string,
  from: string,
  to: string,
): Promise<Map<string, { emptyDays: number; emptyRent: number }>> {
  const perDepartment = new Map<string, { emptyDays: number; emptyRent: number }>();
  const onDate = today();
  for (const v of await repo.emptySpells(trx, municipalityId, organisationId, from, to)) {
    const { days, rent } = emptyRentOf(v, onDate);
    const d = perDepartment.get(v.department_id) ?? { emptyDays: 0, emptyRent: 0 };
    d.emptyDays += days;
    d.emptyRent += rent;
    perDepartment.set(v.department_id, d);
  }
  return perDepartment;
}
