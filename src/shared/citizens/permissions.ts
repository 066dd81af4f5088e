import { definePermissions, type NamesOf } from '../permissions';

/** The citizens module's permissions (granted to roles by migrations). */
export const CITIZENS_PERMISSIONS = definePermissions([
  'citizens.read',
  'citizens.write',
  'citizens.sensitive',
  'citizens.import',
  'citizens.merge',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof CITIZENS_PERMISSIONS> {}
}
