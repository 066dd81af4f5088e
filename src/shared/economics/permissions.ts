import { definePermissions, type NamesOf } from '../permissions';

/**
 * The economics module's permissions (granted to roles by migration 0026):
 * - `economics.read`: the municipality's costs, refunds and the reform's dilemma as aggregates,
 *   small numbers suppressed (economy, leader);
 * - `economics.settings`: the refund and cost settings in force (economy, leader, admin);
 * - `economics.manage`: new dated settings (admin).
 */
export const ECONOMICS_PERMISSIONS = definePermissions([
  'economics.read',
  'economics.settings',
  'economics.manage',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof ECONOMICS_PERMISSIONS> {}
}
