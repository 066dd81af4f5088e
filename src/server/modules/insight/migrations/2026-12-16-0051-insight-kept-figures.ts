import { type Kysely, sql } from 'kysely';

/**
 * The computed figures kept for every app process (ADR 0026, amended for the committee report):
 * `dashboard_snapshot` becomes `insight_kept_figures`, which holds the committee report's figures
 * as well as the dashboards', each key naming what it keeps (`dashboard|…`, `committee|…`). The kept
 * rows are computed again on the next view, so they are removed rather than given a new key. The
 * table keeps its row-level security policy and grants. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
delete from dashboard_snapshot;
alter table dashboard_snapshot rename to insight_kept_figures;
alter table insight_kept_figures rename constraint dashboard_snapshot_pkey to insight_kept_figures_pkey;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
delete from insight_kept_figures;
alter table insight_kept_figures rename constraint insight_kept_figures_pkey to dashboard_snapshot_pkey;
alter table insight_kept_figures rename to dashboard_snapshot;
`)
    .execute(db);
}
