/**
 * Departments of the housing organisations and their area status over time (the national lists
 * take effect each 1 December). One function per use case, each audited in the caller's transaction.
 */
import { today } from '../../../shared/dates';
import type { AreaStatus } from '../../../shared/housing/supply';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import {
  assertAreaStatusDateFree,
  assertDepartmentNumberFree,
  invalidField,
  rethrowTaken,
} from './housing.policy';
import * as repo from './housing.repository';
import type { UnitCounts } from './housing.types';

export interface DepartmentInput {
  number: string;
  name: string;
  address: string | null;
  units: UnitCounts;
  turnoverPercent: number;
}

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
    throw invalidField('organisationId', 'invalid');
  assertDepartmentNumberFree(await repo.findDepartmentByNumber(trx, organisationId, input.number));
  try {
    const id = await repo.insertDepartment(trx, {
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
    });
    await audit(trx, actor, 'housing.department_create', 'housing_department', id);
    return id;
  } catch (error) {
    return rethrowTaken(error, 'DEPARTMENT_NUMBER_TAKEN', 'number');
  }
}

export async function updateDepartment(trx: Tx, actor: Actor, id: string, input: Partial<DepartmentInput>) {
  const current = await getDepartment(trx, actor, id);
  if (input.number && input.number !== current.number)
    assertDepartmentNumberFree(await repo.findDepartmentByNumber(trx, current.organisationId, input.number));
  const values = {
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
  };
  // Nothing to change (an empty body is valid): an UPDATE without SET is not SQL.
  if (Object.keys(values).length === 0) return current;
  await repo.updateDepartment(trx, actor.municipalityId, id, values);
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
  assertAreaStatusDateFree(await repo.findAreaStatusFrom(trx, departmentId, input.validFrom));
  const id = await repo.insertAreaStatus(trx, {
    municipality_id: actor.municipalityId,
    department_id: departmentId,
    status: input.status,
    valid_from: input.validFrom,
    combined_letting: input.combinedLetting,
    section_51c: input.section51c,
    recorded_by: actor.userId,
  });
  await audit(trx, actor, 'housing.area_status_add', 'housing_department', departmentId, {
    status: input.status,
    validFrom: input.validFrom,
  });
  return id;
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
