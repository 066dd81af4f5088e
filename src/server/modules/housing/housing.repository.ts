import { sql } from 'kysely';
import type { AreaStatus, UnitType } from '../../../shared/housing/supply';
import type { Executor } from '../../db/database';

const num = (v: string | number | null) => (v === null ? 0 : Number(v));

export function listOrganisations(db: Executor, m: string) {
  return db
    .selectFrom('housing_organisation as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .selectFrom('housing_department as d')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('d.organisation_id', '=', 'o.id')
        .as('department_count'),
    )
    .where('o.municipality_id', '=', m)
    .orderBy('o.name')
    .execute();
}

export function findOrganisation(db: Executor, m: string, id: string) {
  return db
    .selectFrom('housing_organisation')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findOrganisationByName(db: Executor, m: string, name: string) {
  return db
    .selectFrom('housing_organisation')
    .selectAll()
    .where('municipality_id', '=', m)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export interface DepartmentWithStatus {
  id: string;
  organisation_id: string;
  organisation_name: string;
  number: string;
  name: string;
  address: string | null;
  units_family: number;
  units_youth: number;
  units_elderly: number;
  units_alternative: number;
  turnover_percent: number;
  status: AreaStatus | null;
  status_from: string | null;
  combined_letting: boolean | null;
  section_51c: boolean | null;
}

/** Departments with the area status in force on a date (latest valid_from ≤ date). */
export async function listDepartments(
  db: Executor,
  m: string,
  onDate: string,
  filter: { organisationId?: string | undefined; id?: string | undefined } = {},
): Promise<DepartmentWithStatus[]> {
  const { rows } = await sql<DepartmentWithStatus>`
    select d.id, d.organisation_id, o.name as organisation_name, d.number, d.name, d.address,
      d.units_family, d.units_youth, d.units_elderly, d.units_alternative, d.turnover_percent::float8 as turnover_percent,
      s.status, s.valid_from as status_from, s.combined_letting, s.section_51c
    from housing_department d
    join housing_organisation o on o.id = d.organisation_id
    left join lateral (
      select a.status, a.valid_from, a.combined_letting, a.section_51c from department_area_status a
      where a.department_id = d.id and a.valid_from <= ${onDate}::date
      order by a.valid_from desc limit 1
    ) s on true
    where d.municipality_id = ${m}
      ${filter.organisationId ? sql`and d.organisation_id = ${filter.organisationId}` : sql``}
      ${filter.id ? sql`and d.id = ${filter.id}` : sql``}
    order by o.name, d.number`.execute(db);
  return rows;
}

export function areaHistory(db: Executor, m: string, departmentId: string) {
  return db
    .selectFrom('department_area_status')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('department_id', '=', departmentId)
    .orderBy('valid_from', 'desc')
    .execute();
}

export interface AgreementRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
}

export async function listAgreements(db: Executor, m: string, id?: string) {
  const agreements = await db
    .selectFrom('framework_agreement as a')
    .innerJoin('housing_organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.organisation_id',
      'o.name as organisation_name',
      'a.name',
      'a.valid_from',
      'a.valid_to',
    ])
    .where('a.municipality_id', '=', m)
    .$if(id !== undefined, (q) => q.where('a.id', '=', id ?? ''))
    .orderBy('o.name')
    .orderBy('a.valid_from', 'desc')
    .execute();
  const quotas = agreements.length
    ? await db
        .selectFrom('agreement_quota')
        .select(['agreement_id', 'department_id', 'unit_type', 'quota_percent', 'rehousing_percent'])
        .where(
          'agreement_id',
          'in',
          agreements.map((a) => a.id),
        )
        .execute()
    : [];
  return agreements.map((a) => ({
    ...a,
    quotas: quotas
      .filter((q) => q.agreement_id === a.id)
      .map((q) => ({
        departmentId: q.department_id,
        unitType: q.unit_type,
        quotaPercent: num(q.quota_percent),
        rehousingPercent: num(q.rehousing_percent),
      })),
  }));
}

/** Other agreements with quotas for any of these departments whose period overlaps. */
export async function overlappingAgreements(
  db: Executor,
  m: string,
  departmentIds: string[],
  period: { from: string; to: string | null },
  exceptAgreementId: string | null,
) {
  if (departmentIds.length === 0) return [];
  const { rows } = await sql<{ agreement_name: string; department_number: string }>`
    select distinct a.name as agreement_name, d.number as department_number
    from framework_agreement a
    join agreement_quota q on q.agreement_id = a.id
    join housing_department d on d.id = q.department_id
    where a.municipality_id = ${m} and q.department_id in (${sql.join(departmentIds)})
      and a.valid_from <= coalesce(${period.to}::date, 'infinity'::date)
      and ${period.from}::date <= coalesce(a.valid_to, 'infinity'::date)
      ${exceptAgreementId ? sql`and a.id <> ${exceptAgreementId}` : sql``}
    order by d.number`.execute(db);
  return rows;
}

export interface ExpectedLine {
  organisation_id: string;
  organisation_name: string;
  department_id: string;
  number: string;
  name: string;
  unit_type: UnitType;
  units: number;
  turnover_percent: number;
  quota_percent: number;
}

/** Every department's quota per unit type under the agreement in force on `onDate`. */
export async function quotaLines(
  db: Executor,
  m: string,
  onDate: string,
  organisationId?: string,
): Promise<ExpectedLine[]> {
  const rows = await quotaLinesBetween(db, m, onDate, onDate, organisationId);
  return rows.map(({ valid_from: _from, valid_to: _to, ...line }) => line);
}

/**
 * The quota lines of every agreement in force on some day from `from` to `to`, with the agreement's
 * validity, so that a report over many months asks once (one statement instead of one per month).
 */
export async function quotaLinesBetween(
  db: Executor,
  m: string,
  from: string,
  to: string,
  organisationId?: string,
): Promise<(ExpectedLine & { valid_from: string; valid_to: string | null })[]> {
  const { rows } = await sql<ExpectedLine & { valid_from: string; valid_to: string | null }>`
    select o.id as organisation_id, o.name as organisation_name, d.id as department_id, d.number, d.name,
      q.unit_type,
      case q.unit_type when 'family' then d.units_family when 'youth' then d.units_youth
        when 'elderly' then d.units_elderly else d.units_alternative end as units,
      d.turnover_percent::float8 as turnover_percent, q.quota_percent::float8 as quota_percent,
      a.valid_from, a.valid_to
    from agreement_quota q
    join framework_agreement a on a.id = q.agreement_id
    join housing_department d on d.id = q.department_id
    join housing_organisation o on o.id = d.organisation_id
    where q.municipality_id = ${m} and a.valid_from <= ${to}::date
      and ${from}::date <= coalesce(a.valid_to, 'infinity'::date)
      ${organisationId ? sql`and o.id = ${organisationId}` : sql``}
    order by o.name, d.number, q.unit_type`.execute(db);
  return rows;
}

export async function listPools(db: Executor, m: string) {
  const pools = await db
    .selectFrom('subsidy_pool')
    .selectAll()
    .where('municipality_id', '=', m)
    .orderBy('valid_from', 'desc')
    .execute();
  const units = pools.length
    ? await db
        .selectFrom('subsidy_pool_unit as u')
        .innerJoin('housing_department as d', 'd.id', 'u.department_id')
        .select([
          'u.id',
          'u.pool_id',
          'u.department_id',
          'd.name as department_name',
          'u.address',
          'u.rent',
          'u.bound_from',
          'u.bound_to',
        ])
        .where(
          'u.pool_id',
          'in',
          pools.map((p) => p.id),
        )
        .orderBy('u.bound_from')
        .execute()
    : [];
  return pools.map((p) => ({ ...p, units: units.filter((u) => u.pool_id === p.id) }));
}

export function listPipeline(db: Executor, m: string) {
  return db
    .selectFrom('pipeline_project as p')
    .leftJoin('housing_organisation as o', 'o.id', 'p.organisation_id')
    .selectAll('p')
    .select('o.name as organisation_name')
    .where('p.municipality_id', '=', m)
    .orderBy('p.ready_date')
    .execute();
}

export { num };
