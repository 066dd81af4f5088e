import { definePermissions, type NamesOf } from '../permissions';

/** The housing module's permissions (granted to roles by migrations). */
export const HOUSING_PERMISSIONS = definePermissions(['housing.read', 'housing.manage'] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof HOUSING_PERMISSIONS> {}
}
