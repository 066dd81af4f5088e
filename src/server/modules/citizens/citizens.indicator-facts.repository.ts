import { sql } from 'kysely';
import { RETURN_HORIZONS } from '../../../shared/insight/indicators';
import type { Executor } from '../../db/database';

/**
 * The by-name list's homelessness spells as set-based SQL, for other modules (insight: the outcome
 * indicators of issue 18 §3, docs/indicators.md). Everything is judged as the whereabouts in force
 * stood up to `to`:
 *
 * - each record counts for its survivor (a chain of merges followed to the end);
 * - of two episodes from the same day, the one recorded last is in force;
 * - an episode lasts until the person's next episode starts (the day before it), or past `to`;
 * - its homeless part: a VIVE situation (domain.md §1, rule 1); prison and hospital only from one
 *   month before the release and only without a housing solution (rule 2, `classifyOn`);
 * - a spell is homeless parts that follow on or overlap one another (street → shelter is one spell);
 *   `until` is the first day after it (the first day of the next, non-homeless episode).
 */
const spells = (m: string, to: string) => sql`
  with recursive survivor(id, person) as (
    select id, id from citizen where municipality_id = ${m} and merged_into is null
    union all
    select c.id, s.person from citizen c join survivor s on c.merged_into = s.id
    where c.municipality_id = ${m}
  ),
  episode as (
    select distinct on (s.person, w.from_date)
      s.person, w.from_date, w.situation, w.release_date, w.housing_solution
    from whereabouts_episode w
    join survivor s on s.id = w.citizen_id
    where w.municipality_id = ${m} and w.retracted_at is null and w.from_date <= ${to}::date
    order by s.person, w.from_date, w.recorded_at desc
  ),
  segment as (
    select person, situation, from_date, release_date, housing_solution,
      coalesce(lead(from_date) over (partition by person order by from_date), ${to}::date + 1) as next_from
    from episode
  ),
  homeless_part as (
    select person,
      case when situation in ('prison', 'hospital')
        then greatest(from_date, (release_date - interval '1 month')::date) else from_date end as h_from,
      next_from as h_until
    from segment
    where situation in ('street', 'night_shelter', 'shelter', 'hotel', 'family_friends', 'transitional', 'other')
      or (situation in ('prison', 'hospital') and release_date is not null and housing_solution is not true)
  ),
  ordered_part as (
    select person, h_from, h_until,
      max(h_until) over (partition by person order by h_from, h_until
        rows between unbounded preceding and 1 preceding) as before_until
    from homeless_part where h_from < h_until
  ),
  grouped_part as (
    select person, h_from, h_until,
      sum(case when before_until is null or h_from > before_until then 1 else 0 end)
        over (partition by person order by h_from, h_until) as spell_no
    from ordered_part
  ),
  spell as (
    select person, min(h_from) as s_from, max(h_until) as s_until
    from grouped_part group by person, spell_no
  ),
  -- Exits to an own home (HUD SPM 7b.1, Built for Zero "housed"): a spell whose next episode is housed.
  housed_exit as (
    select s.person, s.s_until as exit_on
    from spell s join segment e on e.person = s.person and e.from_date = s.s_until
    where e.situation = 'housed'
  )`;

export interface HomelessnessFacts {
  /** Persons homeless on at least one day of the period. */
  homeless: number;
  /** Per person homeless in the period: the days of their spells up to the period's end (value, count). */
  days: { value: number; count: number }[];
  /** Persons with an exit to an own home in the period. */
  exits: number;
  /** Persons whose homelessness began in the period, and of them those without any in the 24 months before. */
  entered: number;
  firstTime: number;
  /** Per follow-up horizon: the persons first housed in its cohort window, and those back within it. */
  returns: { months: number; cohort: number; returned: number }[];
}

/**
 * The homelessness figures of a period in one statement (docs/indicators.md): the spells computed
 * once, then every figure as an aggregate over them.
 */
export async function homelessnessFacts(
  db: Executor,
  m: string,
  from: string,
  to: string,
  firstTimeLookbackMonths: number,
): Promise<HomelessnessFacts> {
  const horizons = [...RETURN_HORIZONS];
  const { rows } = await sql<{
    homeless: number;
    days: { value: number; count: number }[] | null;
    exits: number;
    entered: number;
    first_time: number;
    returns: { months: number; cohort: number; returned: number }[] | null;
  }>`${spells(m, to)},
  in_period as (
    select person, sum(least(s_until, ${to}::date + 1) - s_from)::int as days
    from spell where s_from <= ${to}::date and s_until > ${from}::date
    group by person
  ),
  day_counts as (select days as value, count(*)::int as count from in_period group by days),
  entry as (
    select person, min(s_from) as entered_on from spell
    where s_from between ${from}::date and ${to}::date group by person
  ),
  first_time as (
    select e.person from entry e
    where not exists (
      select 1 from spell p where p.person = e.person and p.s_from < e.entered_on
        and p.s_until > (e.entered_on - make_interval(months => ${firstTimeLookbackMonths}::int))::date
    )
  ),
  cohort as (
    select h.months, x.person, min(x.exit_on) as exit_on
    from unnest(${horizons}::int[]) as h(months)
    join housed_exit x
      on x.exit_on between (${from}::date - make_interval(months => h.months))::date
        and (${to}::date - make_interval(months => h.months))::date
    group by h.months, x.person
  ),
  -- Back within the horizon: a join on the person (a correlated test scanned every spell per person).
  returned as (
    select distinct c.months, c.person
    from cohort c join spell s on s.person = c.person
    where s.s_from >= c.exit_on and s.s_from <= (c.exit_on + make_interval(months => c.months))::date
  ),
  returns as (
    select c.months, count(*)::int as cohort, count(r.person)::int as returned
    from cohort c left join returned r on r.months = c.months and r.person = c.person
    group by c.months
  )
  select
    (select count(*)::int from in_period) as homeless,
    (select json_agg(json_build_object('value', value, 'count', count)) from day_counts) as days,
    (select count(distinct person)::int from housed_exit
      where exit_on between ${from}::date and ${to}::date) as exits,
    (select count(*)::int from entry) as entered,
    (select count(*)::int from first_time) as first_time,
    (select json_agg(json_build_object('months', months, 'cohort', cohort, 'returned', returned))
      from returns) as returns`.execute(db);
  const row = rows[0];
  const returns = horizons.map(
    (months) => row?.returns?.find((r) => r.months === months) ?? { months, cohort: 0, returned: 0 },
  );
  return {
    homeless: row?.homeless ?? 0,
    days: row?.days ?? [],
    exits: row?.exits ?? 0,
    entered: row?.entered ?? 0,
    firstTime: row?.first_time ?? 0,
    returns,
  };
}

/**
 * The whereabouts in force on a date for each (citizen, date) pair, in one statement: the situation
 * and start of the latest episode from that day or before (the one recorded last of a day), or none.
 * For housing retention (support's rule `housedAfter`, issue 15 §8), judged on the citizen's own record.
 */
export async function situationsOn(
  db: Executor,
  m: string,
  pairs: readonly { citizenId: string; onDate: string }[],
) {
  if (pairs.length === 0) return [];
  const { rows } = await sql<{ i: number; situation: string | null; from_date: string | null }>`
    select p.i::int as i, w.situation, w.from_date::text as from_date
    from unnest(${pairs.map((p) => p.citizenId)}::uuid[], ${pairs.map((p) => p.onDate)}::date[])
      with ordinality as p(citizen_id, on_date, i)
    left join lateral (
      select situation, from_date from whereabouts_episode
      where municipality_id = ${m} and citizen_id = p.citizen_id and retracted_at is null
        and from_date <= p.on_date
      order by from_date desc, recorded_at desc limit 1
    ) w on true
    order by p.i`.execute(db);
  return rows.map((r) => ({ ...pairs[r.i - 1], situation: r.situation, fromDate: r.from_date }));
}
