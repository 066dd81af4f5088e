import { sql } from 'kysely';
import { AVERTED } from '../../../shared/prevention/model';
import type { Executor } from '../../db/database';

/** One month of the prevention team's flow (counts of the municipality, not yet suppressed). */
export interface NoticeMonthRow {
  /** YYYY-MM. */
  month: string;
  /** Notices of rent arrears (påkrav, ophævelse, eviction requests) received in the month. */
  notices: number;
  /** Cases ending in the month with the home kept (paid, a payment plan or other help). */
  averted: number;
  /** Cases ending in the month with the household moving out by itself. */
  moved: number;
  /** Cases ending in the month with an eviction carried out. */
  evicted: number;
}

/**
 * The prevention team's monthly flow from `from` to `to` (both inclusive): notices received and
 * cases ended by outcome, per calendar month, one statement for a municipality of any size
 * (insight: the prevention dashboard, issue 18 §4). Months without any event are absent.
 */
export async function noticeMonths(db: Executor, m: string, from: string, to: string) {
  const averted = sql.join(AVERTED.map((o) => sql`${o}`));
  const { rows } = await sql<NoticeMonthRow>`
    select month,
           count(*) filter (where kind = 'notice')::int as notices,
           count(*) filter (where kind in (${averted}))::int as averted,
           count(*) filter (where kind = 'moved')::int as moved,
           count(*) filter (where kind = 'evicted')::int as evicted
      from (
        select 'notice' as kind, to_char(received_on, 'YYYY-MM') as month
          from eviction_notice
         where municipality_id = ${m} and received_on between ${from}::date and ${to}::date
        union all
        select outcome::text, to_char(outcome_on, 'YYYY-MM')
          from eviction_case
         where municipality_id = ${m} and outcome is not null
           and outcome_on between ${from}::date and ${to}::date
      ) as events
     group by month
     order by month`.execute(db);
  return rows;
}
