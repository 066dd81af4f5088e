import { definePermissions, type NamesOf } from '../permissions';

/**
 * The shelters module's permissions (granted to roles by its migration):
 * - `shelters.manage`: the municipality's shelters, their places, daily rates and users (admin);
 * - `shelters.stays`: a shelter's own residents: admissions, notifications and discharges
 *   (the shelter's staff, role `partner_shelter`, linked to one shelter);
 * - `shelters.read`: the stays of the municipality's citizens, notifications received and
 *   municipal discharges (caseworkers);
 * - `shelters.casework`: the citizens in shelters the municipality is handlekommune for, and their
 *   § 141/§ 142 action plans (caseworkers);
 * - `shelters.statistics`: stay lengths, small numbers suppressed (a shelter's staff for their own
 *   shelter; economy, leader and admin for every shelter).
 */
export const SHELTERS_PERMISSIONS = definePermissions([
  'shelters.manage',
  'shelters.stays',
  'shelters.read',
  'shelters.casework',
  'shelters.statistics',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof SHELTERS_PERMISSIONS> {}
}
