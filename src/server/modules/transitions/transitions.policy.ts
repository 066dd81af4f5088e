import type { Permission } from '../../../shared/permissions';
import { AppError } from '../../errors';

/** What a user is to a transition plan: the facts need-to-know is decided on. */
export interface TransitionRelation {
  /** The user takes part in the plan as a Hjemvej user (a child-area or adult-area caseworker, …). */
  participant: boolean;
  /** The user is a support worker of the young person (the support module's caseload). */
  supportWorker: boolean;
}

export type TransitionAccess = 'none' | 'read' | 'write';

/**
 * Need-to-know (design.md §1): the caseworkers (`transitions.all`) see every plan of the
 * municipality; a Hjemvej user taking part in a plan and the young person's support worker see that
 * plan; everyone else is told "not found". Those who see it may change it with `transitions.write`.
 */
export function transitionAccess(
  permissions: ReadonlySet<Permission>,
  relation: TransitionRelation,
): TransitionAccess {
  if (!permissions.has('transitions.read')) return 'none';
  const related = relation.participant || relation.supportWorker;
  if (!related && !permissions.has('transitions.all')) return 'none';
  return permissions.has('transitions.write') ? 'write' : 'read';
}

/** Throws NOT_FOUND (never "forbidden": the plan's existence is itself personal data). */
export function assertCanRead(access: TransitionAccess): void {
  if (access === 'none') throw new AppError('NOT_FOUND');
}

export function assertCanWrite(access: TransitionAccess): void {
  assertCanRead(access);
  if (access !== 'write') throw new AppError('FORBIDDEN');
}
