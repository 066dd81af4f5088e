import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database';
import type {
  EvictionActionTable,
  EvictionCaseRow,
  EvictionCaseTable,
  EvictionNoticeTable,
} from './prevention.table';

/** Only this file talks to Kysely for the prevention module. */

export const num = (v: string | number | null) => (v === null ? 0 : Number(v));

/** Citizens by current CPR (a merged record points to its survivor). */
export async function citizensByCpr(db: Executor, m: string, cprs: readonly string[]) {
  const found = new Map<string, string>();
  for (let i = 0; i < cprs.length; i += 5000) {
    const chunk = cprs.slice(i, i + 5000);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('citizen')
      .select(['id', 'cpr', 'merged_into'])
      .where('municipality_id', '=', m)
      .where('cpr', 'in', chunk)
      .execute();
    for (const r of rows) if (r.cpr) found.set(r.cpr, r.merged_into ?? r.id);
  }
  return found;
}

export async function insertCitizens(
  db: Executor,
  m: string,
  rows: {
    cpr: string;
    birth_date: string;
    sex: 'male' | 'female';
    given_name: string | null;
    family_name: string | null;
    address: string;
    created_by: string;
  }[],
) {
  const out = new Map<string, string>();
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const inserted = await db
      .insertInto('citizen')
      .values(chunk.map((r) => ({ ...r, municipality_id: m })))
      .returning(['id', 'cpr'])
      .execute();
    for (const r of inserted) if (r.cpr) out.set(r.cpr, r.id);
  }
  return out;
}

export async function openCasesByKey(db: Executor, m: string, keys: readonly string[]) {
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 5000) {
    const chunk = keys.slice(i, i + 5000);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('eviction_case')
      .select(['id', 'tenancy_key'])
      .where('municipality_id', '=', m)
      .where('status', '=', 'open')
      .where('tenancy_key', 'in', chunk)
      .execute();
    for (const r of rows) found.set(r.tenancy_key, r.id);
  }
  return found;
}

type NewCase = Omit<Insertable<EvictionCaseTable>, 'municipality_id'>;

export async function insertCases(db: Executor, m: string, rows: NewCase[]) {
  const out = new Map<string, string>();
  for (let i = 0; i < rows.length; i += 2000) {
    const inserted = await db
      .insertInto('eviction_case')
      .values(rows.slice(i, i + 2000).map((r) => ({ ...r, municipality_id: m })))
      .returning(['id', 'tenancy_key'])
      .execute();
    for (const r of inserted) out.set(r.tenancy_key, r.id);
  }
  return out;
}

type NewNotice = Omit<EvictionNoticeTable, 'id' | 'created_at' | 'municipality_id'>;

/** Inserts notices; a line already imported (same import key) is skipped. Returns the ids inserted. */
export async function insertNotices(db: Executor, m: string, rows: NewNotice[]) {
  const ids: { id: string; case_id: string }[] = [];
  for (let i = 0; i < rows.length; i += 2000) {
    const inserted = await db
      .insertInto('eviction_notice')
      .values(rows.slice(i, i + 2000).map((r) => ({ ...r, municipality_id: m })))
      .onConflict((oc) =>
        oc.expression(sql`municipality_id, import_key`).where('import_key', 'is not', null).doNothing(),
      )
      .returning(['id', 'case_id'])
      .execute();
    ids.push(...inserted);
  }
  return ids;
}

/** Import keys already recorded (lines imported before). */
export async function importedKeys(db: Executor, m: string, keys: readonly string[]) {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 5000) {
    const chunk = keys.slice(i, i + 5000);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('eviction_notice')
      .select('import_key')
      .where('municipality_id', '=', m)
      .where('import_key', 'in', chunk)
      .execute();
    for (const r of rows) if (r.import_key) found.add(r.import_key);
  }
  return found;
}

/** A case learns of children from any notice; it never forgets them. */
export async function markChildren(db: Executor, m: string, caseIds: readonly string[]) {
  for (let i = 0; i < caseIds.length; i += 5000) {
    const chunk = caseIds.slice(i, i + 5000);
    if (chunk.length === 0) continue;
    await db
      .updateTable('eviction_case')
      .set({ children_under_18: true })
      .where('municipality_id', '=', m)
      .where('id', 'in', chunk)
      .execute();
  }
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

/**
 * Cases of the inbox. Open cases come with those that can carry a § 5 a duty first (a bailiff
 * notice), then children, then the oldest: the service orders them exactly, and a duty is never cut
 * off by the limit behind newer, calmer cases. Closed cases come newest first.
 */
export async function listCases(db: Executor, m: string, status: 'open' | 'closed', limit: number) {
  let q = caseQuery(db, m).where('c.status', '=', status);
  q =
    status === 'open'
      ? q
          .orderBy(
            (eb) =>
              eb.exists(
                eb
                  .selectFrom('eviction_notice as b')
                  .select('b.id')
                  .whereRef('b.case_id', '=', 'c.id')
                  .where('b.source', '=', 'bailiff_court'),
              ),
            'desc',
          )
          .orderBy('c.children_under_18', 'desc')
          .orderBy('c.opened_on', 'asc')
      : q.orderBy('c.opened_on', 'desc');
  return (await q.limit(limit).execute()) as CaseRow[];
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

export function timelineRows(db: Executor, m: string, citizenIds: readonly string[]) {
  return db
    .selectFrom('eviction_case as c')
    .select(['c.id', 'c.address', 'c.outcome', 'c.outcome_on'])
    .where('c.municipality_id', '=', m)
    .where('c.citizen_id', 'in', [...citizenIds])
    .execute();
}
