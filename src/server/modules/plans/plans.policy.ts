import type { Permission } from '../../../shared/permissions';
import { AppError } from '../../errors';

/** What a user is to a plan: the facts need-to-know is decided on. */
export interface PlanRelation {
  coordinator: boolean;
  actionOwner: boolean;
  supportWorker: boolean;
}

export type PlanAccess = 'none' | 'read' | 'write';

/**
 * Need-to-know (design.md §1, domain.md "Data protection"): the coordinator, the owners of the
 * plan's actions and the citizen's support workers see the plan; a role that reads every plan
 * (`plans.all`, the authority's caseworkers) does too; everyone else is told "not found". Those who
 * see it may change it if they hold `plans.write`.
 */
export function planAccess(permissions: ReadonlySet<Permission>, relation: PlanRelation): PlanAccess {
  if (!permissions.has('plans.read')) return 'none';
  const related = relation.coordinator || relation.actionOwner || relation.supportWorker;
  if (!related && !permissions.has('plans.all')) return 'none';
  return permissions.has('plans.write') ? 'write' : 'read';
}

/** Throws NOT_FOUND (never "forbidden": the plan's existence is itself personal data). */
export function assertCanRead(access: PlanAccess): void {
  if (access === 'none') throw new AppError('NOT_FOUND');
}

export function assertCanWrite(access: PlanAccess): void {
  assertCanRead(access);
  if (access !== 'write') throw new AppError('FORBIDDEN');
}
