import { sql } from 'kysely';
import type { AreaStatusPeriod } from '../../../shared/allocation/eligibility';
import type { AreaStatus } from '../../../shared/housing/supply';
import type { Executor } from '../../db/database';
import { partnerOrganisations } from './allocation.repository';
import type { VacancyRow, VacancyTable } from './allocation.table';

/** Vacancies: the units the housing organisations put at the municipality's disposal. */

const areaStatusOn = (departmentRef: string, dateRef: string) =>
  sql<AreaStatus | null>`(select s.status from department_area_status s
    where s.department_id = ${sql.ref(departmentRef)} and s.valid_from <= ${sql.ref(dateRef)}
    order by s.valid_from desc limit 1)`;

/**
 * A department's date-versioned area statuses (domain.md rule 24) as one JSON array of
 * { validFrom, status }, oldest first: the ranking reads the status in force on the date it judges.
 */
export const areaStatusesOf = (departmentRef: string) =>
  sql<AreaStatusPeriod[] | string>`(select coalesce(json_agg(json_build_object(
      'validFrom', to_char(s.valid_from, 'YYYY-MM-DD'), 'status', s.status) order by s.valid_from), '[]'::json)
    from department_area_status s where s.department_id = ${sql.ref(departmentRef)})`;

/** A department's date-versioned area statuses, oldest first. */
export async function departmentAreaStatuses(
  db: Executor,
  m: string,
  departmentId: string,
): Promise<AreaStatusPeriod[]> {
  const rows = await db
    .selectFrom('department_area_status')
    .select([sql<string>`to_char(valid_from, 'YYYY-MM-DD')`.as('validFrom'), 'status'])
    .where('municipality_id', '=', m)
    .where('department_id', '=', departmentId)
    .orderBy('valid_from')
    .execute();
  return rows as AreaStatusPeriod[];
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

/** A vacancy with its department, organisation, reporter and area status on the available date. */
export function vacancyQuery(db: Executor, m: string) {
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

export function insertVacancy(
  db: Executor,
  m: string,
  values: Omit<
    VacancyTable,
    'id' | 'status' | 'created_at' | 'municipality_id' | 'withdrawn_on' | 'withdrawn_reason' | 'corrected_at'
  >,
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
  values: Partial<
    Pick<
      VacancyRow,
      'status' | 'returned_on' | 'returned_reason' | 'returned_note' | 'withdrawn_on' | 'withdrawn_reason'
    >
  >,
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

/** A correction of an open vacancy's facts (the housing organisation's, before any offer). */
export async function correctVacancy(
  db: Executor,
  m: string,
  id: string,
  values: Omit<
    VacancyTable,
    | 'id'
    | 'municipality_id'
    | 'status'
    | 'created_at'
    | 'returned_on'
    | 'returned_reason'
    | 'returned_note'
    | 'withdrawn_on'
    | 'withdrawn_reason'
    | 'corrected_at'
    | 'reported_via'
    | 'reported_by'
    | 'import_key'
  >,
): Promise<boolean> {
  const r = await db
    .updateTable('vacancy')
    .set({ ...values, corrected_at: sql<Date>`now()` })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Vacancies of a department with an available date, not withdrawn (the candidates a duplicate check
 * compares addresses with), other than `exceptId`.
 */
export async function vacanciesAt(
  db: Executor,
  m: string,
  departmentId: string,
  availableOn: string,
  exceptId: string | null,
) {
  let q = db
    .selectFrom('vacancy')
    .select(['id', 'address', 'available_on', 'created_at'])
    .where('municipality_id', '=', m)
    .where('department_id', '=', departmentId)
    .where('available_on', '=', availableOn)
    .where('status', '<>', 'withdrawn');
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.orderBy('created_at').execute();
}

// ---- agreement monitoring (the housing module's dialogue report reads these) ----

/** Per department of an organisation: vacancies received, let and returned in a period, and why returned. */
export async function vacancyFigures(
  db: Executor,
  m: string,
  organisationId: string | null,
  from: string,
  to: string,
) {
  let q = db
    .selectFrom('vacancy as v')
    .innerJoin('housing_department as d', 'd.id', 'v.department_id')
    .select(['v.department_id', 'v.status', 'v.returned_reason'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.municipality_id', '=', m);
  // Every organisation's (the insight module's agreed against received and used units), or one's.
  if (organisationId !== null) q = q.where('d.organisation_id', '=', organisationId);
  const rows = await q
    .where('v.available_on', '>=', from)
    .where('v.available_on', '<=', to)
    // A withdrawn report was never at the municipality's disposal.
    .where('v.status', '<>', 'withdrawn')
    .groupBy(['v.department_id', 'v.status', 'v.returned_reason'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
