import { type Kysely, sql } from 'kysely';

/**
 * Housing supply (issue 4): housing organisations and their departments with unit counts and
 * turnover, area status over time, framework agreements with quotas per department and unit type,
 * rent-subsidy pools and their units, and the new-build pipeline. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table housing_organisation (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  name text not null check (length(name) between 1 and 200),
  address text,
  contact_email text,
  contact_phone text,
  created_at timestamptz not null default now(),
  unique (municipality_id, name)
);

-- Users of a housing organisation (role partner_housing) who act for it.
create table housing_organisation_contact (
  municipality_id uuid not null references municipality(id),
  organisation_id uuid not null references housing_organisation(id),
  user_id uuid not null references app_user(id),
  primary key (organisation_id, user_id)
);

create table housing_department (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  organisation_id uuid not null references housing_organisation(id),
  number text not null check (length(number) between 1 and 20),
  name text not null check (length(name) between 1 and 200),
  address text,
  units_family int not null default 0 check (units_family >= 0),
  units_youth int not null default 0 check (units_youth >= 0),
  units_elderly int not null default 0 check (units_elderly >= 0),
  units_alternative int not null default 0 check (units_alternative >= 0),
  turnover_percent numeric(5, 2) not null default 0 check (turnover_percent between 0 and 100),
  created_at timestamptz not null default now(),
  unique (organisation_id, number)
);
create index housing_department_org_idx on housing_department (municipality_id, organisation_id);

create table department_area_status (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  department_id uuid not null references housing_department(id),
  status text not null check (status in ('normal', 'udsat', 'parallelsamfund', 'omdannelse', 'forebyggelse')),
  valid_from date not null,
  combined_letting boolean not null default false,
  section_51c boolean not null default false,
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  unique (department_id, valid_from)
);

create table framework_agreement (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  organisation_id uuid not null references housing_organisation(id),
  name text not null check (length(name) between 1 and 200),
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index framework_agreement_org_idx on framework_agreement (municipality_id, organisation_id);

create table agreement_quota (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  agreement_id uuid not null references framework_agreement(id),
  department_id uuid not null references housing_department(id),
  unit_type text not null check (unit_type in ('family', 'youth', 'elderly', 'alternative')),
  quota_percent numeric(5, 2) not null check (quota_percent between 0 and 100),
  rehousing_percent numeric(5, 2) not null default 0 check (rehousing_percent between 0 and 33.34),
  unique (agreement_id, department_id, unit_type)
);
create index agreement_quota_department_idx on agreement_quota (department_id);

create table subsidy_pool (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  name text not null check (length(name) between 1 and 200),
  valid_from date not null,
  valid_to date,
  budget numeric(12, 2) not null check (budget >= 0),
  amount_per_unit numeric(12, 2) not null check (amount_per_unit >= 0),
  monthly_reduction numeric(10, 2) not null check (monthly_reduction >= 0),
  rent_min numeric(10, 2) not null check (rent_min >= 0),
  rent_max numeric(10, 2) not null check (rent_max >= rent_min),
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);

create table subsidy_pool_unit (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  pool_id uuid not null references subsidy_pool(id),
  department_id uuid not null references housing_department(id),
  address text not null check (length(address) between 1 and 300),
  rent numeric(10, 2) not null check (rent >= 0),
  bound_from date not null,
  bound_to date,
  check (bound_to is null or bound_to >= bound_from)
);
create index subsidy_pool_unit_pool_idx on subsidy_pool_unit (pool_id);

create table pipeline_project (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  organisation_id uuid references housing_organisation(id),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('new_build', 'conversion')),
  unit_type text not null check (unit_type in ('family', 'youth', 'elderly', 'alternative')),
  units int not null check (units > 0),
  ready_date date not null,
  allocation_percent numeric(5, 2) not null check (allocation_percent between 0 and 100),
  note text,
  created_at timestamptz not null default now()
);
`)
    .execute(db);

  const tables = [
    'housing_organisation',
    'housing_organisation_contact',
    'housing_department',
    'department_area_status',
    'framework_agreement',
    'agreement_quota',
    'subsidy_pool',
    'subsidy_pool_unit',
    'pipeline_project',
  ];
  for (const table of tables) {
    await sql
      .raw(`
alter table ${table} enable row level security;
create policy tenant on ${table} using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update, delete on ${table} to hjemvej_app;`)
      .execute(db);
  }

  const grants: [string, string][] = [];
  for (const role of ['allocation', 'admin']) grants.push([role, 'housing.read'], [role, 'housing.manage']);
  for (const role of ['caseworker', 'leader', 'economy']) grants.push([role, 'housing.read']);
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'housing.%'`.execute(db);
  await sql
    .raw(`drop table pipeline_project, subsidy_pool_unit, subsidy_pool, agreement_quota, framework_agreement,
      department_area_status, housing_department, housing_organisation_contact, housing_organisation;`)
    .execute(db);
}
