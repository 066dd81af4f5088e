import { type Insertable, sql, type Updateable } from 'kysely';
import type { AreaStatus, UnitType } from '../../../shared/housing/supply';
import type { Executor } from '../../db/database';
import type {
  DepartmentAreaStatusTable,
  FrameworkAgreementTable,
  HousingDepartmentTable,
  HousingOrganisationTable,
  PipelineProjectTable,
  SubsidyPoolTable,
  SubsidyPoolUnitTable,
} from './housing.table';

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

/** Changes an organisation; undefined when the municipality has no such organisation. */
export function updateOrganisation(
  db: Executor,
  m: string,
  id: string,
  values: Omit<Insertable<HousingOrganisationTable>, 'municipality_id'>,
) {
  return db
    .updateTable('housing_organisation')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
}

export async function insertOrganisation(
  db: Executor,
  m: string,
  values: Omit<Insertable<HousingOrganisationTable>, 'municipality_id'>,
): Promise<string> {
  const row = await db
    .insertInto('housing_organisation')
    .values({ ...values, municipality_id: m })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The users who act for an organisation, by username. */
export function listContacts(db: Executor, m: string, organisationId: string) {
  return db
    .selectFrom('housing_organisation_contact as c')
    .innerJoin('app_user as u', 'u.id', 'c.user_id')
    .select(['u.id', 'u.username', 'u.display_name'])
    .where('c.municipality_id', '=', m)
    .where('c.organisation_id', '=', organisationId)
    .orderBy('u.username')
    .execute();
}

/** The municipality's enabled users with the housing-organisation role, by username. */
export function listPartnerUsers(db: Executor, m: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .where('municipality_id', '=', m)
    .where('role_code', '=', 'partner_housing')
    .where('disabled_at', 'is', null)
    .orderBy('username')
    .execute();
}

/** The municipality's users among these ids, with their role (the policy decides who may be a contact). */
export function findUsersByIds(db: Executor, m: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['id', 'role_code'])
    .where('municipality_id', '=', m)
    .where('id', 'in', ids)
    .execute();
}

/** Replaces the organisation's contacts with these users. */
export async function replaceContacts(db: Executor, m: string, organisationId: string, userIds: string[]) {
  await db.deleteFrom('housing_organisation_contact').where('organisation_id', '=', organisationId).execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('housing_organisation_contact')
    .values(userIds.map((user_id) => ({ municipality_id: m, organisation_id: organisationId, user_id })))
    .execute();
}

/** The municipality's first organisation by name (the demo partner user's organisation). */
export async function firstOrganisationId(db: Executor, municipalityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('housing_organisation')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .orderBy('name')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Makes a user a contact of an organisation: the user then reports its vacancies and notices. */
export async function insertOrganisationContact(
  db: Executor,
  contact: { municipalityId: string; organisationId: string; userId: string },
): Promise<void> {
  await db
    .insertInto('housing_organisation_contact')
    .values({
      municipality_id: contact.municipalityId,
      organisation_id: contact.organisationId,
      user_id: contact.userId,
    })
    .execute();
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

/** The organisation's department with this number, if any. */
export function findDepartmentByNumber(db: Executor, organisationId: string, number: string) {
  return db
    .selectFrom('housing_department')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function insertDepartment(
  db: Executor,
  values: Insertable<HousingDepartmentTable>,
): Promise<string> {
  const row = await db
    .insertInto('housing_department')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the given columns of a department. */
export async function updateDepartment(
  db: Executor,
  m: string,
  id: string,
  values: Updateable<HousingDepartmentTable>,
): Promise<void> {
  await db
    .updateTable('housing_department')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

/** The department's area status from exactly this date, if any. */
export function findAreaStatusFrom(db: Executor, departmentId: string, validFrom: string) {
  return db
    .selectFrom('department_area_status')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('valid_from', '=', validFrom)
    .executeTakeFirst();
}

export async function insertAreaStatus(
  db: Executor,
  values: Insertable<DepartmentAreaStatusTable>,
): Promise<string> {
  const row = await db
    .insertInto('department_area_status')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every area status of the municipality's departments, oldest first. */
export function listAreaStatuses(db: Executor, m: string) {
  return db
    .selectFrom('department_area_status')
    .selectAll()
    .where('municipality_id', '=', m)
    .orderBy('valid_from')
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

/** Changes an agreement's own fields; false when the municipality has no such agreement. */
export async function updateAgreement(
  db: Executor,
  m: string,
  id: string,
  values: Omit<Updateable<FrameworkAgreementTable>, 'municipality_id'>,
): Promise<boolean> {
  const updated = await db
    .updateTable('framework_agreement')
    .set(values)
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
  return Boolean(updated.numUpdatedRows);
}

export async function insertAgreement(
  db: Executor,
  values: Insertable<FrameworkAgreementTable>,
): Promise<string> {
  const row = await db
    .insertInto('framework_agreement')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces an agreement's quotas with these. */
export async function replaceQuotas(
  db: Executor,
  m: string,
  agreementId: string,
  quotas: { departmentId: string; unitType: UnitType; quotaPercent: number; rehousingPercent: number }[],
): Promise<void> {
  await db.deleteFrom('agreement_quota').where('agreement_id', '=', agreementId).execute();
  if (quotas.length === 0) return;
  await db
    .insertInto('agreement_quota')
    .values(
      quotas.map((q) => ({
        municipality_id: m,
        agreement_id: agreementId,
        department_id: q.departmentId,
        unit_type: q.unitType,
        quota_percent: q.quotaPercent,
        rehousing_percent: q.rehousingPercent,
      })),
    )
    .execute();
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

export function findPool(db: Executor, m: string, id: string) {
  return db
    .selectFrom('subsidy_pool')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertPool(db: Executor, values: Insertable<SubsidyPoolTable>): Promise<string> {
  const row = await db.insertInto('subsidy_pool').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPoolUnit(
  db: Executor,
  values: Insertable<SubsidyPoolUnitTable>,
): Promise<string> {
  const row = await db
    .insertInto('subsidy_pool_unit')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findPoolUnit(db: Executor, m: string, poolId: string, unitId: string) {
  return db
    .selectFrom('subsidy_pool_unit')
    .selectAll()
    .where('municipality_id', '=', m)
    .where('pool_id', '=', poolId)
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** Ends a unit's binding to its pool on a date. */
export async function endPoolUnit(db: Executor, unitId: string, boundTo: string): Promise<void> {
  await db.updateTable('subsidy_pool_unit').set({ bound_to: boundTo }).where('id', '=', unitId).execute();
}

/** Pools whose period ends on or after a date (the candidates for "ends soon"). */
export function poolsEndingFrom(db: Executor, m: string, onDate: string) {
  return db
    .selectFrom('subsidy_pool')
    .select(['id', 'name', 'valid_to'])
    .where('municipality_id', '=', m)
    .where('valid_to', '>=', onDate)
    .execute();
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

export async function insertProject(db: Executor, values: Insertable<PipelineProjectTable>): Promise<string> {
  const row = await db
    .insertInto('pipeline_project')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes a project; false when the municipality has no such project. */
export async function deleteProject(db: Executor, m: string, id: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom('pipeline_project')
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .executeTakeFirst();
  return Boolean(deleted.numDeletedRows);
}

export { num };

/** The organisation each of these users acts for (a housing-organisation user acts for one). */
export function organisationsOfUsers(db: Executor, m: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('housing_organisation_contact')
    .select(['user_id', 'organisation_id'])
    .where('municipality_id', '=', m)
    .where('user_id', 'in', userIds)
    .orderBy('user_id')
    .orderBy('organisation_id')
    .execute();
}

/** Makes the user a contact of this one organisation, or of none (null). */
export async function replaceUserOrganisation(
  db: Executor,
  m: string,
  userId: string,
  organisationId: string | null,
): Promise<void> {
  await db
    .deleteFrom('housing_organisation_contact')
    .where('municipality_id', '=', m)
    .where('user_id', '=', userId)
    .execute();
  if (organisationId) await insertOrganisationContact(db, { municipalityId: m, organisationId, userId });
}
