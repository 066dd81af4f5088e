import type {
  AppUserTable,
  LoginThrottleTable,
  MunicipalityTable,
  RolePermissionTable,
  RoleTable,
  SessionTable,
} from '../modules/access/access.table';
import type { AuditChainHeadTable, AuditEventTable } from '../modules/audit/audit.table';

/** Every table Kysely knows, each owned by one module (see its *.table.ts). */
export interface Database {
  municipality: MunicipalityTable;
  role: RoleTable;
  role_permission: RolePermissionTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
}
