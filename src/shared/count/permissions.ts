import { definePermissions, type NamesOf } from '../permissions';

/**
 * The week-6 count's permissions (granted to roles by migration 0031):
 * - `count.read`: the counts and their registrations, person by person (case work: caseworkers,
 *   support workers and the administrator who coordinates the count);
 * - `count.register`: register a person in an open count and correct a registration (caseworkers
 *   and support workers: the units that meet the person);
 * - `count.manage`: open a year's count, close it, and export the answers for VIVE (administrator);
 * - `count.report`: the count report, small numbers suppressed (leader, economy, administrator,
 *   caseworker).
 */
export const COUNT_PERMISSIONS = definePermissions([
  'count.read',
  'count.register',
  'count.manage',
  'count.report',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof COUNT_PERMISSIONS> {}
}
