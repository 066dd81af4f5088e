import { definePermissions, type NamesOf } from '../permissions';

/**
 * The planning module's permissions (granted to roles by migration 0037):
 * - `planning.read`: the baseline and the saved scenarios of the municipality — figures only, the
 *   past suppressed (leader, economy, allocation, admin);
 * - `planning.run`: run, save, delete a scenario and add it to the committee report (leader,
 *   economy, admin).
 */
export const PLANNING_PERMISSIONS = definePermissions(['planning.read', 'planning.run'] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof PLANNING_PERMISSIONS> {}
}
