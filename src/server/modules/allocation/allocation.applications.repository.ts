import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { AllocationApplicationTable, ApplicationRow } from './allocation.table';

/** Applications (the caseworker's recommendation), their steps and their documents. */

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

/** An application still on the waiting list or on its way to it (not housed, withdrawn or rejected). */
const OPEN_APPLICATION = ['submitted', 'needs_info', 'approved', 'paused'] as const;

export function openApplicationOf(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('allocation_application')
    .select('id')
    .where('municipality_id', '=', m)
    .where('citizen_id', '=', citizenId)
    .where('status', 'in', OPEN_APPLICATION)
    .executeTakeFirst();
}

/** Which of the citizens have an open application (`openApplicationOf` for many in one statement). */
export async function citizensWithOpenApplication(
  db: Executor,
  m: string,
  citizenIds: readonly string[],
): Promise<Set<string>> {
  if (citizenIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('allocation_application')
    .select('citizen_id')
    .distinct()
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', citizenIds)
    .where('status', 'in', OPEN_APPLICATION)
    .execute();
  return new Set(rows.map((r) => r.citizen_id));
}

/**
 * The day (Danish time) each of the citizens' first housing application was submitted, whatever
 * became of it since: whether a young person leaving care had a housing plan by a given day.
 */
export function firstApplicationDates(db: Executor, m: string, citizenIds: readonly string[]) {
  if (citizenIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('allocation_application')
    .select([
      'citizen_id',
      sql<string>`to_char(min(submitted_at) at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`.as(
        'submitted_on',
      ),
    ])
    .where('municipality_id', '=', m)
    .where('citizen_id', 'in', citizenIds)
    .groupBy('citizen_id')
    .execute();
}

/** The citizen an application is for: whether it exists in the municipality, and whether it was merged away. */
export function findCitizen(db: Executor, m: string, citizenId: string) {
  return db
    .selectFrom('citizen')
    .select(['id', 'merged_into'])
    .where('municipality_id', '=', m)
    .where('id', '=', citizenId)
    .executeTakeFirst();
}

// ---- steps ----

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

/**
 * Days from approval to first offer (insight, issue 18 §3) as a distribution: of every application
 * whose first offer was made from `from` to `to` (Danish dates), the days from the day it was first
 * approved (its first step to `approved`) to that day, counted per number of days. Applications
 * offered without an approval before the offer are left out.
 */
export async function approvalToOfferDays(db: Executor, m: string, from: string, to: string) {
  const { rows } = await sql<{ value: number; count: number }>`
    with first_offer as (
      select application_id, min(offered_at at time zone 'Europe/Copenhagen')::date as offered_on
      from offer where municipality_id = ${m} group by application_id
    ),
    approved as (
      select application_id, min(at at time zone 'Europe/Copenhagen')::date as approved_on
      from application_event where municipality_id = ${m} and to_status = 'approved'
      group by application_id
    )
    select (o.offered_on - a.approved_on)::int as value, count(*)::int as count
    from first_offer o join approved a on a.application_id = o.application_id
    where o.offered_on between ${from}::date and ${to}::date and a.approved_on <= o.offered_on
    group by 1 order by 1`.execute(db);
  return rows;
}
