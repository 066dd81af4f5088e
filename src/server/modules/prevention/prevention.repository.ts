import { sql } from 'kysely';
import type { Cell } from '../../db/copy';
import { type Executor, rowsSource, type StagedColumn, type Tx } from '../../db/database';
import type {
  EvictionActionTable,
  EvictionCaseRow,
  EvictionCaseTable,
  EvictionNoticeTable,
} from './prevention.table';

/** Only this file talks to Kysely for the prevention module. */

export const num = (v: string | number | null) => (v === null ? 0 : Number(v));

/**
 * The bulk writes of `recordNotices` are one statement each, whatever the number of rows: the rows
 * come from `rowsSource` (one array per column through `unnest` for a few, staged with COPY for an
 * import's thousands), on PGlite as on PostgreSQL.
 */
const values = <T>(rows: readonly T[], columns: readonly StagedColumn[]) =>
  rows.map((r) => columns.map(([name]) => (r as Record<string, Cell | undefined>)[name] ?? null));

export async function openCasesByKey(db: Executor, m: string, keys: readonly string[]) {
  const found = new Map<string, string>();
  if (keys.length === 0) return found;
  const { rows } = await sql<{ id: string; tenancy_key: string }>`
    select id, tenancy_key from eviction_case
    where municipality_id = ${m} and status = 'open' and tenancy_key = any(${[...keys]}::text[])`.execute(db);
  for (const r of rows) found.set(r.tenancy_key, r.id);
  return found;
}

/** A new case, with the facts of its first notices (migration 0008). */
export interface NewCase {
  citizen_id: string | null;
  tenant_name: string;
  address: string;
  tenancy_key: string;
  department_id: string | null;
  children_under_18: boolean;
  known_need: boolean;
  opened_on: string;
  bailiff_notice_on: string | null;
  eviction_date: string | null;
}

const CASE_COLUMNS: readonly StagedColumn[] = [
  ['citizen_id', 'uuid'],
  ['tenant_name', 'text'],
  ['address', 'text'],
  ['tenancy_key', 'text'],
  ['department_id', 'uuid'],
  ['children_under_18', 'boolean'],
  ['known_need', 'boolean'],
  ['opened_on', 'date'],
  ['bailiff_notice_on', 'date'],
  ['eviction_date', 'date'],
];

export async function insertCases(trx: Tx, m: string, rows: NewCase[]) {
  const out = new Map<string, string>();
  if (rows.length === 0) return out;
  const source = await rowsSource(trx, 'case', CASE_COLUMNS, values(rows, CASE_COLUMNS));
  const { rows: inserted } = await sql<{ id: string; tenancy_key: string }>`
    insert into eviction_case (municipality_id, citizen_id, tenant_name, address, tenancy_key, department_id,
      children_under_18, known_need, opened_on, bailiff_notice_on, eviction_date)
    select ${m}, t.* from ${source}
    returning id, tenancy_key`.execute(trx);
  for (const r of inserted) out.set(r.tenancy_key, r.id);
  return out;
}

type NewNotice = Omit<
  EvictionNoticeTable,
  'id' | 'created_at' | 'municipality_id' | 'reported_via' | 'reported_by'
>;

const NOTICE_COLUMNS: readonly StagedColumn[] = [
  ['case_id', 'uuid'],
  ['source', 'text'],
  ['received_on', 'date'],
  ['tenant_cpr', 'text'],
  ['arrears_amount', 'numeric'],
  ['arrears_months', 'int'],
  ['paakrav_on', 'date'],
  ['termination_on', 'date'],
  ['bailiff_filed_on', 'date'],
  ['eviction_date', 'date'],
  ['children_under_18', 'boolean'],
  ['import_key', 'text'],
];

/**
 * Inserts notices and returns their ids. Lines imported before are left out by the caller, which
 * holds the municipality's import lock (platform/import `lockImports`); the unique import key still guards.
 */
export async function insertNotices(
  trx: Tx,
  m: string,
  rows: NewNotice[],
  via: EvictionNoticeTable['reported_via'],
  reportedBy: string,
) {
  if (rows.length === 0) return [];
  const source = await rowsSource(trx, 'notice', NOTICE_COLUMNS, values(rows, NOTICE_COLUMNS));
  const { rows: inserted } = await sql<{ id: string; case_id: string }>`
    insert into eviction_notice (municipality_id, reported_via, reported_by, case_id, source, received_on, tenant_cpr,
      arrears_amount, arrears_months, paakrav_on, termination_on, bailiff_filed_on, eviction_date, children_under_18,
      import_key)
    select ${m}, ${via}, ${reportedBy}, t.* from ${source}
    returning id, case_id`.execute(trx);
  return inserted;
}

/**
 * Recomputes the facts of existing cases (children, the bailiff's notice, the eviction date, the
 * latest action, help given) after they got notices or actions, in one statement for all of them
 * (migration 0008); cases whose facts hold are not written.
 */
export async function refreshFacts(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return;
  await sql`select eviction_case_refresh_facts(${[...caseIds]}::uuid[])`.execute(db);
}

/** Import keys already recorded (lines imported before). */
export async function importedKeys(db: Executor, m: string, keys: readonly string[]) {
  const found = new Set<string>();
  if (keys.length === 0) return found;
  const { rows } = await sql<{ import_key: string }>`
    select import_key from eviction_notice
    where municipality_id = ${m} and import_key = any(${[...keys]}::text[])`.execute(db);
  for (const r of rows) found.add(r.import_key);
  return found;
}

export interface CaseRow {
  id: string;
  citizen_id: string | null;
  tenant_name: string;
  address: string;
  department_id: string | null;
  department_name: string | null;
  organisation_name: string | null;
  children_under_18: boolean;
  known_need: boolean;
  opened_on: string;
  status: 'open' | 'closed';
  outcome: EvictionCaseTable['outcome'];
  outcome_on: string | null;
  outcome_note: string | null;
  no_help_decision_on: string | null;
  no_help_reason: string | null;
}

function caseQuery(db: Executor, m: string) {
  return db
    .selectFrom('eviction_case as c')
    .leftJoin('housing_department as d', 'd.id', 'c.department_id')
    .leftJoin('housing_organisation as o', 'o.id', 'd.organisation_id')
    .select([
      'c.id',
      'c.citizen_id',
      'c.tenant_name',
      'c.address',
      'c.department_id',
      'd.name as department_name',
      'o.name as organisation_name',
      'c.children_under_18',
      'c.known_need',
      'c.opened_on',
      'c.status',
      'c.outcome',
      'c.outcome_on',
      'c.outcome_note',
      'c.no_help_decision_on',
      'c.no_help_reason',
    ])
    .where('c.municipality_id', '=', m);
}

export async function findCase(
  db: Executor,
  m: string,
  id: string,
  lock = false,
): Promise<CaseRow | undefined> {
  if (lock)
    await db
      .selectFrom('eviction_case')
      .select('id')
      .where('municipality_id', '=', m)
      .where('id', '=', id)
      .forUpdate()
      .execute();
  return (await caseQuery(db, m).where('c.id', '=', id).executeTakeFirst()) as CaseRow | undefined;
}

export interface InboxRow extends CaseRow {
  total: number;
  overdue_total: number;
}

/**
 * § 5 a urgency in SQL, from the facts each case carries (migration 0008). It mirrors
 * `section5aDuties` and `urgency` in shared/prevention/clocks.ts exactly (a test holds them
 * together): the duty to act at once is due on the bailiff's notice when there are children or a
 * known need and no action since; the decision that no help is given is due 14 days after it unless
 * help was given or the decision recorded; a case is overdue when either due date has passed; its
 * date is the nearest of the due dates and the eviction date.
 */
const actDue = sql<string | null>`case when c.status = 'open' and c.bailiff_notice_on is not null
  and (c.children_under_18 or c.known_need)
  and (c.last_action_on is null or c.last_action_on < c.bailiff_notice_on) then c.bailiff_notice_on end`;
const decideDue = sql<string | null>`case when c.status = 'open' and c.bailiff_notice_on is not null
  and not c.help_given and c.no_help_decision_on is null then c.bailiff_notice_on + 14 end`;

/**
 * One page of the inbox, with the counts over all pages. Open cases by urgency over every open case
 * (overdue first, then children, then the nearest date; ties: a bailiff's notice, the oldest, the id),
 * so no urgent case hides behind a calmer one; closed cases newest first.
 */
export async function inboxPage(
  db: Executor,
  m: string,
  status: 'open' | 'closed',
  onDate: string,
  limit: number,
  offset: number,
): Promise<InboxRow[]> {
  const urgency = db
    .selectFrom('eviction_case as c')
    .select(['c.id', 'c.children_under_18', 'c.opened_on', 'c.bailiff_notice_on'])
    .select([
      sql<boolean>`coalesce(least(${actDue}, ${decideDue}) < ${onDate}::date, false)`.as('overdue'),
      sql<string>`coalesce(least(${actDue}, ${decideDue}, c.eviction_date), '9999-12-31'::date)`.as(
        'next_date',
      ),
    ])
    .where('c.municipality_id', '=', m)
    .where('c.status', '=', status);
  const order =
    status === 'open'
      ? sql`u.overdue desc, u.children_under_18 desc, u.next_date, u.bailiff_notice_on is null, u.opened_on, u.id`
      : sql`u.opened_on desc, u.id desc`;
  // Open cases are all ranked anyway, so they are counted on the way; closed ones (most of the
  // history) are read newest first along the index and counted apart.
  const counts =
    status === 'open'
      ? [
          sql<number>`count(*) over ()`.as('total'),
          sql<number>`count(*) filter (where u.overdue) over ()`.as('overdue_total'),
        ]
      : [
          sql<number>`(select count(*) from eviction_case k where k.municipality_id = ${m} and k.status = 'closed')`.as(
            'total',
          ),
          sql<number>`0`.as('overdue_total'),
        ];
  const ranked = db
    .selectFrom(urgency.as('u'))
    .select(['u.id', sql<number>`row_number() over (order by ${order})`.as('rank'), ...counts])
    .orderBy(order)
    .limit(limit)
    .offset(offset);
  const rows = await caseQuery(db, m)
    .innerJoin(ranked.as('r'), 'r.id', 'c.id')
    .select(['r.total', 'r.overdue_total'])
    .orderBy('r.rank')
    .execute();
  return rows.map((r) => ({
    ...r,
    total: Number(r.total),
    overdue_total: Number(r.overdue_total),
  })) as InboxRow[];
}

/**
 * The open cases whose § 5 a duty is due by `onDate`, for "Mine opgaver": the duty to act at once
 * (due the day of the bailiff's notice) and the decision that no help is given (due 14 days after
 * it), from the same SQL as the inbox's urgency. Every such case comes back, earliest due first:
 * a task list that cut off some duties would hide exactly what the law says must not wait.
 */
export function dueDuties(db: Executor, m: string, onDate: string) {
  return db
    .selectFrom(
      db
        .selectFrom('eviction_case as c')
        .select(['c.id', 'c.tenant_name', 'c.address'])
        .select([
          sql<string | null>`${actDue}`.as('act_due'),
          sql<string | null>`${decideDue}`.as('decide_due'),
        ])
        .where('c.municipality_id', '=', m)
        .where('c.status', '=', 'open')
        .where('c.bailiff_notice_on', 'is not', null)
        .as('d'),
    )
    .selectAll('d')
    .where((eb) =>
      eb.or([eb('d.act_due', 'is not', null), eb('d.decide_due', '<=', sql<string>`${onDate}::date`)]),
    )
    .orderBy(sql`least(d.act_due, d.decide_due)`)
    .orderBy('d.id')
    .execute();
}

/** Fast-track requests to the benefits office whose answer is due by `onDate` and not yet in, earliest first. */
export function dueFastTracks(db: Executor, m: string, onDate: string) {
  return db
    .selectFrom('eviction_action as a')
    .innerJoin('eviction_case as c', 'c.id', 'a.case_id')
    .select(['a.id', 'a.case_id', 'a.respond_by', 'c.tenant_name'])
    .where('a.municipality_id', '=', m)
    .where('a.kind', '=', 'fast_track')
    .where('a.responded_on', 'is', null)
    .where('c.status', '=', 'open')
    .where('a.respond_by', '<=', onDate)
    .orderBy('a.respond_by')
    .orderBy('a.id')
    .execute();
}

/** The inbox's counts alone (a page past the end). */
export async function inboxCounts(db: Executor, m: string, status: 'open' | 'closed', onDate: string) {
  const row = await db
    .selectFrom('eviction_case as c')
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) filter (where coalesce(least(${actDue}, ${decideDue}) < ${onDate}::date, false))`.as(
        'overdue',
      ),
    ])
    .where('c.municipality_id', '=', m)
    .where('c.status', '=', status)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), overdue: Number(row.overdue) };
}

export function notices(db: Executor, m: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('eviction_notice as n')
    .leftJoin('app_user as u', 'u.id', 'n.reported_by')
    .selectAll('n')
    .select('u.display_name')
    .where('n.municipality_id', '=', m)
    .where('n.case_id', 'in', [...caseIds])
    .orderBy('n.received_on')
    .execute();
}

export function actions(db: Executor, m: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('eviction_action as a')
    .leftJoin('app_user as u', 'u.id', 'a.created_by')
    .selectAll('a')
    .select('u.display_name')
    .where('a.municipality_id', '=', m)
    .where('a.case_id', 'in', [...caseIds])
    .orderBy('a.done_on')
    .execute();
}

export function insertAction(
  db: Executor,
  m: string,
  a: Omit<EvictionActionTable, 'id' | 'created_at' | 'municipality_id' | 'responded_on'>,
) {
  return db
    .insertInto('eviction_action')
    .values({ ...a, municipality_id: m })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findAction(db: Executor, m: string, id: string) {
  return db
    .selectFrom('eviction_action')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateAction(db: Executor, m: string, id: string, respondedOn: string) {
  await db
    .updateTable('eviction_action')
    .set({ responded_on: respondedOn })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

export async function updateCase(
  db: Executor,
  m: string,
  id: string,
  values: Partial<
    Pick<
      EvictionCaseRow,
      'status' | 'outcome' | 'outcome_on' | 'outcome_note' | 'no_help_decision_on' | 'no_help_reason'
    >
  >,
) {
  await db
    .updateTable('eviction_case')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

export function departments(db: Executor, m: string) {
  return db
    .selectFrom('housing_department as d')
    .innerJoin('housing_organisation as o', 'o.id', 'd.organisation_id')
    .select(['d.id', 'd.number', 'd.name', 'd.organisation_id', 'o.name as organisation_name'])
    .where('d.municipality_id', '=', m)
    .execute();
}

export function partnerDepartmentIds(db: Executor, m: string, userId: string) {
  return db
    .selectFrom('housing_department as d')
    .innerJoin('housing_organisation_contact as c', 'c.organisation_id', 'd.organisation_id')
    .select('d.id')
    .where('d.municipality_id', '=', m)
    .where('c.user_id', '=', userId)
    .execute();
}

/** Notices reported for the partner's own departments. */
export function partnerNotices(db: Executor, m: string, userId: string) {
  return db
    .selectFrom('eviction_notice as n')
    .innerJoin('eviction_case as c', 'c.id', 'n.case_id')
    .innerJoin('housing_department as d', 'd.id', 'c.department_id')
    .innerJoin('housing_organisation_contact as k', 'k.organisation_id', 'd.organisation_id')
    .select([
      'n.id',
      'n.received_on',
      'c.tenant_name',
      'c.address',
      'd.name as department_name',
      'n.arrears_amount',
      'n.source',
      'n.paakrav_on',
      'n.termination_on',
      'n.bailiff_filed_on',
      'n.eviction_date',
      'n.children_under_18',
    ])
    .where('n.municipality_id', '=', m)
    .where('k.user_id', '=', userId)
    .orderBy('n.received_on', 'desc')
    .limit(500)
    .execute();
}

export async function settings(db: Executor, m: string) {
  return db
    .selectFrom('prevention_settings')
    .select('deposit_loan_limits')
    .where('municipality_id', '=', m)
    .executeTakeFirst();
}

export async function saveSettings(db: Executor, m: string, limits: object, userId: string) {
  const value = JSON.stringify(limits);
  await db
    .insertInto('prevention_settings')
    .values({ municipality_id: m, deposit_loan_limits: value, updated_by: userId })
    .onConflict((oc) =>
      oc
        .column('municipality_id')
        .doUpdateSet({ deposit_loan_limits: value, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
}

/** Monitoring: notices in a period with their case's outcome and department. */
export function monitoringRows(db: Executor, m: string, from: string, to: string) {
  return db
    .selectFrom('eviction_notice as n')
    .innerJoin('eviction_case as c', 'c.id', 'n.case_id')
    .leftJoin('housing_department as d', 'd.id', 'c.department_id')
    .leftJoin('housing_organisation as o', 'o.id', 'd.organisation_id')
    .select([
      'n.case_id',
      'n.received_on',
      'n.children_under_18',
      'c.outcome',
      'c.outcome_on',
      'c.opened_on',
      'c.department_id',
      'd.name as department_name',
      'o.id as organisation_id',
      'o.name as organisation_name',
    ])
    .where('n.municipality_id', '=', m)
    .where('n.received_on', '>=', from)
    .where('n.received_on', '<=', to)
    .execute();
}

/** The citizens' eviction cases, for their timeline. */
export function timelineRows(db: Executor, m: string, citizenIds: readonly string[]) {
  return db
    .selectFrom('eviction_case as c')
    .select(['c.id', 'c.address', 'c.outcome', 'c.outcome_on'])
    .where('c.municipality_id', '=', m)
    .where('c.citizen_id', 'in', [...citizenIds])
    .execute();
}

/** When each of the cases got its notices, for the timeline. */
export function timelineNotices(db: Executor, m: string, caseIds: readonly string[]) {
  return db
    .selectFrom('eviction_notice')
    .select(['case_id', 'received_on'])
    .where('municipality_id', '=', m)
    .where('case_id', 'in', [...caseIds])
    .execute();
}

/** The actions taken on the cases, for the timeline. */
export function timelineActions(db: Executor, m: string, caseIds: readonly string[]) {
  return db
    .selectFrom('eviction_action')
    .select(['kind', 'done_on'])
    .where('municipality_id', '=', m)
    .where('case_id', 'in', [...caseIds])
    .execute();
}

/**
 * Eviction notices and their outcomes in one statement (insight: the outcome indicators, issue 18
 * §3), as the monitoring's totals count them: the notices received from `from` to `to`, the cases
 * they belong to, and of those cases the ones with an outcome, by outcome.
 */
export async function noticeOutcomeFigures(db: Executor, m: string, from: string, to: string) {
  const { rows } = await sql<{
    notices: number;
    cases: number;
    averted: number;
    moved: number;
    evicted: number;
  }>`
    with notice as (
      select case_id from eviction_notice
      where municipality_id = ${m} and received_on between ${from}::date and ${to}::date
    ),
    noticed_case as (
      select c.outcome from eviction_case c
      where c.municipality_id = ${m} and c.id in (select case_id from notice)
    )
    select (select count(*)::int from notice) as notices,
      count(*)::int as cases,
      count(*) filter (where outcome in ('averted_paid', 'averted_plan', 'averted_help'))::int as averted,
      count(*) filter (where outcome = 'moved')::int as moved,
      count(*) filter (where outcome = 'evicted')::int as evicted
    from noticed_case`.execute(db);
  return rows[0] ?? { notices: 0, cases: 0, averted: 0, moved: 0, evicted: 0 };
}
