import type { Dashboard } from '../../../shared/insight/dashboard';

/** A computed dashboard kept for every process (migration 0048, ADR 0026). */
export interface DashboardSnapshotTable {
  municipality_id: string;
  /** The date, the small-number limit and the viewer's permissions the figures were computed for. */
  key: string;
  as_of: string;
  computed_at: Date;
  body: Dashboard;
}

declare module '../../db/schema' {
  interface Database {
    dashboard_snapshot: DashboardSnapshotTable;
  }
}
