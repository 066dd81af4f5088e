import { definePermissions, type NamesOf } from '../permissions';

/**
 * The placements module's permissions (granted to roles by its migration 0025):
 * - `placements.read`: the municipality's § 107/§ 108 placements and the skæve boliger with their
 *   tenants (caseworkers — myndighed, who see every citizen of the municipality — and the
 *   administrator). Support workers, who see only their own caseload (need-to-know, design.md §1),
 *   are not granted it; neither are leader and economy, who get figures through the economics
 *   module, never names;
 * - `placements.manage`: decide, start and end placements, start and end tenancies (caseworkers);
 * - `placements.units`: the skæve boliger unit register (the administrator).
 */
export const PLACEMENTS_PERMISSIONS = definePermissions([
  'placements.read',
  'placements.manage',
  'placements.units',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof PLACEMENTS_PERMISSIONS> {}
}
