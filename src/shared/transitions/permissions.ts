import { definePermissions, type NamesOf } from '../permissions';

/**
 * The transitions module's permissions (granted to roles by its migration 0029):
 * - `transitions.read` / `transitions.write`: the transition plans a user has need-to-know of (a
 *   Hjemvej user taking part in the plan, the young person's support worker) and the catalogue of
 *   youth offers;
 * - `transitions.all`: every transition plan of the municipality (the caseworkers, myndighed);
 * - `transitions.catalogue`: keeps the municipality's catalogue of youth offers (the administrator).
 */
export const TRANSITIONS_PERMISSIONS = definePermissions([
  'transitions.read',
  'transitions.write',
  'transitions.all',
  'transitions.catalogue',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof TRANSITIONS_PERMISSIONS> {}
}
