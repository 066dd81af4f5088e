/** New-build and conversion projects: units expected to come, and the municipality's share of them. */
import type { UnitType } from '../../../shared/housing/supply';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { invalidField } from './housing.policy';
import * as repo from './housing.repository';

const { num } = repo;

export interface ProjectInput {
  organisationId: string | null;
  name: string;
  kind: 'new_build' | 'conversion';
  unitType: UnitType;
  units: number;
  readyDate: string;
  allocationPercent: number;
  note: string | null;
}

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

export async function createProject(trx: Tx, actor: Actor, input: ProjectInput) {
  if (input.organisationId && !(await repo.findOrganisation(trx, actor.municipalityId, input.organisationId)))
    throw invalidField('organisationId', 'invalid');
  const id = await repo.insertProject(trx, {
    municipality_id: actor.municipalityId,
    organisation_id: input.organisationId,
    name: input.name,
    kind: input.kind,
    unit_type: input.unitType,
    units: input.units,
    ready_date: input.readyDate,
    allocation_percent: input.allocationPercent,
    note: input.note,
  });
  await audit(trx, actor, 'housing.project_create', 'pipeline_project', id);
  return id;
}

export async function deleteProject(trx: Tx, actor: Actor, id: string) {
  if (!(await repo.deleteProject(trx, actor.municipalityId, id))) throw new AppError('NOT_FOUND');
  await audit(trx, actor, 'housing.project_delete', 'pipeline_project', id);
}
