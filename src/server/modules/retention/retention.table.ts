import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { TableCount } from '../../../shared/retention/api';

/** A municipality's retention policy: whole years after a citizen's last activity (migration 0042). */
export interface RetentionPolicyTable {
  municipality_id: string;
  years: number;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** One dry run or deletion run of the retention policy (migration 0042). */
export interface RetentionRunTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'dry_run' | 'deletion';
  ran_at: Generated<Date>;
  ran_by: string | null;
  years: number;
  cutoff: ColumnType<string, string, string>;
  citizens: Generated<number>;
  failed: Generated<number>;
  audit_pseudonymised: Generated<number>;
  audit_kept_clear: Generated<number>;
  tables: JSONColumnType<TableCount[]>;
  /** A dry run's citizens, until a deletion run confirms it (then empty). */
  candidates: string[] | null;
  confirmed_by: string | null;
  finished_at: Date | null;
}

declare module '../../db/schema' {
  interface Database {
    retention_policy: RetentionPolicyTable;
    retention_run: RetentionRunTable;
  }
}
