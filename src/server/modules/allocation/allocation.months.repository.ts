import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/** One month of the allocation team's flow (counts of the municipality, not yet suppressed). */
export interface AllocationMonthRow {
  /** YYYY-MM. */
  month: string;
  /** Vacancies available in the month (the municipality's to name a tenant for). */
  vacancies: number;
  /** Offers made in the month. */
  offers: number;
  /** Offers accepted in the month (a tenancy begun). */
  accepted: number;
  /** Tenants moved in in the month. */
  movedIn: number;
}

/**
 * The allocation team's monthly flow from `from` to `to` (both inclusive): vacancies available,
 * offers made, offers accepted and move-ins, per calendar month (Danish time), one statement for a
 * municipality of any size (insight: the allocation dashboard, issue 18 §4). Months without any
 * event are absent; the caller lays out the months.
 */
export async function allocationMonths(db: Executor, m: string, from: string, to: string) {
  const { rows } = await sql<{
    month: string;
    vacancies: number;
    offers: number;
    accepted: number;
    moved_in: number;
  }>`
    select month,
           count(*) filter (where kind = 'vacancy')::int as vacancies,
           count(*) filter (where kind = 'offer')::int as offers,
           count(*) filter (where kind = 'accepted')::int as accepted,
           count(*) filter (where kind = 'moved_in')::int as moved_in
      from (
        select 'vacancy' as kind, to_char(available_on, 'YYYY-MM') as month
          from vacancy
         where municipality_id = ${m} and available_on between ${from}::date and ${to}::date
        union all
        select 'offer', to_char(offered_at at time zone 'Europe/Copenhagen', 'YYYY-MM')
          from offer
         where municipality_id = ${m}
           and offered_at >= (${from}::date)::timestamp at time zone 'Europe/Copenhagen'
           and offered_at < (${to}::date + 1)::timestamp at time zone 'Europe/Copenhagen'
        union all
        select 'accepted', to_char(accepted_on, 'YYYY-MM')
          from tenancy
         where municipality_id = ${m} and accepted_on between ${from}::date and ${to}::date
        union all
        select 'moved_in', to_char(moved_in_on, 'YYYY-MM')
          from tenancy
         where municipality_id = ${m} and moved_in_on between ${from}::date and ${to}::date
      ) as events
     group by month
     order by month`.execute(db);
  return rows.map(
    (r): AllocationMonthRow => ({
      month: r.month,
      vacancies: r.vacancies,
      offers: r.offers,
      accepted: r.accepted,
      movedIn: r.moved_in,
    }),
  );
}

/**
 * The units received for allocation from `from` to `to` (their available date) by where they came
 * from (agreement quota, youth quota, rehousing, subsidy pool, new build), for other modules
 * (planning: the units outside the agreements' quota).
 */
export async function vacanciesByOrigin(db: Executor, m: string, from: string, to: string) {
  const rows = await db
    .selectFrom('vacancy')
    .select(['origin', (eb) => eb.fn.countAll<string>().as('units')])
    .where('municipality_id', '=', m)
    .where('available_on', '>=', from)
    .where('available_on', '<=', to)
    .groupBy('origin')
    .execute();
  return new Map(rows.map((r) => [r.origin, Number(r.units)]));
}
