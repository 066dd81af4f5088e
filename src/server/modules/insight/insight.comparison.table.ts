import type { ColumnType, Generated, Selectable } from 'kysely';

/** A municipality's decision on sharing its suppressed figures (issue 18 §7), with who and when. */
export interface InsightSharingTable {
  municipality_id: string;
  sharing: boolean;
  changed_by: string;
  changed_at: ColumnType<Date, Date | undefined, Date>;
  published_at: Date | null;
}

/**
 * One figure a municipality shares, already suppressed at its limit (rule 33): the one path across
 * tenants (migration 0034). Written by the municipality itself; read by the others that share.
 */
export interface SharedIndicatorTable {
  municipality_id: string;
  municipality_code: string;
  municipality_name: string;
  key: string;
  period: string;
  /** "12", "0", "<5" or "x": the database refuses anything smaller than the limit. */
  value: string;
  suppression_limit: number;
  inhabitants: number;
  published_at: Generated<Date>;
}

export type SharedIndicatorRow = Selectable<SharedIndicatorTable>;

declare module '../../db/schema' {
  /** The comparison across municipalities (migration 0034). */
  interface Database {
    insight_sharing: InsightSharingTable;
    shared_indicator: SharedIndicatorTable;
  }
}
