import type { Permission } from '../../../shared/permissions';
import type { Actor } from '../../platform/actor';
import type { Scope } from './support.repository';

/** What each step of the support module demands (routes declare these). */
export const SUPPORT_STEPS = {
  readCaseload: 'support.read',
  writeCaseload: 'support.write',
  readCatalogue: 'support.read',
  manageCatalogue: 'support.manage',
  readReports: 'support.reports',
} as const satisfies Record<string, Permission>;

/**
 * Need-to-know (design.md §1): a support worker sees and writes only her own caseload (her team's,
 * when the team shares it); a user holding `support.all` (myndighed, administrator) sees every
 * enrollment of the municipality. Enforced in SQL by the repository's scope.
 */
export function scopeOf(actor: Pick<Actor, 'userId' | 'permissions'>): Scope {
  return actor.permissions.has('support.all') ? { all: true } : { all: false, userId: actor.userId };
}

/** Notes on contacts are case notes: only roles allowed sensitive data read or write them. */
export function notesVisible(actor: Pick<Actor, 'permissions'>): boolean {
  return actor.permissions.has('citizens.sensitive');
}

/**
 * Who an enrollment may be assigned to: anyone (with `support.all`), or, for a support worker,
 * herself or her own team.
 */
export function mayAssign(
  actor: Pick<Actor, 'permissions'>,
  own: { workerId: string; teamId: string | null } | null,
  target: { workerId: string | null; teamId: string | null },
): boolean {
  if (actor.permissions.has('support.all')) return true;
  if (!own) return false;
  if (target.workerId) return target.workerId === own.workerId;
  return target.teamId !== null && target.teamId === own.teamId;
}
