import { type RawBuilder, sql } from 'kysely';
import type { MemberInput, WaitingListCounts } from '../../../shared/allocation/api';
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
import type { AreaStatus } from '../../../shared/housing/supply';
import type { Executor } from '../../db/database';
import type {
  AllocationApplicationTable,
  ApplicationRow,
  OfferRow,
  TenancyRow,
  VacancyRow,
  VacancyTable,
} from './allocation.table';

/** Only this file talks to Kysely for the allocation module. */

export const num = (v: string | number | null) => (v === null ? 0 : Number(v));
/** jsonb arrives parsed from both engines; a string means it came back as text. */
export const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const areaStatusOn = (departmentRef: string, dateRef: string) =>
  sql<AreaStatus | null>`(select s.status from department_area_status s
    where s.department_id = ${sql.ref(departmentRef)} and s.valid_from <= ${sql.ref(dateRef)}
    order by s.valid_from desc limit 1)`;

// ---- settings ----

export async function settings(db: Executor, m: string): Promise<Record<string, unknown> | null> {
  const row = await db
    .selectFrom('allocation_settings')
    .select('settings')
    .where('municipality_id', '=', m)
    .executeTakeFirst();
  return row ? json(row.settings) : null;
}

export async function saveSettings(db: Executor, m: string, value: object, userId: string) {
  await db
    .insertInto('allocation_settings')
    .values({ municipality_id: m, settings: JSON.stringify(value), updated_by: userId })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({
        settings: JSON.stringify(value),
        updated_by: userId,
        updated_at: new Date(),
      }),
    )
    .execute();
}

// ---- applications ----

export type ApplicationValues = Omit<
  AllocationApplicationTable,
  'id' | 'refusals' | 'submitted_at' | 'updated_at' | 'row_version' | 'municipality_id'
>;

export async function insertApplication(db: Executor, m: string, values: ApplicationValues) {
  return db
    .insertInto('allocation_application')
    .values({ ...values, municipality_id: m })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateApplication(
  db: Executor,
  m: string,
  id: string,
  values: Partial<
    Omit<ApplicationRow, 'id' | 'municipality_id' | 'submitted_at' | 'updated_at' | 'row_version'>
  >,
) {
  await db
    .updateTable('allocation_application')
    .set({ ...values, updated_at: new Date() })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

export interface ApplicationWithCitizen extends ApplicationRow {
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
  citizen_birth_date: string;
  citizen_address: string | null;
  submitted_by_name: string;
}

function applicationQuery(db: Executor, m: string) {
  return db
    .selectFrom('allocation_application as a')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .innerJoin('app_user as u', 'u.id', 'a.submitted_by')
    .selectAll('a')
    .select([
      'c.given_name',
      'c.family_name',
      'c.initials',
      'c.birth_date as citizen_birth_date',
      'c.address as citizen_address',
      'u.display_name as submitted_by_name',
    ])
    .where('a.municipality_id', '=', m);
}

/** One application; `lock` takes a row lock so that concurrent steps on it run one after another. */
export async function findApplication(
  db: Executor,
  m: string,
  id: string,
  lock = false,
): Promise<ApplicationWithCitizen | undefined> {
  if (lock)
    await db
      .selectFrom('allocation_application')
      .select('id')
      .where('municipality_id', '=', m)
      .where('id', '=', id)
      .forUpdate()
      .execute();
  return applicationQuery(db, m).where('a.id', '=', id).executeTakeFirst();
}

export function listApplications(
  db: Executor,
  m: string,
  filter: { status?: string; citizenIds?: string[] },
) {
  let q = applicationQuery(db, m);
  if (filter.status) q = q.where('a.status', '=', filter.status as ApplicationRow['status']);
  if (filter.citizenIds) q = q.where('a.citizen_id', 'in', filter.citizenIds);
  return q.orderBy('a.submitted_at', 'desc').limit(1000).execute();
}

export function openApplicationOf(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('allocation_application')
    .select('id')
    .where('municipality_id', '=', m)
    .where('citizen_id', '=', citizenId)
    .where('status', 'in', ['submitted', 'needs_info', 'approved', 'paused'])
    .executeTakeFirst();
}

// ---- the waiting list ----

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

/**
 * The waiting list's version as one row to join the list to, so that a read of applications and
 * the version it belongs to come from the one snapshot of one statement (0 before the first change).
 */
const listVersionRow = (db: Executor, m: string) =>
  db
    .selectNoFrom(
      sql<number>`coalesce((select l.version from allocation_list_version l
        where l.municipality_id = ${m}), 0)`.as('list_version'),
    )
    .as('lv');

/** Live offers per application on other vacancies, counted once for all rather than probed per application. */
const liveOffers = (db: Executor, m: string, otherThanVacancy: string) =>
  db
    .selectFrom('offer')
    .select(['application_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', m)
    .where('status', '=', 'open')
    .where('vacancy_id', '<>', otherThanVacancy)
    .groupBy('application_id')
    .as('o');

/** An application's small columns the ranking orders and tests by, and its version. */
export interface RankingHead {
  id: string;
  status: ApplicationRow['status'];
  paused_until: string | null;
  priority: ApplicationRow['priority'];
  waiting_since: string | null;
  row_version: number;
  /** Open offers on other vacancies than the one ranked. */
  live_offers: number | string | null;
}

/**
 * The ranking's full read: every waiting application's identity, order and version — only the
 * columns the rules and the order need, from allocation_application_ranking_idx — with its live
 * offers on other vacancies, and the waiting list's version this state has. The household facts
 * are read by `rankingFacts` only for applications changed since the process last read them, and
 * the rest of a candidate's card by `rankingDetails` only for the candidates an answer shows.
 */
export async function rankingHeads(
  db: Executor,
  m: string,
  otherThanVacancy: string,
): Promise<{ listVersion: number; heads: RankingHead[] }> {
  const heads = db
    .selectFrom('allocation_application as a')
    .leftJoin(liveOffers(db, m, otherThanVacancy), 'o.application_id', 'a.id')
    .select([
      'a.id',
      'a.status',
      'a.paused_until',
      'a.priority',
      'a.waiting_since',
      'a.row_version',
      'o.n as live_offers',
    ])
    .where('a.municipality_id', '=', m)
    .where('a.status', 'in', ['approved', 'paused'])
    .as('h');
  const rows = await db
    .selectFrom(listVersionRow(db, m))
    .leftJoinLateral(heads, (join) => join.onTrue())
    .selectAll('h')
    .select('lv.list_version')
    .execute();
  return {
    listVersion: Number(rows[0]?.list_version ?? 0),
    heads: rows.filter((r): r is typeof r & RankingHead => r.id !== null),
  };
}

/** The columns `rankingFacts` reads: what the rules test beyond a ranking head. */
const FACT_COLUMNS = [
  'target_grounds',
  'rooms_min',
  'rooms_max',
  'monthly_income',
  'fixed_costs',
  'accessible_need',
  'wished_department_ids',
  'excluded_department_ids',
  'youth_wish',
  'in_education',
  'education_planned',
  'youth_special_need',
  'members',
] as const;

export type RankingFactsRow = Pick<ApplicationRow, 'id' | 'row_version' | (typeof FACT_COLUMNS)[number]>;

/** A changed application as `rankingChanges` reads it: null columns when it no longer exists. */
export type RankingChange = { id: string } & (
  | (RankingHead & RankingFactsRow)
  | { [K in Exclude<keyof (RankingHead & RankingFactsRow), 'id'>]: null }
);

/**
 * The ranking's incremental read: the applications whose state or offers changed in commits after
 * the list version `since` (allocation_list_change, migration 0010), whatever their status now,
 * each with its head, its live offers on other vacancies and its household facts, and the list
 * version this state has — all in one statement, so from one snapshot.
 */
export async function rankingChanges(
  db: Executor,
  m: string,
  otherThanVacancy: string,
  since: number,
): Promise<{ listVersion: number; changes: RankingChange[] }> {
  const changed = db
    .selectFrom('allocation_list_change as c')
    .leftJoin('allocation_application as a', (join) =>
      join.onRef('a.id', '=', 'c.application_id').on('a.municipality_id', '=', m),
    )
    .leftJoin(liveOffers(db, m, otherThanVacancy), 'o.application_id', 'c.application_id')
    .select(['c.application_id as id', 'a.status', 'a.paused_until', 'a.priority', 'a.waiting_since'])
    .select(['a.row_version', 'o.n as live_offers', ...FACT_COLUMNS.map((c) => `a.${c}` as const)])
    .where('c.municipality_id', '=', m)
    .where('c.version', '>', since)
    .as('h');
  const rows = await db
    .selectFrom(listVersionRow(db, m))
    .leftJoinLateral(changed, (join) => join.onTrue())
    .selectAll('h')
    .select('lv.list_version')
    .execute();
  return {
    listVersion: Number(rows[0]?.list_version ?? 0),
    changes: rows.filter((r) => r.id !== null) as unknown as RankingChange[],
  };
}

/** The rest of a candidate's card (citizen, name, household size, priority reason), for the candidates an answer shows. */
export async function rankingDetails(db: Executor, m: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, RankingDetails>();
  const rows = await db
    .selectFrom('allocation_application as a')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .select([
      'a.id',
      'a.citizen_id',
      'a.household_size',
      'a.priority_reason',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('a.municipality_id', '=', m)
    .where('a.id', 'in', [...ids])
    .execute();
  return new Map<string, RankingDetails>(rows.map((r) => [r.id, r]));
}

export interface RankingDetails {
  citizen_id: string;
  household_size: number;
  priority_reason: string | null;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
}

/** The facts the rules test, for the given applications. */
export async function rankingFacts(db: Executor, m: string, ids: readonly string[]) {
  const rows: RankingFactsRow[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    if (chunk.length === 0) continue;
    rows.push(
      ...(await db
        .selectFrom('allocation_application')
        .select(['id', 'row_version', ...FACT_COLUMNS])
        .where('municipality_id', '=', m)
        .where('id', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

export async function insertEvent(
  db: Executor,
  m: string,
  e: {
    applicationId: string;
    action: string;
    fromStatus: ApplicationRow['status'] | null;
    toStatus: ApplicationRow['status'];
    reason: string | null;
    userId: string | null;
  },
) {
  await db
    .insertInto('application_event')
    .values({
      municipality_id: m,
      application_id: e.applicationId,
      action: e.action,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      reason: e.reason,
      by_user: e.userId,
    })
    .execute();
}

export function events(db: Executor, m: string, applicationIds: string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('application_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.by_user')
    .select([
      'e.application_id',
      'e.action',
      'e.from_status',
      'e.to_status',
      'e.reason',
      'e.at',
      'u.display_name',
    ])
    .where('e.municipality_id', '=', m)
    .where('e.application_id', 'in', applicationIds)
    .orderBy('e.at')
    .execute();
}

/** Applications of the given citizens (for the timeline). */
export function applicationsOfCitizens(db: Executor, m: string, citizenIds: readonly string[]) {
  return db
    .selectFrom('allocation_application')
    .select('id')
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', [...citizenIds])
    .execute();
}

// ---- documents ----

export function insertDocument(
  db: Executor,
  m: string,
  d: { applicationId: string; fileName: string; contentType: string; content: Buffer; userId: string },
) {
  return db
    .insertInto('application_document')
    .values({
      municipality_id: m,
      application_id: d.applicationId,
      file_name: d.fileName,
      content_type: d.contentType,
      size: d.content.length,
      content: d.content,
      uploaded_by: d.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function documents(db: Executor, m: string, applicationId: string) {
  return db
    .selectFrom('application_document as d')
    .leftJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .select(['d.id', 'd.file_name', 'd.content_type', 'd.size', 'd.uploaded_at', 'u.display_name'])
    .where('d.municipality_id', '=', m)
    .where('d.application_id', '=', applicationId)
    .orderBy('d.uploaded_at')
    .execute();
}

export function documentContent(db: Executor, m: string, applicationId: string, id: string) {
  return db
    .selectFrom('application_document')
    .select(['file_name', 'content_type', 'content'])
    .where('municipality_id', '=', m)
    .where('application_id', '=', applicationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---- vacancies ----

export interface VacancyWithDepartment extends VacancyRow {
  organisation_id: string;
  organisation_name: string;
  department_number: string;
  department_name: string;
  area_status: AreaStatus | null;
  reported_by_name: string | null;
}

function vacancyQuery(db: Executor, m: string) {
  return db
    .selectFrom('vacancy as v')
    .innerJoin('housing_department as d', 'd.id', 'v.department_id')
    .innerJoin('housing_organisation as o', 'o.id', 'd.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'v.reported_by')
    .selectAll('v')
    .select([
      'o.id as organisation_id',
      'o.name as organisation_name',
      'd.number as department_number',
      'd.name as department_name',
      'u.display_name as reported_by_name',
    ])
    .select(areaStatusOn('v.department_id', 'v.available_on').as('area_status'))
    .where('v.municipality_id', '=', m);
}

/** Organisations the user acts for (a housing-organisation partner's row check). */
const partnerOrganisations = (db: Executor, userId: string) =>
  db.selectFrom('housing_organisation_contact').select('organisation_id').where('user_id', '=', userId);

export function insertVacancy(
  db: Executor,
  m: string,
  values: Omit<VacancyTable, 'id' | 'status' | 'created_at' | 'municipality_id'>,
) {
  return db
    .insertInto('vacancy')
    .values({ ...values, municipality_id: m })
    .onConflict((oc) =>
      oc.expression(sql`municipality_id, import_key`).where('import_key', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
}

export async function findVacancy(
  db: Executor,
  m: string,
  id: string,
  opts: { lock?: boolean; partnerUserId?: string } = {},
): Promise<VacancyWithDepartment | undefined> {
  if (opts.lock)
    await db
      .selectFrom('vacancy')
      .select('id')
      .where('municipality_id', '=', m)
      .where('id', '=', id)
      .forUpdate()
      .execute();
  let q = vacancyQuery(db, m).where('v.id', '=', id);
  if (opts.partnerUserId)
    q = q.where('d.organisation_id', 'in', partnerOrganisations(db, opts.partnerUserId));
  return (await q.executeTakeFirst()) as VacancyWithDepartment | undefined;
}

export interface VacancyToRank extends VacancyWithDepartment {
  stored_settings: Record<string, unknown> | string | null;
  census_taken: boolean;
  /** The waiting list's version in this transaction's snapshot (0 before its first change). */
  list_version: number;
  /** Whether this transaction has written nothing yet, so that it sees only committed rows. */
  list_clean: boolean;
}

/**
 * The candidate list's first read, in one statement: the vacancy with its area status, the
 * municipality's stored policy, whether the census of `censusDate` was taken for it, and the
 * waiting list's version.
 */
export async function findVacancyToRank(
  db: Executor,
  m: string,
  id: string,
  censusDate: string,
): Promise<VacancyToRank | undefined> {
  const row = await vacancyQuery(db, m)
    .where('v.id', '=', id)
    .select((eb) => [
      eb
        .selectFrom('allocation_settings as s')
        .select('s.settings')
        .whereRef('s.municipality_id', '=', 'v.municipality_id')
        .as('stored_settings'),
      eb
        .exists(
          eb
            .selectFrom('census_run as r')
            .select('r.vacancy_id')
            .whereRef('r.vacancy_id', '=', 'v.id')
            .where('r.census_date', '=', censusDate),
        )
        .as('census_taken'),
      sql<number>`coalesce((select l.version from allocation_list_version l
        where l.municipality_id = v.municipality_id), 0)`.as('list_version'),
      sql<boolean>`pg_current_xact_id_if_assigned() is null`.as('list_clean'),
    ])
    .executeTakeFirst();
  return row as VacancyToRank | undefined;
}

export async function listVacancies(
  db: Executor,
  m: string,
  filter: { status?: string; partnerUserId?: string; ids?: string[] },
): Promise<VacancyWithDepartment[]> {
  let q = vacancyQuery(db, m);
  if (filter.status) q = q.where('v.status', '=', filter.status as VacancyRow['status']);
  if (filter.partnerUserId)
    q = q.where('d.organisation_id', 'in', partnerOrganisations(db, filter.partnerUserId));
  if (filter.ids) q = q.where('v.id', 'in', filter.ids);
  return (await q
    .orderBy('v.available_on', 'desc')
    .orderBy('v.created_at', 'desc')
    .limit(1000)
    .execute()) as VacancyWithDepartment[];
}

export async function setVacancyStatus(
  db: Executor,
  m: string,
  id: string,
  from: VacancyRow['status'],
  values: Partial<Pick<VacancyRow, 'status' | 'returned_on' | 'returned_reason' | 'returned_note'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('vacancy')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Departments a partner user may report vacancies for. */
export function partnerDepartments(db: Executor, m: string, userId: string) {
  return db
    .selectFrom('housing_department as d')
    .innerJoin('housing_organisation as o', 'o.id', 'd.organisation_id')
    .select(['d.id', 'o.name as organisation_name', 'd.number', 'd.name', 'd.address'])
    .where('d.municipality_id', '=', m)
    .where('d.organisation_id', 'in', partnerOrganisations(db, userId))
    .orderBy('o.name')
    .orderBy('d.number')
    .execute();
}

export function findDepartment(db: Executor, m: string, id: string) {
  return db
    .selectFrom('housing_department')
    .select(['id', 'organisation_id'])
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function departmentsByNumber(db: Executor, m: string) {
  return db
    .selectFrom('housing_department as d')
    .innerJoin('housing_organisation as o', 'o.id', 'd.organisation_id')
    .select(['d.id', 'd.number', 'o.name as organisation_name'])
    .where('d.municipality_id', '=', m)
    .execute();
}

// ---- offers ----

export interface OfferWithNames extends OfferRow {
  address: string;
  citizen_id: string;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
  offered_by_name: string | null;
}

function offerQuery(db: Executor, m: string) {
  return db
    .selectFrom('offer as f')
    .innerJoin('vacancy as v', 'v.id', 'f.vacancy_id')
    .innerJoin('allocation_application as a', 'a.id', 'f.application_id')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .leftJoin('app_user as u', 'u.id', 'f.offered_by')
    .selectAll('f')
    .select([
      'v.address',
      'a.citizen_id',
      'c.given_name',
      'c.family_name',
      'c.initials',
      'u.display_name as offered_by_name',
    ])
    .where('f.municipality_id', '=', m);
}

export function findOffer(db: Executor, m: string, id: string): Promise<OfferWithNames | undefined> {
  return offerQuery(db, m).where('f.id', '=', id).executeTakeFirst();
}

export function offersOf(
  db: Executor,
  m: string,
  filter: { vacancyIds?: string[]; applicationIds?: string[] },
) {
  let q = offerQuery(db, m);
  if (filter.vacancyIds) {
    if (filter.vacancyIds.length === 0) return Promise.resolve([]);
    q = q.where('f.vacancy_id', 'in', filter.vacancyIds);
  }
  if (filter.applicationIds) {
    if (filter.applicationIds.length === 0) return Promise.resolve([]);
    q = q.where('f.application_id', 'in', filter.applicationIds);
  }
  return q.orderBy('f.offered_at').execute();
}

export function insertOffer(
  db: Executor,
  m: string,
  o: { vacancyId: string; applicationId: string; replyBy: string; userId: string },
) {
  return db
    .insertInto('offer')
    .values({
      municipality_id: m,
      vacancy_id: o.vacancyId,
      application_id: o.applicationId,
      reply_by: o.replyBy,
      offered_by: o.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Moves an open offer to its answer; false when it was no longer open (someone else answered first). */
export async function closeOffer(
  db: Executor,
  m: string,
  id: string,
  values: Pick<OfferRow, 'status'> & Partial<Pick<OfferRow, 'decline_reason' | 'counts_as_refusal' | 'note'>>,
  userId: string,
): Promise<boolean> {
  const r = await db
    .updateTable('offer')
    .set({ ...values, responded_at: new Date(), responded_by: userId })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function liveOfferCount(db: Executor, m: string, applicationId: string) {
  return db
    .selectFrom('offer')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', m)
    .where('application_id', '=', applicationId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
}

// ---- tenancies ----

export interface TenancyWithNames extends TenancyRow {
  address: string;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
}

function tenancyQuery(db: Executor, m: string) {
  return db
    .selectFrom('tenancy as t')
    .innerJoin('vacancy as v', 'v.id', 't.vacancy_id')
    .innerJoin('citizen as c', 'c.id', 't.citizen_id')
    .selectAll('t')
    .select(['v.address', 'c.given_name', 'c.family_name', 'c.initials'])
    .where('t.municipality_id', '=', m);
}

export function insertTenancy(
  db: Executor,
  m: string,
  values: Omit<TenancyRow, 'id' | 'created_at' | 'municipality_id'>,
) {
  return db
    .insertInto('tenancy')
    .values({ ...values, municipality_id: m })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findTenancy(
  db: Executor,
  m: string,
  id: string,
  lock = false,
): Promise<TenancyWithNames | undefined> {
  let q = tenancyQuery(db, m).where('t.id', '=', id);
  if (lock) q = q.forUpdate('t');
  return q.executeTakeFirst();
}

export function tenanciesOf(
  db: Executor,
  m: string,
  filter: { vacancyIds?: string[]; applicationIds?: string[]; pending?: boolean },
) {
  let q = tenancyQuery(db, m);
  if (filter.vacancyIds) {
    if (filter.vacancyIds.length === 0) return Promise.resolve([]);
    q = q.where('t.vacancy_id', 'in', filter.vacancyIds);
  }
  if (filter.applicationIds) {
    if (filter.applicationIds.length === 0) return Promise.resolve([]);
    q = q.where('t.application_id', 'in', filter.applicationIds);
  }
  if (filter.pending) q = q.where('t.moved_in_on', 'is', null);
  return q.orderBy('t.created_at').execute();
}

export async function updateTenancy(
  db: Executor,
  m: string,
  id: string,
  values: Partial<Pick<TenancyRow, 'lease_signed_on' | 'planned_move_in_on' | 'moved_in_on'>>,
) {
  await db.updateTable('tenancy').set(values).where('municipality_id', '=', m).where('id', '=', id).execute();
}

// ---- census ----

export async function censusTaken(
  db: Executor,
  m: string,
  vacancyId: string,
  date: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('census_run')
    .select('vacancy_id')
    .where('municipality_id', '=', m)
    .where('vacancy_id', '=', vacancyId)
    .where('census_date', '=', date)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCensus(
  db: Executor,
  m: string,
  run: { vacancyId: string; date: string; excludedCount: number },
  entries: {
    applicationId: string;
    rank: number;
    priority: ApplicationRow['priority'];
    waitingDays: number;
  }[],
) {
  const inserted = await db
    .insertInto('census_run')
    .values({
      municipality_id: m,
      vacancy_id: run.vacancyId,
      census_date: run.date,
      eligible_count: entries.length,
      excluded_count: run.excludedCount,
    })
    .onConflict((oc) => oc.columns(['vacancy_id', 'census_date']).doNothing())
    .returning('vacancy_id')
    .executeTakeFirst();
  // Someone else took today's census for this vacancy first: theirs stands.
  if (!inserted || entries.length === 0) return;
  await db
    .insertInto('census_entry')
    .values(
      entries.map((e) => ({
        municipality_id: m,
        vacancy_id: run.vacancyId,
        census_date: run.date,
        application_id: e.applicationId,
        rank: e.rank,
        priority: e.priority,
        waiting_days: e.waitingDays,
      })),
    )
    .execute();
}

export function censusRuns(db: Executor, m: string, date: string) {
  return db
    .selectFrom('census_run as r')
    .innerJoin('vacancy as v', 'v.id', 'r.vacancy_id')
    .innerJoin('housing_department as d', 'd.id', 'v.department_id')
    .select([
      'r.vacancy_id',
      'r.eligible_count',
      'r.excluded_count',
      'v.address',
      'd.name as department_name',
    ])
    .where('r.municipality_id', '=', m)
    .where('r.census_date', '=', date)
    .orderBy('v.address')
    .execute();
}

export function censusEntries(db: Executor, m: string, date: string) {
  return db
    .selectFrom('census_entry as e')
    .innerJoin('allocation_application as a', 'a.id', 'e.application_id')
    .innerJoin('citizen as c', 'c.id', 'a.citizen_id')
    .select([
      'e.vacancy_id',
      'e.application_id',
      'e.rank',
      'e.priority',
      'e.waiting_days',
      'c.given_name',
      'c.family_name',
      'c.initials',
    ])
    .where('e.municipality_id', '=', m)
    .where('e.census_date', '=', date)
    .orderBy('e.rank')
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

// ---- agreement monitoring (the housing module's dialogue report reads these) ----

/** Per department of an organisation: vacancies received, let and returned in a period, and why returned. */
export async function vacancyFigures(
  db: Executor,
  m: string,
  organisationId: string,
  from: string,
  to: string,
) {
  const rows = await db
    .selectFrom('vacancy as v')
    .innerJoin('housing_department as d', 'd.id', 'v.department_id')
    .select(['v.department_id', 'v.status', 'v.returned_reason'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.municipality_id', '=', m)
    .where('d.organisation_id', '=', organisationId)
    .where('v.available_on', '>=', from)
    .where('v.available_on', '<=', to)
    .groupBy(['v.department_id', 'v.status', 'v.returned_reason'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export type { MemberInput };
