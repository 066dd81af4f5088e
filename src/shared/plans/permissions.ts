import { definePermissions, type NamesOf } from '../permissions';

/**
 * The plans module's permissions (granted to roles by its migration):
 * - `plans.read` / `plans.write`: the coherent plans a user has need-to-know of (coordinator, action
 *   owner, support worker);
 * - `plans.all`: every plan of the municipality (the authority's caseworkers);
 * - `plans.alerts`: records and imports benefit sanctions and deposit-loan / § 81 cases.
 */
export const PLANS_PERMISSIONS = definePermissions([
  'plans.read',
  'plans.write',
  'plans.all',
  'plans.alerts',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof PLANS_PERMISSIONS> {}
}
