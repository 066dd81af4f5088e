import { definePermissions, type NamesOf } from '../permissions';

/** The allocation module's permissions (granted to roles by migrations). */
export const ALLOCATION_PERMISSIONS = definePermissions([
  'allocation.apply',
  'allocation.read',
  'allocation.manage',
  'allocation.reports',
  'vacancies.report',
] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof ALLOCATION_PERMISSIONS> {}
}
