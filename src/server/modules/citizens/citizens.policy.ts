import type { Actor } from '../../platform/actor';

/**
 * What of a citizen a role may see and do. Sensitive flags (health, substance abuse, placement)
 * and free-text notes need `citizens.sensitive`; a leader has only `citizens.read` and so sees
 * neither (issue 3 §8, design.md §1). The CPR number (masked; the full number by a logged "show"),
 * phone, e-mail and address need `citizens.identity`, which the leader has not (issue 20 (d)).
 */
export function citizenAbilities(actor: Pick<Actor, 'permissions'>) {
  return {
    write: actor.permissions.has('citizens.write'),
    sensitive: actor.permissions.has('citizens.sensitive'),
    merge: actor.permissions.has('citizens.merge'),
    showCpr: actor.permissions.has('citizens.identity'),
  };
}

/**
 * Which citizens a user may see and change through the registry (need-to-know, design.md §1,
 * issue 20 (d)): every citizen of the municipality with `citizens.all`, else only her caseload —
 * the citizens of her active support enrollments and of the active coherent plans she coordinates
 * or owns an action in (the SQL function `citizen_caseload`, migration 0039). Enforced in SQL by
 * the repositories; a citizen outside the scope is "not found".
 */
export type CitizenScope = { all: true } | { all: false; userId: string };

export function citizenScope(actor: Pick<Actor, 'userId' | 'permissions'>): CitizenScope {
  return actor.permissions.has('citizens.all') ? { all: true } : { all: false, userId: actor.userId };
}

/** Every citizen: for the calls other modules make on their own decisions (addEpisode, createCitizen). */
export const EVERY_CITIZEN: CitizenScope = { all: true };
