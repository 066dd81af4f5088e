import { definePermissions, type NamesOf } from '../permissions';

/** The prevention module's permissions (granted to roles by migrations). */
export const PREVENTION_PERMISSIONS = definePermissions([
  'prevention.read',
  'prevention.manage',
  'prevention.reports',
  'notices.report',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof PREVENTION_PERMISSIONS> {}
}
