import { today } from '../../../shared/dates';
import {
  type AreaStatus,
  expectedInPeriod,
  expectedPerQuarter,
  expectedPerYear,
  poolEndsSoon,
  poolRemaining,
  UNIT_TYPES,
  type UnitType,
} from '../../../shared/housing/supply';
import { isUniqueViolation, type Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { receivedUnits, reducedFunctionApplicants } from '../allocation/allocation.service';
import * as repo from './housing.repository';
import type { AgreementInput } from './housing.schema';
import type { DialogueReport, HousingExport, UnitCounts } from './housing.types';

const { num } = repo;
const zero = (): UnitCounts => ({ family: 0, youth: 0, elderly: 0, alternative: 0 });
const invalid = (path: string, code: string) => new AppError('V_VALIDATION', { fields: [{ path, code }] });

/** Postgres unique violations become the module's "taken" errors, naming the field. */
function taken(
  error: unknown,
  code: 'HOUSING_NAME_TAKEN' | 'DEPARTMENT_NUMBER_TAKEN' | 'AREA_STATUS_DATE_TAKEN',
  path: string,
): never {
  if (isUniqueViolation(error)) throw new AppError(code, { fields: [{ path, code: 'taken' }] });
  throw error;
}

// ---- organisations ----

export async function listOrganisations(trx: Tx, actor: Actor) {
  const rows = await repo.listOrganisations(trx, actor.municipalityId);
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    address: o.address,
    contactEmail: o.contact_email,
    contactPhone: o.contact_phone,
    departmentCount: Number(o.department_count ?? 0),
  }));
}

export async function saveOrganisation(
  trx: Tx,
  actor: Actor,
  id: string | null,
  input: {
    name: string;
    address: string | null;
    contactEmail?: string | null | undefined;
    contactPhone: string | null;
  },
) {
  const values = {
    name: input.name,
    address: input.address,
    contact_email: input.contactEmail ?? null,
    contact_phone: input.contactPhone,
  };
  const existing = await repo.findOrganisationByName(trx, actor.municipalityId, input.name);
  if (existing && existing.id !== id)
    throw new AppError('HOUSING_NAME_TAKEN', { fields: [{ path: 'name', code: 'taken' }] });
  try {
    if (id) {
      const row = await trx
        .updateTable('housing_organisation')
        .set(values)
        .where('municipality_id', '=', actor.municipalityId)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      await audit(trx, actor, 'housing.organisation_update', 'housing_organisation', row.id);
      return row.id;
    }
    const row = await trx
      .insertInto('housing_organisation')
      .values({ ...values, municipality_id: actor.municipalityId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'housing.organisation_create', 'housing_organisation', row.id);
    return row.id;
  } catch (error) {
    return taken(error, 'HOUSING_NAME_TAKEN', 'name');
  }
}

/** The partner users (role partner_housing) who act for an organisation. */
export async function listContacts(trx: Tx, actor: Actor, organisationId: string) {
  if (!(await repo.findOrganisation(trx, actor.municipalityId, organisationId)))
    throw new AppError('NOT_FOUND');
  const rows = await trx
    .selectFrom('housing_organisation_contact as c')
    .innerJoin('app_user as u', 'u.id', 'c.user_id')
    .select(['u.id', 'u.username', 'u.display_name'])
    .where('c.municipality_id', '=', actor.municipalityId)
    .where('c.organisation_id', '=', organisationId)
    .orderBy('u.username')
    .execute();
  return rows.map((r) => ({ userId: r.id, username: r.username, displayName: r.display_name }));
}

/** The municipality's users with the housing-organisation role (candidates for contacts). */
export async function listPartnerUsers(trx: Tx, actor: Actor) {
  const rows = await trx
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .where('municipality_id', '=', actor.municipalityId)
    .where('role_code', '=', 'partner_housing')
    .where('disabled_at', 'is', null)
    .orderBy('username')
    .execute();
  return rows.map((r) => ({ userId: r.id, username: r.username, displayName: r.display_name }));
}

/**
 * Sets who acts for an organisation. Only the municipality's users with the housing-organisation
 * role can be contacts; they will see and report for this organisation's departments only.
 */
export async function setContacts(trx: Tx, actor: Actor, organisationId: string, userIds: string[]) {
  if (!(await repo.findOrganisation(trx, actor.municipalityId, organisationId)))
    throw new AppError('NOT_FOUND');
  const unique = [...new Set(userIds)];
  const partners = unique.length
    ? await trx
        .selectFrom('app_user')
        .select('id')
        .where('municipality_id', '=', actor.municipalityId)
        .where('role_code', '=', 'partner_housing')
        .where('id', 'in', unique)
        .execute()
    : [];
  const allowed = new Set(partners.map((p) => p.id));
  const bad = unique.findIndex((id) => !allowed.has(id));
  if (bad >= 0) throw invalid(`userIds.${bad}`, 'not_partner');
  await trx
    .deleteFrom('housing_organisation_contact')
    .where('organisation_id', '=', organisationId)
    .execute();
  if (unique.length) {
    await trx
      .insertInto('housing_organisation_contact')
      .values(
        unique.map((user_id) => ({
          municipality_id: actor.municipalityId,
          organisation_id: organisationId,
          user_id,
        })),
      )
      .execute();
  }
  await audit(trx, actor, 'housing.contacts_set', 'housing_organisation', organisationId, {
    contacts: unique.length,
  });
  return listContacts(trx, actor, organisationId);
}

// ---- departments and area status ----

type DepartmentInput = {
  number: string;
  name: string;
  address: string | null;
  units: UnitCounts;
  turnoverPercent: number;
};

function presentDepartment(d: repo.DepartmentWithStatus) {
  return {
    id: d.id,
    organisationId: d.organisation_id,
    organisationName: d.organisation_name,
    number: d.number,
    name: d.name,
    address: d.address,
    units: {
      family: d.units_family,
      youth: d.units_youth,
      elderly: d.units_elderly,
      alternative: d.units_alternative,
    },
    turnoverPercent: Number(d.turnover_percent),
    areaStatus: d.status
      ? {
          status: d.status,
          validFrom: d.status_from ?? '',
          combinedLetting: Boolean(d.combined_letting),
          section51c: Boolean(d.section_51c),
        }
      : null,
  };
}

export async function listDepartments(trx: Tx, actor: Actor, organisationId?: string) {
  return (await repo.listDepartments(trx, actor.municipalityId, today(), { organisationId })).map(
    presentDepartment,
  );
}

export async function getDepartment(trx: Tx, actor: Actor, id: string) {
  const [row] = await repo.listDepartments(trx, actor.municipalityId, today(), { id });
  if (!row) throw new AppError('NOT_FOUND');
  const history = await repo.areaHistory(trx, actor.municipalityId, id);
  return {
    ...presentDepartment(row),
    areaHistory: history.map((h) => ({
      id: h.id,
      status: h.status,
      validFrom: h.valid_from,
      combinedLetting: h.combined_letting,
      section51c: h.section_51c,
    })),
  };
}

export async function createDepartment(
  trx: Tx,
  actor: Actor,
  organisationId: string,
  input: DepartmentInput,
) {
  if (!(await repo.findOrganisation(trx, actor.municipalityId, organisationId)))
    throw invalid('organisationId', 'invalid');
  const clash = await trx
    .selectFrom('housing_department')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('number', '=', input.number)
    .executeTakeFirst();
  if (clash) throw new AppError('DEPARTMENT_NUMBER_TAKEN', { fields: [{ path: 'number', code: 'taken' }] });
  try {
    const row = await trx
      .insertInto('housing_department')
      .values({
        municipality_id: actor.municipalityId,
        organisation_id: organisationId,
        number: input.number,
        name: input.name,
        address: input.address,
        units_family: input.units.family,
        units_youth: input.units.youth,
        units_elderly: input.units.elderly,
        units_alternative: input.units.alternative,
        turnover_percent: input.turnoverPercent,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, 'housing.department_create', 'housing_department', row.id);
    return row.id;
  } catch (error) {
    return taken(error, 'DEPARTMENT_NUMBER_TAKEN', 'number');
  }
}

export async function updateDepartment(trx: Tx, actor: Actor, id: string, input: Partial<DepartmentInput>) {
  const current = await getDepartment(trx, actor, id);
  if (input.number && input.number !== current.number) {
    const clash = await trx
      .selectFrom('housing_department')
      .select('id')
      .where('organisation_id', '=', current.organisationId)
      .where('number', '=', input.number)
      .executeTakeFirst();
    if (clash) throw new AppError('DEPARTMENT_NUMBER_TAKEN', { fields: [{ path: 'number', code: 'taken' }] });
  }
  await trx
    .updateTable('housing_department')
    .set({
      ...(input.number !== undefined ? { number: input.number } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.turnoverPercent !== undefined ? { turnover_percent: input.turnoverPercent } : {}),
      ...(input.units
        ? {
            units_family: input.units.family,
            units_youth: input.units.youth,
            units_elderly: input.units.elderly,
            units_alternative: input.units.alternative,
          }
        : {}),
    })
    .where('municipality_id', '=', actor.municipalityId)
    .where('id', '=', id)
    .execute();
  await audit(trx, actor, 'housing.department_update', 'housing_department', id, {
    fields: Object.keys(input),
  });
  return getDepartment(trx, actor, id);
}

/** Adds an area status from a date; earlier statuses stay as history (the lists come each 1 December). */
export async function addAreaStatus(
  trx: Tx,
  actor: Actor,
  departmentId: string,
  input: { status: AreaStatus; validFrom: string; combinedLetting: boolean; section51c: boolean },
) {
  await getDepartment(trx, actor, departmentId);
  const clash = await trx
    .selectFrom('department_area_status')
    .select('id')
    .where('department_id', '=', departmentId)
    .where('valid_from', '=', input.validFrom)
    .executeTakeFirst();
  if (clash) throw new AppError('AREA_STATUS_DATE_TAKEN', { fields: [{ path: 'validFrom', code: 'taken' }] });
  const row = await trx
    .insertInto('department_area_status')
    .values({
      municipality_id: actor.municipalityId,
      department_id: departmentId,
      status: input.status,
      valid_from: input.validFrom,
      combined_letting: input.combinedLetting,
      section_51c: input.section51c,
      recorded_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, actor, 'housing.area_status_add', 'housing_department', departmentId, {
    status: input.status,
    validFrom: input.validFrom,
  });
  return row.id;
}

/** The area status of every department on a date (the allocation module's block and warn rules read this). */
export async function areaStatusOn(trx: Tx, actor: Actor, onDate: string) {
  const rows = await repo.listDepartments(trx, actor.municipalityId, onDate);
  return rows
    .filter((d) => d.status !== null)
    .map((d) => ({
      departmentId: d.id,
      status: d.status as AreaStatus,
      validFrom: d.status_from ?? '',
      combinedLetting: Boolean(d.combined_letting),
      section51c: Boolean(d.section_51c),
    }));
}

// ---- framework agreements ----

export async function listAgreements(trx: Tx, actor: Actor) {
  const rows = await repo.listAgreements(trx, actor.municipalityId);
  return rows.map(presentAgreement);
}

function presentAgreement(a: Awaited<ReturnType<typeof repo.listAgreements>>[number]) {
  return {
    id: a.id,
    organisationId: a.organisation_id,
    organisationName: a.organisation_name,
    name: a.name,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    quotas: a.quotas,
  };
}

/**
 * Saves an agreement with its quotas (new, or replacing an existing one's). Refused as a whole when
 * the period is backwards, a department is not the organisation's, or a department already has
 * quotas in another agreement for an overlapping period.
 */
export async function saveAgreement(trx: Tx, actor: Actor, id: string | null, input: AgreementInput) {
  if (input.validTo && input.validTo < input.validFrom) throw invalid('validTo', 'end_before_start');
  if (!(await repo.findOrganisation(trx, actor.municipalityId, input.organisationId)))
    throw invalid('organisationId', 'invalid');
  const own = new Set(
    (
      await repo.listDepartments(trx, actor.municipalityId, today(), { organisationId: input.organisationId })
    ).map((d) => d.id),
  );
  const foreign = input.quotas.findIndex((q) => !own.has(q.departmentId));
  if (foreign >= 0) throw invalid(`quotas.${foreign}.departmentId`, 'invalid');
  const seen = new Set<string>();
  for (const [i, q] of input.quotas.entries()) {
    const key = `${q.departmentId}:${q.unitType}`;
    if (seen.has(key)) throw invalid(`quotas.${i}.unitType`, 'duplicate');
    seen.add(key);
  }
  const departmentIds = [...new Set(input.quotas.map((q) => q.departmentId))];
  const overlap = await repo.overlappingAgreements(
    trx,
    actor.municipalityId,
    departmentIds,
    { from: input.validFrom, to: input.validTo },
    id,
  );
  if (overlap[0]) {
    throw new AppError('AGREEMENT_OVERLAP', {
      params: { departmentNumber: overlap[0].department_number, agreementName: overlap[0].agreement_name },
      fields: [{ path: 'validFrom', code: 'agreement_overlap' }],
    });
  }
  let agreementId = id;
  if (agreementId) {
    const updated = await trx
      .updateTable('framework_agreement')
      .set({
        organisation_id: input.organisationId,
        name: input.name,
        valid_from: input.validFrom,
        valid_to: input.validTo,
      })
      .where('municipality_id', '=', actor.municipalityId)
      .where('id', '=', agreementId)
      .executeTakeFirst();
    if (!updated.numUpdatedRows) throw new AppError('NOT_FOUND');
    await trx.deleteFrom('agreement_quota').where('agreement_id', '=', agreementId).execute();
  } else {
    agreementId = (
      await trx
        .insertInto('framework_agreement')
        .values({
          municipality_id: actor.municipalityId,
          organisation_id: input.organisationId,
          name: input.name,
          valid_from: input.validFrom,
          valid_to: input.validTo,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  if (input.quotas.length) {
    await trx
      .insertInto('agreement_quota')
      .values(
        input.quotas.map((q) => ({
          municipality_id: actor.municipalityId,
          agreement_id: agreementId as string,
          department_id: q.departmentId,
          unit_type: q.unitType,
          quota_percent: q.quotaPercent,
          rehousing_percent: q.rehousingPercent,
        })),
      )
      .execute();
  }
  await audit(
    trx,
    actor,
    id ? 'housing.agreement_update' : 'housing.agreement_create',
    'framework_agreement',
    agreementId,
    {
      quotas: input.quotas.length,
    },
  );
  const [saved] = await repo.listAgreements(trx, actor.municipalityId, agreementId);
  if (!saved) throw new AppError('NOT_FOUND');
  return presentAgreement(saved);
}

// ---- expected units ----

/** Expected units for a year: units × turnover × quota under the agreement in force mid-year, plus new builds ready that year. */
export async function expectedUnits(trx: Tx, actor: Actor, year: number) {
  const lines = await repo.quotaLines(trx, actor.municipalityId, `${year}-07-01`);
  const statuses = new Map(
    (await repo.listDepartments(trx, actor.municipalityId, `${year}-07-01`)).map((d) => [d.id, d.status]),
  );
  const organisations = new Map<
    string,
    {
      organisationId: string;
      name: string;
      expected: UnitCounts;
      departments: Map<
        string,
        {
          departmentId: string;
          number: string;
          name: string;
          areaStatus: AreaStatus | null;
          lines: {
            unitType: UnitType;
            units: number;
            turnoverPercent: number;
            quotaPercent: number;
            perYear: number;
            perQuarter: number;
          }[];
        }
      >;
    }
  >();
  const totals = { ...zero(), pipeline: 0 };
  for (const l of lines) {
    const org = organisations.get(l.organisation_id) ?? {
      organisationId: l.organisation_id,
      name: l.organisation_name,
      expected: zero(),
      departments: new Map(),
    };
    organisations.set(l.organisation_id, org);
    const dept = org.departments.get(l.department_id) ?? {
      departmentId: l.department_id,
      number: l.number,
      name: l.name,
      areaStatus: statuses.get(l.department_id) ?? null,
      lines: [],
    };
    org.departments.set(l.department_id, dept);
    const perYear = expectedPerYear(l.units, l.turnover_percent, l.quota_percent);
    dept.lines.push({
      unitType: l.unit_type,
      units: l.units,
      turnoverPercent: l.turnover_percent,
      quotaPercent: l.quota_percent,
      perYear,
      perQuarter: expectedPerQuarter(l.units, l.turnover_percent, l.quota_percent),
    });
    org.expected[l.unit_type] += perYear;
    totals[l.unit_type] += perYear;
  }
  const pipeline = (await repo.listPipeline(trx, actor.municipalityId))
    .filter((p) => p.ready_date.startsWith(String(year)))
    .map((p) => {
      const expected = (p.units * num(p.allocation_percent)) / 100;
      totals.pipeline += expected;
      return {
        id: p.id,
        name: p.name,
        unitType: p.unit_type,
        units: p.units,
        readyDate: p.ready_date,
        allocationPercent: num(p.allocation_percent),
        expected,
      };
    });
  return {
    year,
    organisations: [...organisations.values()].map((o) => ({
      ...o,
      departments: [...o.departments.values()],
    })),
    pipeline,
    totals,
  };
}

// ---- dialogue-meeting report ----

/**
 * Expected against received and used units per department of one organisation for a period.
 * Received, used and returned-unused come from the vacancies the allocation module records
 * (received: available in the period; used: let; returned: given back unused, with the reason).
 */
export async function dialogueReport(
  trx: Tx,
  actor: Actor & { municipality?: { name: string; authority: string } },
  organisationId: string,
  from: string,
  to: string,
): Promise<DialogueReport> {
  if (to < from) throw invalid('to', 'end_before_start');
  const organisation = await repo.findOrganisation(trx, actor.municipalityId, organisationId);
  if (!organisation) throw new AppError('NOT_FOUND');
  const departments = await repo.listDepartments(trx, actor.municipalityId, to, { organisationId });
  const perYear = new Map<string, number>();
  // The agreement in force can change within the period: take the quotas on each month's first day.
  const months = monthStarts(from, to);
  const lines = await repo.quotaLinesBetween(
    trx,
    actor.municipalityId,
    months[0]?.start ?? from,
    months.at(-1)?.start ?? to,
    organisationId,
  );
  for (const month of months) {
    for (const l of lines) {
      if (l.valid_from > month.start || (l.valid_to !== null && l.valid_to < month.start)) continue;
      const share = expectedInPeriod(
        expectedPerYear(l.units, l.turnover_percent, l.quota_percent),
        month.start,
        month.end,
      );
      perYear.set(l.department_id, (perYear.get(l.department_id) ?? 0) + share);
    }
  }
  // Received, used and returned units are the vacancies the allocation module records.
  const figures = await receivedUnits(trx, actor.municipalityId, organisationId, from, to);
  const rows = departments.map((d) => ({
    departmentId: d.id,
    number: d.number,
    name: d.name,
    areaStatus: d.status,
    expected: perYear.get(d.id) ?? 0,
    received: figures.perDepartment.get(d.id)?.received ?? 0,
    used: figures.perDepartment.get(d.id)?.used ?? 0,
    returnedUnused: figures.perDepartment.get(d.id)?.returnedUnused ?? 0,
  }));
  await audit(trx, actor, 'housing.report', 'housing_organisation', organisationId, { from, to });
  return {
    organisation: { id: organisation.id, name: organisation.name },
    municipality: actor.municipality ?? { name: '', authority: '' },
    from,
    to,
    departments: rows,
    totals: {
      expected: rows.reduce((s, r) => s + r.expected, 0),
      received: rows.reduce((s, r) => s + r.received, 0),
      used: rows.reduce((s, r) => s + r.used, 0),
      returnedUnused: rows.reduce((s, r) => s + r.returnedUnused, 0),
    },
    returnedReasons: figures.reasons,
    vacancyDataAvailable: true,
  };
}

/** The period split at month boundaries: [start, end] of each part. */
export function monthStarts(from: string, to: string): { start: string; end: string }[] {
  const parts: { start: string; end: string }[] = [];
  let start = from;
  while (start <= to) {
    const d = new Date(`${start}T00:00:00Z`);
    const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    const endOfMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0))
      .toISOString()
      .slice(0, 10);
    parts.push({ start, end: endOfMonth < to ? endOfMonth : to });
    start = next;
  }
  return parts;
}

// ---- rent-subsidy pools ----

export async function listPools(trx: Tx, actor: Actor) {
  const onDate = today();
  return (await repo.listPools(trx, actor.municipalityId)).map((p) => ({
    id: p.id,
    name: p.name,
    validFrom: p.valid_from,
    validTo: p.valid_to,
    budget: num(p.budget),
    amountPerUnit: num(p.amount_per_unit),
    monthlyReduction: num(p.monthly_reduction),
    rentMin: num(p.rent_min),
    rentMax: num(p.rent_max),
    units: p.units.map((u) => ({
      id: u.id,
      departmentId: u.department_id,
      departmentName: u.department_name,
      address: u.address,
      rent: num(u.rent),
      boundFrom: u.bound_from,
      boundTo: u.bound_to,
    })),
    unitCount: p.units.filter((u) => !u.bound_to || u.bound_to >= onDate).length,
    remaining: poolRemaining(
      num(p.budget),
      num(p.monthly_reduction),
      p.units.map((u) => ({ from: u.bound_from, to: u.bound_to })),
      p.valid_to && p.valid_to < onDate ? p.valid_to : onDate,
    ),
    endsSoon: poolEndsSoon(p.valid_to, onDate),
  }));
}

export async function createPool(
  trx: Tx,
  actor: Actor,
  input: {
    name: string;
    validFrom: string;
    validTo: string | null;
    budget: number;
    amountPerUnit: number;
    monthlyReduction: number;
    rentMin: number;
    rentMax: number;
  },
) {
  if (input.validTo && input.validTo < input.validFrom) throw invalid('validTo', 'end_before_start');
  if (input.rentMax < input.rentMin) throw invalid('rentMax', 'below_min');
  const row = await trx
    .insertInto('subsidy_pool')
    .values({
      municipality_id: actor.municipalityId,
      name: input.name,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      budget: input.budget,
      amount_per_unit: input.amountPerUnit,
      monthly_reduction: input.monthlyReduction,
      rent_min: input.rentMin,
      rent_max: input.rentMax,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, actor, 'housing.pool_create', 'subsidy_pool', row.id);
  return row.id;
}

export async function bindPoolUnit(
  trx: Tx,
  actor: Actor,
  poolId: string,
  input: { departmentId: string; address: string; rent: number; boundFrom: string; boundTo: string | null },
) {
  const pool = await trx
    .selectFrom('subsidy_pool')
    .selectAll()
    .where('municipality_id', '=', actor.municipalityId)
    .where('id', '=', poolId)
    .executeTakeFirst();
  if (!pool) throw new AppError('NOT_FOUND');
  if (input.rent < num(pool.rent_min) || input.rent > num(pool.rent_max))
    throw invalid('rent', 'outside_band');
  if (input.boundTo && input.boundTo < input.boundFrom) throw invalid('boundTo', 'end_before_start');
  const [department] = await repo.listDepartments(trx, actor.municipalityId, today(), {
    id: input.departmentId,
  });
  if (!department) throw invalid('departmentId', 'invalid');
  const row = await trx
    .insertInto('subsidy_pool_unit')
    .values({
      municipality_id: actor.municipalityId,
      pool_id: poolId,
      department_id: input.departmentId,
      address: input.address,
      rent: input.rent,
      bound_from: input.boundFrom,
      bound_to: input.boundTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, actor, 'housing.pool_unit_bind', 'subsidy_pool', poolId);
  return row.id;
}

export async function endPoolUnit(trx: Tx, actor: Actor, poolId: string, unitId: string, boundTo: string) {
  const unit = await trx
    .selectFrom('subsidy_pool_unit')
    .selectAll()
    .where('municipality_id', '=', actor.municipalityId)
    .where('pool_id', '=', poolId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND');
  if (boundTo < unit.bound_from) throw invalid('boundTo', 'end_before_start');
  await trx.updateTable('subsidy_pool_unit').set({ bound_to: boundTo }).where('id', '=', unitId).execute();
  await audit(trx, actor, 'housing.pool_unit_end', 'subsidy_pool', poolId);
}

// ---- new-build pipeline ----

export async function listPipeline(trx: Tx, actor: Actor) {
  return (await repo.listPipeline(trx, actor.municipalityId)).map((p) => ({
    id: p.id,
    organisationId: p.organisation_id,
    organisationName: p.organisation_name,
    name: p.name,
    kind: p.kind,
    unitType: p.unit_type,
    units: p.units,
    readyDate: p.ready_date,
    allocationPercent: num(p.allocation_percent),
    note: p.note,
  }));
}

export async function createProject(
  trx: Tx,
  actor: Actor,
  input: {
    organisationId: string | null;
    name: string;
    kind: 'new_build' | 'conversion';
    unitType: UnitType;
    units: number;
    readyDate: string;
    allocationPercent: number;
    note: string | null;
  },
) {
  if (input.organisationId && !(await repo.findOrganisation(trx, actor.municipalityId, input.organisationId)))
    throw invalid('organisationId', 'invalid');
  const row = await trx
    .insertInto('pipeline_project')
    .values({
      municipality_id: actor.municipalityId,
      organisation_id: input.organisationId,
      name: input.name,
      kind: input.kind,
      unit_type: input.unitType,
      units: input.units,
      ready_date: input.readyDate,
      allocation_percent: input.allocationPercent,
      note: input.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, actor, 'housing.project_create', 'pipeline_project', row.id);
  return row.id;
}

export async function deleteProject(trx: Tx, actor: Actor, id: string) {
  const deleted = await trx
    .deleteFrom('pipeline_project')
    .where('municipality_id', '=', actor.municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!deleted.numDeletedRows) throw new AppError('NOT_FOUND');
  await audit(trx, actor, 'housing.project_delete', 'pipeline_project', id);
}

// ---- elderly and handicap housing ----

export async function elderlyStock(trx: Tx, actor: Actor) {
  const departments = (await repo.listDepartments(trx, actor.municipalityId, today()))
    .filter((d) => d.units_elderly > 0)
    .map((d) => ({
      departmentId: d.id,
      organisationName: d.organisation_name,
      number: d.number,
      name: d.name,
      unitsElderly: d.units_elderly,
    }));
  // The family-housing list and the elderly/handicap stock are used together (issue 4 §7).
  // Names of applicants only for those who work with the waiting list.
  const applicants = actor.permissions.has('allocation.read')
    ? await reducedFunctionApplicants(trx, actor.municipalityId)
    : undefined;
  return { departments, totalElderly: departments.reduce((s, d) => s + d.unitsElderly, 0), applicants };
}

// ---- export ----

export async function exportData(
  trx: Tx,
  actor: Actor & { municipality?: { name: string } },
): Promise<HousingExport> {
  const onDate = today();
  const year = Number(onDate.slice(0, 4));
  const departments = await repo.listDepartments(trx, actor.municipalityId, onDate);
  const byId = new Map(departments.map((d) => [d.id, d]));
  const statuses = await trx
    .selectFrom('department_area_status')
    .selectAll()
    .where('municipality_id', '=', actor.municipalityId)
    .orderBy('valid_from')
    .execute();
  const agreements = await repo.listAgreements(trx, actor.municipalityId);
  const expected = await repo.quotaLines(trx, actor.municipalityId, `${year}-07-01`);
  const pools = await listPools(trx, actor);
  const pipeline = await listPipeline(trx, actor);
  const organisations = await repo.listOrganisations(trx, actor.municipalityId);
  await audit(trx, actor, 'housing.export', 'municipality', actor.municipalityId);
  return {
    municipality: { name: actor.municipality?.name ?? '' },
    organisations: organisations.map((o) => ({
      name: o.name,
      address: o.address,
      contactEmail: o.contact_email,
      contactPhone: o.contact_phone,
    })),
    departments: departments.map((d) => ({
      organisation: d.organisation_name,
      number: d.number,
      name: d.name,
      address: d.address,
      units: {
        family: d.units_family,
        youth: d.units_youth,
        elderly: d.units_elderly,
        alternative: d.units_alternative,
      },
      turnoverPercent: Number(d.turnover_percent),
      areaStatus: d.status,
    })),
    areaStatuses: statuses.map((s) => ({
      organisation: byId.get(s.department_id)?.organisation_name ?? '',
      number: byId.get(s.department_id)?.number ?? '',
      status: s.status,
      validFrom: s.valid_from,
      combinedLetting: s.combined_letting,
      section51c: s.section_51c,
    })),
    agreements: agreements.map((a) => ({
      organisation: a.organisation_name,
      name: a.name,
      validFrom: a.valid_from,
      validTo: a.valid_to,
      quotas: a.quotas.map((q) => ({
        number: byId.get(q.departmentId)?.number ?? '',
        unitType: q.unitType,
        quotaPercent: q.quotaPercent,
        rehousingPercent: q.rehousingPercent,
      })),
    })),
    expected: {
      year,
      lines: expected.map((l) => ({
        organisation: l.organisation_name,
        number: l.number,
        unitType: l.unit_type,
        units: l.units,
        turnoverPercent: l.turnover_percent,
        quotaPercent: l.quota_percent,
        perYear: expectedPerYear(l.units, l.turnover_percent, l.quota_percent),
      })),
    },
    pools: pools.map((p) => ({
      name: p.name,
      validFrom: p.validFrom,
      validTo: p.validTo,
      budget: p.budget,
      monthlyReduction: p.monthlyReduction,
      rentMin: p.rentMin,
      rentMax: p.rentMax,
      remaining: p.remaining,
      units: p.units.map((u) => ({
        address: u.address,
        department: u.departmentName,
        rent: u.rent,
        boundFrom: u.boundFrom,
        boundTo: u.boundTo,
      })),
    })),
    pipeline: pipeline.map((p) => ({
      name: p.name,
      organisation: p.organisationName,
      kind: p.kind,
      unitType: p.unitType,
      units: p.units,
      readyDate: p.readyDate,
      allocationPercent: p.allocationPercent,
    })),
  };
}

export { UNIT_TYPES };
