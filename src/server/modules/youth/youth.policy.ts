import type { Actor } from '../../platform/actor';

/**
 * Need-to-know (design.md §1): a caseworker (youth.write) sees every young person of the
 * municipality, child and adult area alike, since both sides act on one case; a reader without
 * youth.write (a support worker) sees only the young people whose support worker they are.
 */
export function seesAllYoungPeople(actor: Actor): boolean {
  return actor.permissions.has('youth.write');
}

/** Whether a reader limited by need-to-know may see a young person, given its support workers. */
export function mayRead(actor: Actor, supportWorkers: readonly string[] | undefined): boolean {
  return seesAllYoungPeople(actor) || (supportWorkers ?? []).includes(actor.userId);
}
