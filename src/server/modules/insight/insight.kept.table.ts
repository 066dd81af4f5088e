/**
 * Computed figures kept for every process (migrations 0048 and 0051, ADR 0026): a dashboard or a
 * committee report's figures, already suppressed for their key. No personal data.
 */
export interface InsightKeptFiguresTable {
  municipality_id: string;
  /** What is kept and for whom: `dashboard|…` or `committee|…`, then the date, limit and permissions. */
  key: string;
  as_of: string;
  computed_at: Date;
  /** The figures as JSON: a `Dashboard` or a committee report's `CommitteeFigures`, by the key. */
  body: object;
}

declare module '../../db/schema' {
  interface Database {
    insight_kept_figures: InsightKeptFiguresTable;
  }
}
