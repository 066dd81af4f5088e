import type { Actor } from '../../platform/actor';

/**
 * What of a citizen a role may see and do. Sensitive flags (health, substance abuse, placement)
 * and free-text notes need `citizens.sensitive`; a leader has only `citizens.read` and so sees
 * neither (issue 3 §8, design.md §1).
 */
export function citizenAbilities(actor: Pick<Actor, 'permissions'>) {
  return {
    write: actor.permissions.has('citizens.write'),
    sensitive: actor.permissions.has('citizens.sensitive'),
    merge: actor.permissions.has('citizens.merge'),
  };
}
