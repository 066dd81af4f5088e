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
