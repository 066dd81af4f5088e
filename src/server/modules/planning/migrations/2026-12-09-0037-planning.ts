import { type Kysely, sql } from 'kysely';

/**
 * Planning (issue 19): the municipality's saved scenarios — the scenario as the user stated it, the
 * draws and seed of its Monte Carlo run, the month end the model was fitted up to, the run's status
 * and progress, the forecast's result, and whether it is shown in the committee report. A run's
 * progress touches `updated_at`, so a run whose process stopped is told from a running one.
 * Grants `planning.read` (leader, economy, allocation, admin) and `planning.run` (leader, economy,
 * admin). Frozen.
 */
const GRANTS: Record<string, string[]> = {
  'planning.read': ['leader', 'economy', 'allocation', 'admin'],
  'planning.run': ['leader', 'economy', 'admin'],
};

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table planning_scenario (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  name text not null check (length(name) between 1 and 120),
  scenario jsonb not null,
  draws integer not null check (draws between 1 and 100000),
  seed integer not null,
  fitted_up_to date,
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  progress real not null default 0 check (progress between 0 and 1),
  error text,
  result jsonb,
  in_report boolean not null default false,
  created_by uuid references app_user(id),
  -- The clock, not the transaction's start: scenarios saved in one transaction keep their order.
  created_at timestamptz not null default clock_timestamp(),
  updated_at timestamptz not null default now(),
  check (status <> 'done' or result is not null),
  check (not in_report or status = 'done')
);
create index planning_scenario_idx on planning_scenario (municipality_id, created_at desc);
alter table planning_scenario enable row level security;
create policy tenant on planning_scenario using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update, delete on planning_scenario to hjemvej_app;`)
    .execute(db);
  await db
    .insertInto('role_permission')
    .values(
      Object.entries(GRANTS).flatMap(([permission, roles]) =>
        roles.map((role_code) => ({ role_code, permission })),
      ),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'planning.%'`.execute(db);
  await sql`drop table planning_scenario`.execute(db);
}
