/**
 * The housing module's pure rules: who may do what with the supply, and the checks an agreement,
 * a pool or a report period must pass. No database: the services load, these decide, and each
 * assert… variant throws the AppError the API answers with.
 */
import type { Permission } from '../../../shared/permissions';
import { isUniqueViolation } from '../../db/database';
import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';

// ---- who may do what ----

/** What a user can do with the housing supply. */
export const HOUSING_ACTIONS = ['view', 'manage', 'view_applicants', 'see_pool_tasks'] as const;
export type HousingAction = (typeof HOUSING_ACTIONS)[number];

/**
 * The permission each action needs. Viewing and managing the supply are the module's own
 * permissions; the names of waiting-list applicants beside the elderly stock belong to those who
 * work with the waiting list (allocation.read); pools ending soon are a task for those who manage.
 */
export const HOUSING_PERMISSION: Record<HousingAction, Permission> = {
  view: 'housing.read',
  manage: 'housing.manage',
  view_applicants: 'allocation.read',
  see_pool_tasks: 'housing.manage',
};

export function canHousing(actor: Pick<Actor, 'permissions'>, action: HousingAction): boolean {
  return actor.permissions.has(HOUSING_PERMISSION[action]);
}

export function assertCanHousing(...args: Parameters<typeof canHousing>): void {
  if (!canHousing(...args)) throw new AppError('FORBIDDEN');
}

/** Only users with the housing-organisation role act for an organisation (as its contacts). */
export function canBeContact(user: { role_code: string }): boolean {
  return user.role_code === 'partner_housing';
}

/**
 * Every requested contact must be one of the municipality's housing-organisation users; the first
 * that is not is named by its index in `userIds`.
 */
export function assertContacts(
  userIds: readonly string[],
  users: readonly { id: string; role_code: string }[],
) {
  const allowed = new Set(users.filter(canBeContact).map((u) => u.id));
  const bad = userIds.findIndex((id) => !allowed.has(id));
  if (bad >= 0) throw invalidField(`userIds.${bad}`, 'not_partner');
}

// ---- periods ----

/** A period ends before it starts when it has an end and the end is earlier (open ends never do). */
export function endsBeforeStart(from: string, to: string | null | undefined): boolean {
  return Boolean(to) && (to as string) < from;
}

/** Refuses a backwards period, naming the end field. */
export function assertPeriod(from: string, to: string | null | undefined, path: string): void {
  if (endsBeforeStart(from, to)) throw invalidField(path, 'end_before_start');
}

/** Whether a validity period (open end = for ever) covers a date. */
export function inForceOn(period: { valid_from: string; valid_to: string | null }, date: string): boolean {
  return period.valid_from <= date && (period.valid_to === null || period.valid_to >= date);
}

// ---- framework agreements ----

export interface QuotaLine {
  departmentId: string;
  unitType: string;
}

/** Index of the first quota for a department that is not the organisation's, or -1. */
export function firstForeignQuota(
  quotas: readonly QuotaLine[],
  ownDepartmentIds: ReadonlySet<string>,
): number {
  return quotas.findIndex((q) => !ownDepartmentIds.has(q.departmentId));
}

/** Index of the first quota repeating a department and unit type already given, or -1. */
export function firstDuplicateQuota(quotas: readonly QuotaLine[]): number {
  const seen = new Set<string>();
  for (const [i, q] of quotas.entries()) {
    const key = `${q.departmentId}:${q.unitType}`;
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}

/** An agreement's quotas are for the organisation's own departments, one per department and unit type. */
export function assertAgreementQuotas(
  quotas: readonly QuotaLine[],
  ownDepartmentIds: ReadonlySet<string>,
): void {
  const foreign = firstForeignQuota(quotas, ownDepartmentIds);
  if (foreign >= 0) throw invalidField(`quotas.${foreign}.departmentId`, 'invalid');
  const duplicate = firstDuplicateQuota(quotas);
  if (duplicate >= 0) throw invalidField(`quotas.${duplicate}.unitType`, 'duplicate');
}

/**
 * A department has quotas in one agreement at a time: any other agreement with quotas for the same
 * departments over an overlapping period refuses the save, naming the first clash.
 */
export function assertNoAgreementOverlap(
  overlaps: readonly { department_number: string; agreement_name: string }[],
): void {
  const [first] = overlaps;
  if (!first) return;
  throw new AppError('AGREEMENT_OVERLAP', {
    params: { departmentNumber: first.department_number, agreementName: first.agreement_name },
    fields: [{ path: 'validFrom', code: 'agreement_overlap' }],
  });
}

// ---- organisations and departments ----

/** An organisation name belongs to one organisation (case-insensitive): another holder refuses it. */
export function assertOrganisationNameFree(holder: { id: string } | undefined, ownId: string | null): void {
  if (holder && holder.id !== ownId)
    throw new AppError('HOUSING_NAME_TAKEN', { fields: [{ path: 'name', code: 'taken' }] });
}

/** A department number is unique within its organisation. */
export function assertDepartmentNumberFree(holder: { id: string } | undefined): void {
  if (holder) throw new AppError('DEPARTMENT_NUMBER_TAKEN', { fields: [{ path: 'number', code: 'taken' }] });
}

/** A department has one area status from each date. */
export function assertAreaStatusDateFree(holder: { id: string } | undefined): void {
  if (holder)
    throw new AppError('AREA_STATUS_DATE_TAKEN', { fields: [{ path: 'validFrom', code: 'taken' }] });
}

/**
 * A unique violation that slipped past the checks above (two saves at once) is the same "taken"
 * error, naming the field; any other error is rethrown.
 */
export function rethrowTaken(
  error: unknown,
  code: 'HOUSING_NAME_TAKEN' | 'DEPARTMENT_NUMBER_TAKEN' | 'AREA_STATUS_DATE_TAKEN',
  path: string,
): never {
  if (isUniqueViolation(error)) throw new AppError(code, { fields: [{ path, code: 'taken' }] });
  throw error;
}

// ---- rent-subsidy pools ----

/** A pool's rent band must not be upside down. */
export function assertRentBand(band: { rentMin: number; rentMax: number }): void {
  if (band.rentMax < band.rentMin) throw invalidField('rentMax', 'below_min');
}

/** A unit bound to a pool must have a rent within the pool's band (both ends included). */
export function rentInBand(rent: number, band: { rentMin: number; rentMax: number }): boolean {
  return rent >= band.rentMin && rent <= band.rentMax;
}

export function assertRentInBand(...args: Parameters<typeof rentInBand>): void {
  if (!rentInBand(...args)) throw invalidField('rent', 'outside_band');
}

/** A unit counts in its pool on a date until its binding ends (an open binding never ends). */
export function boundOn(unit: { bound_to: string | null }, date: string): boolean {
  return !unit.bound_to || unit.bound_to >= date;
}

// ---- errors ----

/** A validation error on one field. */
export function invalidField(path: string, code: string): AppError {
  return new AppError('V_VALIDATION', { fields: [{ path, code }] });
}
