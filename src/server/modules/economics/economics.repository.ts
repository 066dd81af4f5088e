import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/**
 * The economics module's SQL. Besides its own settings it reads, never writes, what the shelters and
 * support modules record: stays, shelters and their rates (shelter, shelter_rate, shelter_stay) and
 * support enrollments (support_enrollment), with the citizens' birth dates, so that sums are
 * aggregated in SQL and the per-citizen rules run over the few rows they need.
 */

// ---- settings ----

export function settingsHistory(db: Executor, m: string) {
  return db
    .selectFrom('economics_setting')
    .select([
      'valid_from',
      'own_payment_per_day',
      'refund_share_percent',
      'running_year',
      'day_sum',
      'housing_monthly_cost',
      'recorded_at',
    ])
    .where('municipality_id', '=', m)
    .orderBy('valid_from')
    .orderBy('recorded_at')
    .execute();
}

export async function insertSetting(
  db: Executor,
  row: {
    municipality_id: string;
    valid_from: string;
    own_payment_per_day: number;
    refund_share_percent: number;
    running_year: 'rolling' | 'calendar';
    day_sum: 'per_citizen' | 'per_stay';
    housing_monthly_cost: number;
    recorded_by: string;
  },
) {
  await db.insertInto('economics_setting').values(row).execute();
}

export function ownLimits(db: Executor, m: string) {
  return db
    .selectFrom('economics_stay_limit')
    .select(['valid_from', 'days', 'recorded_at'])
    .where('municipality_id', '=', m)
    .orderBy('valid_from')
    .orderBy('recorded_at')
    .execute();
}

export async function insertLimit(
  db: Executor,
  row: { municipality_id: string; valid_from: string; days: number | null; recorded_by: string },
) {
  await db.insertInto('economics_stay_limit').values(row).execute();
}

// ---- what the figures are made of ----

/** The municipality's kommunekode: who it is as handlekommune. */
export async function municipalityCode(db: Executor, m: string): Promise<string> {
  const row = await db
    .selectFrom('municipality')
    .select('code')
    .where('id', '=', m)
    .executeTakeFirstOrThrow();
  return row.code;
}

/** Every dated rate of the municipality's shelters. */
export function shelterRates(db: Executor, m: string) {
  return db
    .selectFrom('shelter_rate')
    .select(['shelter_id', 'valid_from', 'daily_rate'])
    .where('municipality_id', '=', m)
    .execute();
}

/**
 * The stays the municipality is handlekommune for with days in [from, until), from `from` on
 * (the caller asks from the lookback of rule 15's running year), with the shelter's Tilbudsportalen
 * listing and the citizen's birth date.
 */
export function staysBetween(db: Executor, m: string, handlekommune: string, from: string, until: string) {
  return db
    .selectFrom('shelter_stay as t')
    .innerJoin('shelter as s', 's.id', 't.shelter_id')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .select([
      't.id',
      't.citizen_id',
      't.shelter_id',
      't.admitted_on',
      't.discharged_on',
      's.on_tilbudsportalen',
      'c.birth_date',
    ])
    .where('t.municipality_id', '=', m)
    .where('t.handlekommune', '=', handlekommune)
    .where('t.admitted_on', '<', until)
    .where((eb) => eb.or([eb('t.discharged_on', 'is', null), eb('t.discharged_on', '>', from)]))
    .execute();
}

/** The age-band CASE of the citizen groups (src/shared/economics/model.ts `citizenGroup`). */
const groupOf = (onDate: string) => sql<string>`case
  when date_part('year', age(${onDate}::date, c.birth_date)) < 18 then 'under_18'
  when date_part('year', age(${onDate}::date, c.birth_date)) < 25 then '18_24'
  when date_part('year', age(${onDate}::date, c.birth_date)) < 30 then '25_29'
  when date_part('year', age(${onDate}::date, c.birth_date)) < 50 then '30_49'
  else '50_plus' end`;

/** A method's monthly cost from a date until another (exclusive). */
export interface MethodCost {
  method: string;
  from: string;
  until: string;
  monthly: number;
}

/**
 * The support enrollments' cost in [from, until) (`until` no later than tomorrow: an open enrollment
 * costs nothing yet after today): each enrollment day charged at its method's
 * monthly cost in force that day ÷ the days of the month (pro rata), summed per month, per citizen
 * group (the age on `groupOn`) and in all, with the citizens each sum is built from.
 */
export async function supportCosts(
  db: Executor,
  m: string,
  from: string,
  until: string,
  groupOn: string,
  costs: readonly MethodCost[],
) {
  const result = await sql<{ month: string | null; grp: string | null; kr: string; n: string }>`
    with months as (
      select g::date as month_start, (g + interval '1 month')::date as month_end
      from generate_series(${from}::date, (${until}::date - interval '1 day'), interval '1 month') g
    ),
    costs as (
      select * from unnest(
        ${costs.map((c) => c.method)}::text[], ${costs.map((c) => c.from)}::date[],
        ${costs.map((c) => c.until)}::date[], ${costs.map((c) => c.monthly)}::numeric[]
      ) as k(method, from_on, until_on, monthly)
    ),
    parts as (
      select e.citizen_id, mo.month_start, ${groupOf(groupOn)} as grp,
        k.monthly * (least(coalesce(e.end_on, ${until}::date), ${until}::date, mo.month_end, k.until_on)
          - greatest(e.start_on, mo.month_start, k.from_on))::numeric
          / (mo.month_end - mo.month_start) as cost
      from support_enrollment e
      join citizen c on c.id = e.citizen_id
      join months mo on e.start_on < mo.month_end and (e.end_on is null or e.end_on > mo.month_start)
      join costs k on k.method = e.method and k.from_on < mo.month_end and k.until_on > mo.month_start
        and k.from_on < coalesce(e.end_on, k.until_on) and k.until_on > e.start_on
      where e.municipality_id = ${m} and e.start_on < ${until}::date
        and (e.end_on is null or e.end_on > ${from}::date)
    )
    select to_char(month_start, 'YYYY-MM-DD') as month, grp, sum(cost) as kr, count(distinct citizen_id) as n
    from parts
    where cost > 0
    group by grouping sets ((month_start), (grp), ())`.execute(db);
  return result.rows;
}

/**
 * The § 85 a enrollments in [from, until) of citizens discharged from a shelter since the reform
 * (the municipality as handlekommune), with the citizen's first discharge (§ 176 a stk. 3) and
 * birth date: the rows § 176 a stk. 1 (rule 13) may refund. The refund runs 2 years from the first
 * discharge, so discharges from before `from` − 2 years are left out.
 */
export function refundableSupport(
  db: Executor,
  m: string,
  handlekommune: string,
  reformStart: string,
  from: string,
  until: string,
) {
  return db
    .with('discharge', (q) =>
      q
        .selectFrom('shelter_stay')
        .select((eb) => ['citizen_id', eb.fn.min('discharged_on').as('first_discharge')])
        .where('municipality_id', '=', m)
        .where('handlekommune', '=', handlekommune)
        .where('discharged_on', '>=', reformStart)
        .groupBy('citizen_id'),
    )
    .selectFrom('support_enrollment as e')
    .innerJoin('discharge as d', 'd.citizen_id', 'e.citizen_id')
    .innerJoin('citizen as c', 'c.id', 'e.citizen_id')
    .select([
      'e.id',
      'e.citizen_id',
      'e.method',
      'e.decision_on',
      'e.start_on',
      'e.end_on',
      'd.first_discharge',
      'c.birth_date',
    ])
    .where('e.municipality_id', '=', m)
    .where('e.legal_basis', '=', 's85a')
    .where('e.start_on', '<', until)
    .where((eb) => eb.or([eb('e.end_on', 'is', null), eb('e.end_on', '>', from)]))
    .where(sql<boolean>`d.first_discharge > (${from}::date - interval '2 years')`)
    .execute();
}

/** Birth dates and first discharges since the reform (as handlekommune) of some citizens. */
export function citizenFacts(
  db: Executor,
  m: string,
  handlekommune: string,
  reformStart: string,
  citizenIds: readonly string[],
) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('citizen as c')
    .select((eb) => [
      'c.id',
      'c.birth_date',
      eb
        .selectFrom('shelter_stay as t')
        .select((e) => e.fn.min('t.discharged_on').as('d'))
        .whereRef('t.citizen_id', '=', 'c.id')
        .where('t.municipality_id', '=', m)
        .where('t.handlekommune', '=', handlekommune)
        .where('t.discharged_on', '>=', reformStart)
        .as('first_discharge'),
    ])
    .where('c.municipality_id', '=', m)
    .where('c.id', 'in', [...citizenIds])
    .execute();
}
