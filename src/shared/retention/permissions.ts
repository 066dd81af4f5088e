import { definePermissions, type NamesOf } from '../permissions';

/**
 * The retention module's permissions (granted to roles by migration 0042):
 * - `retention.manage`: the municipality's retention policy, dry runs and deletion runs
 *   (GDPR art. 5(1)(e); the administrator);
 * - `retention.register`: the register of processing activities (GDPR art. 30; the administrator
 *   and the auditor/DPO).
 */
export const RETENTION_PERMISSIONS = definePermissions(['retention.manage', 'retention.register'] as const);

declare module '../permissions' {
  interface ModulePermissions extends NamesOf<typeof RETENTION_PERMISSIONS> {}
}
