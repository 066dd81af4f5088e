import { sql } from 'kysely';
import type { AreaStatusPeriod } from '../../../shared/allocation/eligibility';
import type { Executor } from '../../db/database';
import type { ApplicationRow } from './allocation.table';
import { areaStatusesOf, type VacancyWithDepartment, vacancyQuery } from './allocation.vacancies.repository';

/**
 * The ranking's reads (ADR 0006): the vacancy to rank with the waiting list's version, every
 * waiting application's small columns, the applications changed since a version, the household
 * facts the rules test and the cards of the candidates shown.
 */

export interface VacancyToRank extends VacancyWithDepartment {
  /** The department's date-versioned area statuses (the rules read the one in force on their date). */
  area_statuses: AreaStatusPeriod[] | string;
  stored_settings: Record<string, unknown> | string | null;
  census_taken: boolean;
  /** The waiting list's version in this transaction's snapshot (0 before its first change). */
  list_version: number;
  /** Whether this transaction has written nothing yet, so that it sees only committed rows. */
  list_clean: boolean;
}

/**
 * The candidate list's first read, in one statement: the vacancy with its area statuses, the
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
      areaStatusesOf('v.department_id').as('area_statuses'),
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
