/**
 * Rent-subsidy pools (issue 4 §5): a budget written down month by month for each unit bound to the
 * pool, with a rent band the units must keep. Changes are audited in the caller's transaction.
 */
import { today } from '../../../shared/dates';
import { poolEndsSoon, poolRemaining } from '../../../shared/housing/supply';
import type { Tx } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { assertPeriod, assertRentBand, assertRentInBand, boundOn, invalidField } from './housing.policy';
import * as repo from './housing.repository';

const { num } = repo;

export interface PoolInput {
  name: string;
  validFrom: string;
  validTo: string | null;
  budget: number;
  amountPerUnit: number;
  monthlyReduction: number;
  rentMin: number;
  rentMax: number;
}

export interface PoolUnitInput {
  departmentId: string;
  address: string;
  rent: number;
  boundFrom: string;
  boundTo: string | null;
}

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
    unitCount: p.units.filter((u) => boundOn(u, onDate)).length,
    remaining: poolRemaining(
      num(p.budget),
      num(p.monthly_reduction),
      p.units.map((u) => ({ from: u.bound_from, to: u.bound_to })),
      p.valid_to && p.valid_to < onDate ? p.valid_to : onDate,
    ),
    endsSoon: poolEndsSoon(p.valid_to, onDate),
  }));
}

export async function createPool(trx: Tx, actor: Actor, input: PoolInput) {
  assertPeriod(input.validFrom, input.validTo, 'validTo');
  assertRentBand(input);
  const id = await repo.insertPool(trx, {
    municipality_id: actor.municipalityId,
    name: input.name,
    valid_from: input.validFrom,
    valid_to: input.validTo,
    budget: input.budget,
    amount_per_unit: input.amountPerUnit,
    monthly_reduction: input.monthlyReduction,
    rent_min: input.rentMin,
    rent_max: input.rentMax,
  });
  await audit(trx, actor, 'housing.pool_create', 'subsidy_pool', id);
  return id;
}

/** Binds a unit of a department to a pool, at a rent within the pool's band. */
export async function bindPoolUnit(trx: Tx, actor: Actor, poolId: string, input: PoolUnitInput) {
  const pool = await repo.findPool(trx, actor.municipalityId, poolId);
  if (!pool) throw new AppError('NOT_FOUND');
  assertRentInBand(input.rent, { rentMin: num(pool.rent_min), rentMax: num(pool.rent_max) });
  assertPeriod(input.boundFrom, input.boundTo, 'boundTo');
  const [department] = await repo.listDepartments(trx, actor.municipalityId, today(), {
    id: input.departmentId,
  });
  if (!department) throw invalidField('departmentId', 'invalid');
  const id = await repo.insertPoolUnit(trx, {
    municipality_id: actor.municipalityId,
    pool_id: poolId,
    department_id: input.departmentId,
    address: input.address,
    rent: input.rent,
    bound_from: input.boundFrom,
    bound_to: input.boundTo,
  });
  await audit(trx, actor, 'housing.pool_unit_bind', 'subsidy_pool', poolId);
  return id;
}

/** Ends a unit's subsidy on a date (not before it was bound). */
export async function endPoolUnit(trx: Tx, actor: Actor, poolId: string, unitId: string, boundTo: string) {
  const unit = await repo.findPoolUnit(trx, actor.municipalityId, poolId, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  assertPeriod(unit.bound_from, boundTo, 'boundTo');
  await repo.endPoolUnit(trx, unitId, boundTo);
  await audit(trx, actor, 'housing.pool_unit_end', 'subsidy_pool', poolId);
}
