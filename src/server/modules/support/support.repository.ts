import { type Insertable, sql } from 'kysely';
import type { CtiPhase, Method } from '../../../shared/support/model';
import type { Executor } from '../../db/database';
import type {
  SupportContactTable,
  SupportEnrollmentTable,
  SupportMethodSettingTable,
  SupportWorkerTable,
} from './support.table';

/**
 * Whose enrollments a user may see and write (need-to-know, design.md §1): every enrollment of the
 * municipality (`all`), or the caseload of one user: enrollments assigned to her, to her team, and
 * to the members of her team when it shares its caseload (ACT).
 */
export type Scope = { all: true } | { all: false; userId: string };

/**
 * The SQL condition of a scope on the enrollment alias `e`. The caseload's enrollment ids are
 * collected first through the worker and team indexes (migration 0018), so that the planner expects
 * a caseload's few rows, not a share of all the municipality's enrollments, and looks the citizens up
 * by key instead of reading all of them.
 */
function inScope(scope: Scope) {
  if (scope.all) return sql<boolean>`true`;
  return sql<boolean>`e.id in (
    select x.id from support_enrollment x
    where x.worker_id in (select w.id from support_worker w where w.user_id = ${scope.userId})
    union all
    select x.id from support_enrollment x
    where x.team_id in (select w.team_id from support_worker w where w.user_id = ${scope.userId} and w.active)
    union all
    select x.id from support_enrollment x
    where x.worker_id in (
      select mate.id from support_worker me
      join support_team t on t.id = me.team_id and t.shared_caseload
      join support_worker mate on mate.team_id = me.team_id
      where me.user_id = ${scope.userId} and me.active))`;
}

// --- Settings ---------------------------------------------------------------------------------

export function methodSettings(db: Executor, m: string) {
  return db
    .selectFrom('support_method_setting')
    .selectAll()
    .where('municipality_id', '=', m)
    .orderBy('valid_from', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function insertMethodSetting(db: Executor, row: Insertable<SupportMethodSettingTable>) {
  await db.insertInto('support_method_setting').values(row).execute();
}

export function contactGapSettings(db: Executor, m: string) {
  return db
    .selectFrom('support_contact_gap_setting')
    .select(['valid_from', 'days', 'recorded_at'])
    .where('municipality_id', '=', m)
    .orderBy('valid_from', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function insertContactGap(
  db: Executor,
  row: { municipality_id: string; valid_from: string; days: number; recorded_by: string },
) {
  await db.insertInto('support_contact_gap_setting').values(row).execute();
}

// --- Teams and workers ------------------------------------------------------------------------

export function teams(db: Executor, m: string) {
  return db
    .selectFrom('support_team as t')
    .leftJoin('support_worker as w', (j) => j.onRef('w.team_id', '=', 't.id').on('w.active', '=', true))
    .select([
      't.id',
      't.name',
      't.shared_caseload',
      sql<number>`count(w.id)::int`.as('members'),
      sql<string>`coalesce(sum(w.fte), 0)`.as('fte'),
    ])
    .where('t.municipality_id', '=', m)
    .groupBy(['t.id', 't.name', 't.shared_caseload'])
    .orderBy('t.name')
    .execute();
}

export async function insertTeam(db: Executor, m: string, name: string, shared: boolean) {
  return db
    .insertInto('support_team')
    .values({ municipality_id: m, name, shared_caseload: shared })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function teamExists(db: Executor, m: string, id: string) {
  return db
    .selectFrom('support_team')
    .select('id')
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

const workerColumns = [
  'w.id',
  'w.user_id',
  'w.team_id',
  'w.fte',
  'w.active',
  'u.display_name as name',
  't.name as team_name',
] as const;

function workersQuery(db: Executor, m: string) {
  return db
    .selectFrom('support_worker as w')
    .innerJoin('app_user as u', 'u.id', 'w.user_id')
    .leftJoin('support_team as t', 't.id', 'w.team_id')
    .select(workerColumns)
    .where('w.municipality_id', '=', m);
}

export type WorkerRow = Awaited<ReturnType<typeof workers>>[number];

export function workers(db: Executor, m: string) {
  return workersQuery(db, m).orderBy('u.display_name').execute();
}

export function workerById(db: Executor, m: string, id: string) {
  return workersQuery(db, m).where('w.id', '=', id).executeTakeFirst();
}

export function workerOfUser(db: Executor, m: string, userId: string) {
  return workersQuery(db, m).where('w.user_id', '=', userId).executeTakeFirst();
}

/** Whether the user is (or was) a support worker of the municipality: without one, her caseload is empty. */
export async function isWorker(db: Executor, m: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('support_worker')
    .select('id')
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertWorker(db: Executor, row: Insertable<SupportWorkerTable>) {
  return db.insertInto('support_worker').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateWorker(
  db: Executor,
  m: string,
  id: string,
  change: { team_id: string | null; fte: number; active: boolean },
) {
  await db
    .updateTable('support_worker')
    .set(change)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

/** A user of the municipality, with role and whether disabled (for registering workers). */
export function userOf(db: Executor, m: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'role_code', 'display_name'])
    .where('municipality_id', '=', m)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Active users of the support role not yet registered as workers. */
export function workerCandidates(db: Executor, m: string) {
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name'])
    .where('u.municipality_id', '=', m)
    .where('u.role_code', '=', 'support')
    .where('u.disabled_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('support_worker as w').select('w.id').whereRef('w.user_id', '=', 'u.id'))),
    )
    .orderBy('u.display_name')
    .execute();
}

// --- Enrollments ------------------------------------------------------------------------------

export interface EnrollmentRow {
  id: string;
  citizen_id: string;
  given_name: string | null;
  family_name: string | null;
  initials: string | null;
  method: SupportEnrollmentTable['method'];
  worker_id: string | null;
  worker_user_id: string | null;
  worker_name: string | null;
  team_id: string | null;
  team_name: string | null;
  decision_on: string;
  legal_basis: SupportEnrollmentTable['legal_basis'];
  provider_wish: string | null;
  provider_wish_followed: boolean | null;
  provider_wish_reason: string | null;
  start_on: string;
  planned_end_on: string | null;
  end_on: string | null;
  end_reason: SupportEnrollmentTable['end_reason'];
  last_contact_on: string | null;
  phase: CtiPhase | null;
}

/** Enrollments in a scope, with the citizen's name, worker, team, last real contact and current phase. */
export async function enrollments(
  db: Executor,
  m: string,
  scope: Scope,
  filter: { id?: string; active?: boolean; citizenIds?: readonly string[]; onDate: string },
): Promise<EnrollmentRow[]> {
  const { rows } = await sql<EnrollmentRow>`
    select e.id, e.citizen_id, c.given_name, c.family_name, c.initials, e.method,
      e.worker_id, w.user_id as worker_user_id, u.display_name as worker_name,
      e.team_id, t.name as team_name,
      e.decision_on, e.legal_basis, e.provider_wish, e.provider_wish_followed, e.provider_wish_reason,
      e.start_on, e.planned_end_on, e.end_on, e.end_reason,
      (select max(k.contact_on) from support_contact k
        where k.enrollment_id = e.id and k.kind <> 'missed') as last_contact_on,
      (select p.phase from support_phase_change p
        where p.enrollment_id = e.id and p.from_on <= ${filter.onDate}
        order by p.from_on desc, p.recorded_at desc limit 1) as phase
    from support_enrollment e
    join citizen c on c.id = e.citizen_id
    left join support_worker w on w.id = e.worker_id
    left join app_user u on u.id = w.user_id
    left join support_team t on t.id = coalesce(e.team_id, w.team_id)
    where e.municipality_id = ${m} and ${inScope(scope)}
      ${filter.id ? sql`and e.id = ${filter.id}` : sql``}
      ${filter.active ? sql`and e.end_on is null` : sql``}
      ${filter.citizenIds ? sql`and e.citizen_id = any(${[...filter.citizenIds]}::uuid[])` : sql``}
    order by e.end_on is not null, c.family_name, c.given_name, e.start_on desc, e.id`.execute(db);
  return rows;
}

/** The citizens' enrollments in a scope with only their method and dates (the timeline's steps). */
export async function enrollmentSteps(db: Executor, m: string, scope: Scope, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return [];
  const { rows } = await sql<Pick<EnrollmentRow, 'id' | 'method' | 'start_on' | 'end_on'>>`
    select e.id, e.method, e.start_on, e.end_on
    from support_enrollment e
    where e.municipality_id = ${m} and e.citizen_id = any(${[...citizenIds]}::uuid[]) and ${inScope(scope)}
    order by e.end_on is not null, e.start_on desc, e.id`.execute(db);
  return rows;
}

export function activeEnrollmentIn(db: Executor, m: string, citizenId: string, method: string) {
  return db
    .selectFrom('support_enrollment')
    .select('id')
    .where('municipality_id', '=', m)
    .where('citizen_id', '=', citizenId)
    .where('method', '=', method as SupportEnrollmentTable['method'])
    .where('end_on', 'is', null)
    .executeTakeFirst();
}

export function citizenExists(db: Executor, m: string, id: string) {
  return db
    .selectFrom('citizen')
    .select('id')
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

export async function insertEnrollment(db: Executor, row: Insertable<SupportEnrollmentTable>) {
  return db.insertInto('support_enrollment').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function endEnrollment(
  db: Executor,
  m: string,
  id: string,
  change: Pick<SupportEnrollmentTable, 'end_on' | 'end_reason'>,
) {
  await db
    .updateTable('support_enrollment')
    .set(change)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('end_on', 'is', null)
    .execute();
}

export async function insertPhaseChange(
  db: Executor,
  row: {
    municipality_id: string;
    enrollment_id: string;
    phase: CtiPhase;
    from_on: string;
    recorded_by: string | null;
  },
) {
  await db.insertInto('support_phase_change').values(row).execute();
}

export function phaseChanges(db: Executor, m: string, enrollmentIds: readonly string[]) {
  if (enrollmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('support_phase_change')
    .select(['enrollment_id', 'phase', 'from_on', 'recorded_at'])
    .where('municipality_id', '=', m)
    .where('enrollment_id', 'in', [...enrollmentIds])
    .orderBy('from_on')
    .orderBy('recorded_at')
    .execute();
}

export function contactsOf(db: Executor, m: string, enrollmentIds: readonly string[]) {
  if (enrollmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('support_contact as k')
    .leftJoin('app_user as u', 'u.id', 'k.by_user_id')
    .select(['k.id', 'k.enrollment_id', 'k.contact_on', 'k.kind', 'k.note', 'u.display_name as by_name'])
    .where('k.municipality_id', '=', m)
    .where('k.enrollment_id', 'in', [...enrollmentIds])
    .orderBy('k.contact_on', 'desc')
    .orderBy('k.created_at', 'desc')
    .execute();
}

export async function insertContact(db: Executor, row: Insertable<SupportContactTable>) {
  return db.insertInto('support_contact').values(row).returning('id').executeTakeFirstOrThrow();
}

// --- Reports ----------------------------------------------------------------------------------

/** Every enrollment's method, assignment and dates (no personal data), for caseload and history. */
export function enrollmentFacts(db: Executor, m: string) {
  return db
    .selectFrom('support_enrollment as e')
    .leftJoin('support_worker as w', 'w.id', 'e.worker_id')
    .select([
      'e.id',
      'e.citizen_id',
      'e.method',
      'e.worker_id',
      'e.team_id',
      'w.team_id as worker_team_id',
      'e.start_on',
      'e.end_on',
    ])
    .where('e.municipality_id', '=', m)
    .execute();
}

/**
 * Active users of the support workers of the citizens' active enrollments: the worker, the members
 * of the team it is assigned to, and the worker's team mates when the team shares its caseload (ACT).
 */
export async function workerUsersOfCitizens(db: Executor, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return [];
  const { rows } = await sql<{ citizen_id: string; user_id: string }>`
    select distinct e.citizen_id, w.user_id
    from support_enrollment e
    left join support_worker assigned on assigned.id = e.worker_id
    left join support_team shared on shared.id = assigned.team_id and shared.shared_caseload
    join support_worker w on (w.id = e.worker_id or w.team_id = e.team_id or w.team_id = shared.id)
    where e.municipality_id = hjemvej_municipality() and e.end_on is null and w.active
      and e.citizen_id = any(${[...citizenIds]}::uuid[])
    order by e.citizen_id, w.user_id`.execute(db);
  return rows;
}

/** Enrollments of the scope that ended on or after a date (for the ended-early notice). */
export function endedSince(db: Executor, m: string, scope: Scope, since: string) {
  return db
    .selectFrom('support_enrollment as e')
    .innerJoin('citizen as c', 'c.id', 'e.citizen_id')
    .select(['e.id', 'e.citizen_id', 'e.method', 'e.end_on', 'c.given_name', 'c.family_name', 'c.initials'])
    .where('e.municipality_id', '=', m)
    .where('e.end_on', '>=', since)
    .where(inScope(scope))
    .execute();
}

/**
 * The enrollments active on a date per method, and the full-time equivalents of the active workers,
 * in one statement (insight: support fidelity among the outcome indicators, issue 18 §3).
 */
export async function activeByMethodOn(db: Executor, m: string, onDate: string) {
  const { rows } = await sql<{ method: Method | null; active: number; fte: number }>`
    select e.method, count(e.id)::int as active,
      (select coalesce(sum(fte), 0)::float8 from support_worker where municipality_id = ${m} and active) as fte
    from (select 1) one
    left join support_enrollment e on e.municipality_id = ${m} and e.start_on <= ${onDate}::date
      and (e.end_on is null or e.end_on > ${onDate}::date)
    group by e.method`.execute(db);
  return rows;
}
