import { definePermissions, type NamesOf } from '../permissions';

/**
 * The support module's permissions (granted to roles by migration 0016):
 * - `support.read` / `support.write`: enrollments and contacts, limited to the worker's own caseload
 *   unless the user also holds `support.all` (need-to-know, design.md §1);
 * - `support.all`: every enrollment of the municipality (myndighed, administrator);
 * - `support.manage`: the method catalogue, its fidelity norms, workers and teams;
 * - `support.reports`: caseload, fidelity and housing retention as aggregates (leader, economy).
 */
export const SUPPORT_PERMISSIONS = definePermissions([
  'support.read',
  'support.write',
  'support.all',
  'support.manage',
  'support.reports',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof SUPPORT_PERMISSIONS> {}
}
