import { definePermissions, type NamesOf } from '../permissions';

/**
 * The youth module's permissions (granted to roles by its migration 0028):
 * - `youth.read`: the young people aged 15–29 with their youth profile, placements, supports,
 *   transition decision and caseworker pair. Caseworkers (myndighed, child and adult area alike)
 *   see every young person of the municipality; support workers are granted it too but see only the
 *   young people they support (need-to-know, design.md §1). Leader and economy are not granted it:
 *   they get figures, never names;
 * - `youth.write`: record the youth profile, placements, supports, the decision on youth support
 *   and the caseworker pair (caseworkers);
 * - `youth.indicators`: the youth indicators per year, small numbers suppressed (leader and
 *   administrator, migration 0030).
 */
export const YOUTH_PERMISSIONS = definePermissions([
  'youth.read',
  'youth.write',
  'youth.indicators',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof YOUTH_PERMISSIONS> {}
}
