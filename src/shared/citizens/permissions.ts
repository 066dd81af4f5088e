import { definePermissions, type NamesOf } from '../permissions';

/**
 * The citizens module's permissions (granted to roles by migrations). `citizens.all`: sees every
 * citizen of the municipality, not only the own caseload (issue 20 (d)); `citizens.identity`: sees
 * the CPR number (masked, the full number through a logged "show"), phone, e-mail and address.
 */
export const CITIZENS_PERMISSIONS = definePermissions([
  'citizens.read',
  'citizens.all',
  'citizens.identity',
  'citizens.write',
  'citizens.sensitive',
  'citizens.import',
  'citizens.merge',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof CITIZENS_PERMISSIONS> {}
}
