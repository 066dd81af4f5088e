import { type RawBuilder, sql } from 'kysely';
import type { WaitingListCounts } from '../../../shared/allocation/api';
import {
  HOUSEHOLD_SIZES,
  type HouseholdSizeBand,
  PRIORITIES,
  type Priority,
  TARGET_GROUNDS,
  type TargetGround,
  WAITING_AGE_BANDS,
  WAITING_BANDS,
  type WaitingAgeBand,
  type WaitingBand,
} from '../../../shared/allocation/model';
import type { Executor } from '../../db/database';
import type { ApplicationRow } from './allocation.table';

/** The waiting list (approved and paused applications): one page with the counts, and dated snapshots. */

/**
 * The waiting-list report's bands (issue 5 §3) by the bounds that start them: an age (whole years
 * on the date, as `ageOn` counts them) below 18 is the first band of WAITING_AGE_BANDS ('under18'),
 * from 18 the second ('18-24'), …, from 60 the last; days on the list below 91 the first of
 * WAITING_BANDS ('0-3m'), from 91 the second, from 183 the third, from 365 the last. A household
 * of n is HOUSEHOLD_SIZES[min(n, 4) − 1]. `width_bucket` numbers the bands from 0 in that order.
 */
const AGE_BAND_STARTS = [18, 25, 30, 40, 50, 60] as const;
const WAITING_BAND_STARTS = [91, 183, 365] as const;
const bucket = (value: RawBuilder<number>, starts: readonly number[]) =>
  sql<number>`width_bucket(${value}, array[${sql.join(starts.map((n) => sql.lit(n)))}])`;

export interface WaitingFilter {
  targetGround?: TargetGround | undefined;
  ageBand?: WaitingAgeBand | undefined;
  householdSize?: HouseholdSizeBand | undefined;
  waitingBand?: WaitingBand | undefined;
  priority?: Priority | undefined;
}

/** A row of the waiting list: its small columns, what is counted and filtered by, and the rest of the item. */
export interface WaitingRow {
  id: string;
  target_grounds: ApplicationRow['target_grounds'];
  household_size: number;
  /** None counts as normal. */
  priority: Priority;
  waiting_since: string;
  waiting_days: number;
  age: number;
  /** Indexes into WAITING_AGE_BANDS, WAITING_BANDS and HOUSEHOLD_SIZES. */
  age_band: number;
  waiting_band: number;
  household_band: number;
  citizen_id: string;
  status: ApplicationRow['status'];
  priority_reason: string | null;
  paused_until: string | null;
  rooms_min: number;
  rooms_max: number | null;
  monthly_income: ApplicationRow['monthly_income'];
  fixed_costs: ApplicationRow['fixed_costs'];
  members: ApplicationRow['members'];
  youth_wish: boolean;
  refusals: number;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
  live_offers: number;
}

export interface WaitingPage {
  /** The whole list, counted by band. */
  counts: WaitingListCounts;
  /** How many the filter keeps. */
  matching: number;
  rows: WaitingRow[];
}

/**
 * One page of the waiting list (approved and paused) as the filter leaves it, and the counts of the
 * whole list, in one statement. What the list is counted, filtered and ordered by comes from the
 * applications' small columns and the citizen's birth date, worked out once per application for
 * `onDate` (priority: none counts as normal; the waiting start: none is the date itself); the
 * order is compareCandidates' (priority, then longest waiting, then id). The household, income and
 * citizen are read for the rows of the page only. A limit of 0 gives the counts alone.
 */
export async function waitingPage(
  db: Executor,
  m: string,
  onDate: string,
  filter: WaitingFilter,
  page: { limit: number; offset: number },
): Promise<WaitingPage> {
  const on = sql<string>`${onDate}::date`;
  const days = sql<number>`greatest(0, ${on} - coalesce(a.waiting_since, ${on}))`;
  // age() counts whole years as ageOn does: one less before the birthday in the year of the date.
  const age = sql<number>`date_part('year', age(${on},
    (select c.birth_date from citizen c where c.id = a.citizen_id)))::int`;
  // The filter, on the bands worked out in `w` below.
  const conditions: RawBuilder<unknown>[] = [];
  if (filter.targetGround) conditions.push(sql`w.target_grounds ? ${filter.targetGround}`);
  if (filter.ageBand) conditions.push(sql`w.age_band = ${WAITING_AGE_BANDS.indexOf(filter.ageBand)}`);
  if (filter.householdSize)
    conditions.push(sql`w.household_band = ${HOUSEHOLD_SIZES.indexOf(filter.householdSize)}`);
  if (filter.waitingBand) conditions.push(sql`w.waiting_band = ${WAITING_BANDS.indexOf(filter.waitingBand)}`);
  if (filter.priority) conditions.push(sql`w.priority = ${filter.priority}`);
  const kept = conditions.length ? sql<boolean>`${sql.join(conditions, sql` and `)}` : sql<boolean>`true`;
  const count = (condition: RawBuilder<unknown>) => sql<number>`count(*) filter (where ${condition})`;
  const rows = await db
    .with(
      (cte) => cte('v').materialized(),
      (qb) =>
        qb
          .selectFrom('allocation_application as a')
          .select(['a.id', 'a.target_grounds', 'a.household_size'])
          .select([
            sql<Priority>`coalesce(a.priority, 'normal')`.as('priority'),
            sql<number>`case a.priority when 'acute' then 0 when 'high' then 1 else 2 end`.as(
              'priority_order',
            ),
            sql<string>`coalesce(a.waiting_since, ${on})`.as('waiting_since'),
            days.as('waiting_days'),
            age.as('age'),
            sql<number>`least(a.household_size, 4) - 1`.as('household_band'),
          ])
          .where('a.municipality_id', '=', m)
          .where('a.status', 'in', ['approved', 'paused']),
    )
    // The bands from the values worked out once above.
    .with(
      (cte) => cte('w').materialized(),
      (qb) =>
        qb
          .selectFrom('v')
          .selectAll('v')
          .select([
            bucket(sql.ref('v.waiting_days'), WAITING_BAND_STARTS).as('waiting_band'),
            bucket(sql.ref('v.age'), AGE_BAND_STARTS).as('age_band'),
          ]),
    )
    .selectFrom((qb) =>
      qb
        .selectFrom('w')
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          count(kept).as('matching'),
          // Each ground as often as the application names it.
          ...TARGET_GROUNDS.map((g, i) =>
            sql<number>`coalesce(sum(jsonb_array_length(w.target_grounds)
              - jsonb_array_length(w.target_grounds - ${g})), 0)`.as(`ground_${i}`),
          ),
          ...WAITING_AGE_BANDS.map((_, i) => count(sql`w.age_band = ${i}`).as(`age_${i}`)),
          ...HOUSEHOLD_SIZES.map((_, i) => count(sql`w.household_band = ${i}`).as(`household_${i}`)),
          ...WAITING_BANDS.map((_, i) => count(sql`w.waiting_band = ${i}`).as(`waiting_${i}`)),
          ...PRIORITIES.map((p, i) => count(sql`w.priority = ${p}`).as(`priority_${i}`)),
        ])
        .as('n'),
    )
    .leftJoinLateral(
      (qb) =>
        qb
          .selectFrom((sub) =>
            sub
              .selectFrom('w')
              .selectAll('w')
              .where(kept)
              .orderBy('w.priority_order')
              .orderBy('w.waiting_since')
              .orderBy('w.id')
              .limit(page.limit)
              .offset(page.offset)
              .as('k'),
          )
          .innerJoin('allocation_application as a', 'a.id', 'k.id')
          .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
          .selectAll('k')
          .select([
            'a.citizen_id',
            'a.status',
            'a.priority_reason',
            'a.paused_until',
            'a.rooms_min',
            'a.rooms_max',
            'a.monthly_income',
            'a.fixed_costs',
            'a.members',
            'a.youth_wish',
            'a.refusals',
            'c.given_name',
            'c.family_name',
            'c.initials',
          ])
          .select((eb) =>
            eb
              .selectFrom('offer as o')
              .select(eb.fn.countAll<number>().as('n'))
              .whereRef('o.application_id', '=', 'a.id')
              .where('o.municipality_id', '=', m)
              .where('o.status', '=', 'open')
              .as('live_offers'),
          )
          .where('a.municipality_id', '=', m)
          .as('p'),
      (join) => join.onTrue(),
    )
    .selectAll('n')
    .selectAll('p')
    .orderBy('p.priority_order')
    .orderBy('p.waiting_since')
    .orderBy('p.id')
    .execute();
  const first = (rows[0] ?? {}) as Record<string, unknown>;
  const n = (key: string) => Number(first[key] ?? 0);
  const byIndex = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(keys.map((k, i) => [k, n(`${prefix}_${i}`)])) as Record<K, number>;
  return {
    counts: {
      total: n('total'),
      byTargetGround: byIndex(TARGET_GROUNDS, 'ground'),
      byAgeBand: byIndex(WAITING_AGE_BANDS, 'age'),
      byHouseholdSize: byIndex(HOUSEHOLD_SIZES, 'household'),
      byWaitingBand: byIndex(WAITING_BANDS, 'waiting'),
      byPriority: byIndex(PRIORITIES, 'priority'),
    },
    matching: n('matching'),
    rows: rows.filter((r) => r.id !== null) as unknown as WaitingRow[],
  };
}

/** Waiting-list applicants in the reduced-function target group, longest waiting first. */
export function reducedFunctionApplicants(db: Executor, m: string) {
  return db
    .selectFrom('allocation_application as a')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .select([
      'a.id',
      'a.citizen_id',
      'a.household_size',
      'a.priority',
      'a.waiting_since',
      'a.status',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('a.municipality_id', '=', m)
    .where('a.status', 'in', ['approved', 'paused'])
    .where(sql<boolean>`a.target_grounds ? 'reduced_function'`)
    .orderBy(sql`a.waiting_since asc nulls first`)
    .orderBy('a.id')
    .execute();
}

// ---- snapshots ----

export function insertSnapshot(
  db: Executor,
  m: string,
  s: { takenOn: string; label: string; counts: object; userId: string },
) {
  return db
    .insertInto('waiting_list_snapshot')
    .values({
      municipality_id: m,
      taken_on: s.takenOn,
      label: s.label,
      counts: JSON.stringify(s.counts),
      taken_by: s.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function snapshots(db: Executor, m: string) {
  return db
    .selectFrom('waiting_list_snapshot as s')
    .leftJoin('app_user as u', 'u.id', 's.taken_by')
    .select(['s.id', 's.taken_on', 's.label', 's.counts', 'u.display_name'])
    .where('s.municipality_id', '=', m)
    .orderBy('s.taken_on', 'desc')
    .orderBy('s.taken_at', 'desc')
    .execute();
}

/**
 * The municipality's limit for small numbers (rule 33; migration 0034). Read here rather than
 * through the access module, which depends on the housing module and so, through it, on this one.
 */
export async function suppressionLimit(db: Executor, m: string): Promise<number> {
  const row = await db
    .selectFrom('municipality')
    .select('suppression_limit')
    .where('id', '=', m)
    .executeTakeFirstOrThrow();
  return row.suppression_limit;
}
