import { type Kysely, sql } from 'kysely';

/**
 * Housing allocation (issue 5): applications (indstilling) with the household's facts, their
 * status history and documents, the municipality's allocation policy, vacancies, offers,
 * tenancies, the daily fairness census and waiting-list snapshots. Nothing here is ever deleted
 * except an application's attached documents. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table allocation_settings (
  municipality_id uuid primary key references municipality(id),
  settings jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid
);

create table allocation_application (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  area text not null check (area in ('adult', 'child')),
  status text not null check (status in ('submitted', 'needs_info', 'approved', 'paused', 'rejected', 'removed',
    'housed', 'withdrawn')),
  target_grounds jsonb not null,
  justification text not null check (length(justification) between 1 and 5000),
  rooms_min int not null check (rooms_min between 1 and 20),
  rooms_max int check (rooms_max is null or rooms_max >= rooms_min),
  monthly_income numeric(10, 2) not null check (monthly_income >= 0),
  fixed_costs numeric(10, 2) not null check (fixed_costs >= 0),
  accessible_need boolean not null,
  wished_department_ids jsonb not null,
  excluded_department_ids jsonb not null,
  youth_wish boolean not null,
  in_education boolean not null,
  education_planned boolean not null,
  youth_special_need boolean not null,
  -- The household and the facts the law tests (members[0] is the applicant), validated by the service.
  members jsonb not null,
  household_size int not null check (household_size >= 1),
  priority text check (priority in ('acute', 'high', 'normal')),
  priority_reason text,
  waiting_since date,
  decision_reason text,
  info_request text,
  paused_until date,
  refusals int not null default 0,
  submitted_by uuid not null references app_user(id),
  submitted_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- A citizen has at most one open application.
create unique index allocation_application_open_key on allocation_application (citizen_id)
  where status in ('submitted', 'needs_info', 'approved', 'paused');
create index allocation_application_status_idx on allocation_application (municipality_id, status);

create table application_event (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  application_id uuid not null references allocation_application(id),
  action text not null,
  from_status text,
  to_status text not null,
  reason text,
  at timestamptz not null default now(),
  by_user uuid references app_user(id)
);
create index application_event_application_idx on application_event (application_id, at);

create table application_document (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  application_id uuid not null references allocation_application(id),
  file_name text not null check (length(file_name) between 1 and 255),
  content_type text not null,
  size int not null,
  content bytea not null,
  uploaded_at timestamptz not null default now(),
  uploaded_by uuid references app_user(id)
);
create index application_document_application_idx on application_document (application_id);

create table vacancy (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  department_id uuid not null references housing_department(id),
  address text not null check (length(address) between 1 and 300),
  unit_type text not null check (unit_type in ('family', 'youth', 'elderly', 'alternative')),
  rooms int not null check (rooms between 1 and 20),
  area_m2 numeric(7, 2) not null check (area_m2 > 0),
  rent numeric(10, 2) not null check (rent >= 0),
  utilities numeric(10, 2) not null check (utilities >= 0),
  deposit numeric(10, 2) not null check (deposit >= 0),
  accessible boolean not null,
  available_on date not null,
  origin text not null check (origin in ('agreement_quota', 'youth_quota', 'rehousing', 'subsidy_pool', 'new_build')),
  deadline_on date not null check (deadline_on >= available_on),
  status text not null default 'open' check (status in ('open', 'let', 'returned')),
  returned_on date,
  returned_reason text check (returned_reason in ('no_candidate', 'declined_by_all', 'deadline_passed',
    'unit_unsuitable', 'other')),
  returned_note text,
  reported_via text not null check (reported_via in ('officer', 'partner', 'import')),
  reported_by uuid references app_user(id),
  import_key text,
  created_at timestamptz not null default now()
);
create index vacancy_status_idx on vacancy (municipality_id, status, available_on);
create index vacancy_department_idx on vacancy (department_id, available_on);
-- The same row of an import file (department, address, available date) is never imported twice.
create unique index vacancy_import_key on vacancy (municipality_id, import_key) where import_key is not null;

create table offer (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  vacancy_id uuid not null references vacancy(id),
  application_id uuid not null references allocation_application(id),
  status text not null default 'open' check (status in ('open', 'accepted', 'declined', 'expired', 'withdrawn')),
  offered_at timestamptz not null default now(),
  offered_by uuid references app_user(id),
  reply_by date not null,
  responded_at timestamptz,
  responded_by uuid references app_user(id),
  decline_reason text check (decline_reason in ('no_reason', 'personal', 'too_expensive', 'size', 'area',
    'accessibility', 'health', 'other')),
  counts_as_refusal boolean not null default false,
  note text
);
-- A vacancy carries at most one live offer: the second officer's offer fails on this index.
create unique index offer_live_per_vacancy on offer (vacancy_id) where status = 'open';
-- A vacancy is let at most once.
create unique index offer_accepted_per_vacancy on offer (vacancy_id) where status = 'accepted';
create index offer_application_idx on offer (application_id, status);
create index offer_open_reply_idx on offer (municipality_id, reply_by) where status = 'open';

create table tenancy (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  vacancy_id uuid not null unique references vacancy(id),
  offer_id uuid not null unique references offer(id),
  application_id uuid not null references allocation_application(id),
  citizen_id uuid not null references citizen(id),
  accepted_on date not null,
  lease_signed_on date,
  planned_move_in_on date,
  moved_in_on date,
  created_at timestamptz not null default now()
);
create index tenancy_application_idx on tenancy (application_id);
create index tenancy_pending_idx on tenancy (municipality_id) where moved_in_on is null;

-- The fairness census: each day, for each open vacancy, who was eligible and their rank.
create table census_run (
  municipality_id uuid not null references municipality(id),
  vacancy_id uuid not null references vacancy(id),
  census_date date not null,
  eligible_count int not null,
  excluded_count int not null,
  taken_at timestamptz not null default now(),
  primary key (vacancy_id, census_date)
);
create index census_run_date_idx on census_run (municipality_id, census_date);
create table census_entry (
  municipality_id uuid not null references municipality(id),
  vacancy_id uuid not null references vacancy(id),
  census_date date not null,
  application_id uuid not null references allocation_application(id),
  rank int not null,
  priority text,
  waiting_days int not null,
  primary key (vacancy_id, census_date, application_id)
);

create table waiting_list_snapshot (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  taken_on date not null,
  label text not null check (length(label) between 1 and 200),
  counts jsonb not null,
  taken_at timestamptz not null default now(),
  taken_by uuid references app_user(id)
);
create index waiting_list_snapshot_idx on waiting_list_snapshot (municipality_id, taken_on desc);
`)
    .execute(db);

  const tables = [
    'allocation_settings',
    'allocation_application',
    'application_event',
    'application_document',
    'vacancy',
    'offer',
    'tenancy',
    'census_run',
    'census_entry',
    'waiting_list_snapshot',
  ];
  for (const table of tables) {
    await sql
      .raw(`
alter table ${table} enable row level security;
create policy tenant on ${table} using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update on ${table} to hjemvej_app;`)
      .execute(db);
  }
  await sql.raw('grant delete on application_document to hjemvej_app;').execute(db);

  const grants: [string, string][] = [];
  for (const role of ['caseworker', 'admin']) grants.push([role, 'allocation.apply']);
  for (const role of ['caseworker', 'allocation', 'admin']) grants.push([role, 'allocation.read']);
  for (const role of ['allocation', 'admin']) grants.push([role, 'allocation.manage']);
  for (const role of ['allocation', 'leader', 'economy', 'admin']) grants.push([role, 'allocation.reports']);
  grants.push(['partner_housing', 'vacancies.report']);
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'allocation.%' or permission = 'vacancies.report'`.execute(
    db,
  );
  await sql
    .raw(`drop table waiting_list_snapshot, census_entry, census_run, tenancy, offer, vacancy, application_document,
      application_event, allocation_application, allocation_settings;`)
    .execute(db);
}
