import { type Kysely, sql } from 'kysely';

/**
 * Support (issue 15): the method catalogue's dated fidelity norms, the dated contact-gap setting,
 * teams, workers, enrollments (forløb) with CTI's phase changes, and contacts. Settings and phase
 * changes are history (insert only); enrollments are updated only to end them. A municipality
 * without stored norms reads the shipped defaults from the code (src/shared/support/model.ts); the
 * existing municipalities get those defaults stored here, dated 1 October 2023 (§ 85 a in force).
 * Frozen.
 */
const DEFAULTS: [string, string, number | null, number | null, string | null, boolean, number | null][] = [
  ['cti', 's85a', 20, 30, '{7,14,30}', true, 6000],
  ['icm', 's85a', 20, null, null, false, 7500],
  ['act', 's85a', 10, null, null, false, 10800],
  ['spir', 's85', null, null, null, false, 10000],
  ['bostoette_85', 's85', null, null, null, false, 3500],
  ['stoettekontaktperson', 'other', null, null, null, false, 3000],
  ['treatment_substance', 'other', null, null, null, false, null],
  ['treatment_psychiatry', 'other', null, null, null, false, null],
];

const METHODS = `'cti', 'icm', 'act', 'spir', 'bostoette_85', 'stoettekontaktperson', 'treatment_substance',
    'treatment_psychiatry'`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table support_method_setting (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  method text not null check (method in (${METHODS})),
  valid_from date not null,
  legal_basis text not null check (legal_basis in ('s85', 's85a', 'other')),
  caseload_norm numeric(6, 1) check (caseload_norm > 0 and caseload_norm <= 1000),
  contact_building_days int check (contact_building_days between 0 and 365),
  phase_interval_days int[] check (phase_interval_days is null or cardinality(phase_interval_days) = 3),
  lease_required boolean not null,
  monthly_cost numeric(12, 2) check (monthly_cost >= 0),
  recorded_at timestamptz not null default now(),
  recorded_by uuid references app_user(id)
);
create index support_method_setting_idx on support_method_setting (municipality_id, method, valid_from);

create table support_contact_gap_setting (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  valid_from date not null,
  days int not null check (days between 1 and 365),
  recorded_at timestamptz not null default now(),
  recorded_by uuid references app_user(id)
);
create index support_contact_gap_setting_idx on support_contact_gap_setting (municipality_id, valid_from);

create table support_team (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  name text not null check (length(name) between 1 and 200),
  shared_caseload boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index support_team_name on support_team (municipality_id, lower(name));

create table support_worker (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  user_id uuid not null references app_user(id),
  team_id uuid references support_team(id),
  fte numeric(3, 2) not null check (fte > 0 and fte <= 1),
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index support_worker_user on support_worker (municipality_id, user_id);
create index support_worker_team_idx on support_worker (team_id);

create table support_enrollment (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  method text not null check (method in (${METHODS})),
  worker_id uuid references support_worker(id),
  team_id uuid references support_team(id),
  decision_on date not null,
  legal_basis text not null check (legal_basis in ('s85', 's85a', 'other')),
  provider_wish text check (length(provider_wish) between 1 and 300),
  provider_wish_followed boolean,
  provider_wish_reason text check (length(provider_wish_reason) between 1 and 2000),
  start_on date not null,
  planned_end_on date,
  end_on date,
  end_reason text check (end_reason in ('completed', 'goals_met', 'moved_away', 'declined', 'lost_contact',
    'other_support', 'evicted', 'died', 'other')),
  created_at timestamptz not null default now(),
  created_by uuid references app_user(id),
  check ((worker_id is null) <> (team_id is null)),
  check ((end_on is null) = (end_reason is null)),
  check (end_on is null or end_on >= start_on),
  check (planned_end_on is null or planned_end_on >= start_on),
  check (method not in ('icm', 'act') or planned_end_on is null)
);
-- One active enrollment per citizen and method.
create unique index support_enrollment_active on support_enrollment (municipality_id, citizen_id, method)
  where end_on is null;
create index support_enrollment_citizen_idx on support_enrollment (citizen_id);
create index support_enrollment_worker_idx on support_enrollment (worker_id) where end_on is null;
create index support_enrollment_team_idx on support_enrollment (team_id) where end_on is null;

create table support_phase_change (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  enrollment_id uuid not null references support_enrollment(id),
  phase text not null check (phase in ('contact_building', 'phase1', 'phase2', 'phase3')),
  from_on date not null,
  recorded_at timestamptz not null default now(),
  recorded_by uuid references app_user(id)
);
create index support_phase_change_idx on support_phase_change (enrollment_id, from_on);

create table support_contact (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  enrollment_id uuid not null references support_enrollment(id),
  contact_on date not null,
  kind text not null check (kind in ('home_visit', 'phone', 'meeting', 'escort', 'missed')),
  by_user_id uuid references app_user(id),
  note text check (length(note) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index support_contact_idx on support_contact (enrollment_id, contact_on);
create index support_contact_month_idx on support_contact (municipality_id, contact_on);
`)
    .execute(db);
  const verbs: Record<string, string> = {
    support_method_setting: 'select, insert',
    support_contact_gap_setting: 'select, insert',
    support_team: 'select, insert, update',
    support_worker: 'select, insert, update',
    support_enrollment: 'select, insert, update',
    support_phase_change: 'select, insert',
    support_contact: 'select, insert',
  };
  for (const [table, grant] of Object.entries(verbs)) {
    await sql
      .raw(`
alter table ${table} enable row level security;
create policy tenant on ${table} using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant ${grant} on ${table} to hjemvej_app;`)
      .execute(db);
  }
  await storeDefaults(db);
  const grants: [string, string][] = [];
  for (const p of ['support.read', 'support.write'])
    grants.push(['support', p], ['caseworker', p], ['admin', p]);
  grants.push(['caseworker', 'support.all'], ['admin', 'support.all'], ['admin', 'support.manage']);
  for (const role of ['leader', 'economy', 'admin']) grants.push([role, 'support.reports']);
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

/** The shipped defaults, stored for every municipality that has none yet; run by up(), and by its test. */
// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function storeDefaults(db: Kysely<any>): Promise<void> {
  for (const [method, basis, norm, building, intervals, lease, cost] of DEFAULTS) {
    await sql`
      insert into support_method_setting (municipality_id, method, valid_from, legal_basis, caseload_norm,
        contact_building_days, phase_interval_days, lease_required, monthly_cost)
      select id, ${method}, date '2023-10-01', ${basis}, ${norm}, ${building}, ${intervals}::int[], ${lease}, ${cost}
      from municipality m
      where not exists (select 1 from support_method_setting s where s.municipality_id = m.id and s.method = ${method})`.execute(
      db,
    );
  }
  await sql`
    insert into support_contact_gap_setting (municipality_id, valid_from, days)
    select id, date '2023-10-01', 14 from municipality m
    where not exists (select 1 from support_contact_gap_setting s where s.municipality_id = m.id)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'support.%'`.execute(db);
  await sql
    .raw(`drop table support_contact, support_phase_change, support_enrollment, support_worker, support_team,
      support_contact_gap_setting, support_method_setting;`)
    .execute(db);
}
