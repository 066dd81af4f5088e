import { definePermissions, type NamesOf } from '../permissions';

/**
 * The insight module's permissions (granted to roles by its migration 0032):
 * - `insight.flow`: the monthly by-name flow (rule 35): active, inflow and outflow per month,
 *   overall, by age band and for the young people, small numbers suppressed. Figures, never names:
 *   the leader and the administrator, and the caseworker and allocation roles who steer by them.
 */
export const INSIGHT_PERMISSIONS = definePermissions(['insight.flow'] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof INSIGHT_PERMISSIONS> {}
}
