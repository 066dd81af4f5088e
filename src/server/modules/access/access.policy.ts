import { AppError } from '../../errors';
import type { Actor } from '../../platform/actor';
import type { AppUserRow } from './access.table';

/**
 * An administrator may not disable themself or change their own role: a municipality must never
 * lose its last administrator by a slip of the mouse.
 */
export function canChangeUser(
  actor: Actor,
  target: Pick<AppUserRow, 'id' | 'role_code' | 'disabled_at'>,
  change: { role?: string | undefined; disabled?: boolean | undefined },
): boolean {
  if (actor.userId !== target.id) return true;
  const changesRole = change.role !== undefined && change.role !== target.role_code;
  return !changesRole && change.disabled !== true;
}

export function assertCanChangeUser(...args: Parameters<typeof canChangeUser>): void {
  if (!canChangeUser(...args)) throw new AppError('USER_CANNOT_CHANGE_SELF');
}

/** The role whose users act for one housing organisation (design.md §1: partner_housing). */
export const PARTNER_ROLE = 'partner_housing';

/**
 * A housing-organisation user is linked to the one organisation it acts for; no other role is
 * (issue 14 §3). `organisationId` undefined means "not given". A user who already holds the role
 * keeps its link when the change does not name one.
 */
export function organisationProblem(
  role: string,
  organisationId: string | null | undefined,
  alreadyPartner = false,
): 'USER_ORGANISATION_REQUIRED' | 'USER_ORGANISATION_NOT_ALLOWED' | null {
  if (role === PARTNER_ROLE) {
    if (organisationId === null) return 'USER_ORGANISATION_REQUIRED';
    if (organisationId === undefined && !alreadyPartner) return 'USER_ORGANISATION_REQUIRED';
    return null;
  }
  return organisationId ? 'USER_ORGANISATION_NOT_ALLOWED' : null;
}

export function assertOrganisationFits(...args: Parameters<typeof organisationProblem>): void {
  const problem = organisationProblem(...args);
  if (problem)
    throw new AppError(problem, {
      fields: [
        { path: 'organisationId', code: problem === 'USER_ORGANISATION_REQUIRED' ? 'required' : 'invalid' },
      ],
    });
}
