import { type Kysely, sql } from 'kysely';

/**
 * Eviction prevention (issue 6): cases (one per tenancy at risk), the notices that open and feed
 * them (from landlords, the bailiff's court and housing-organisation users), the actions taken,
 * the outcome, and the municipality's dated deposit-loan limits. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table eviction_case (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid references citizen(id),
  tenant_name text not null check (length(tenant_name) between 1 and 200),
  address text not null check (length(address) between 1 and 300),
  -- Groups repeated notices for the same tenancy: the tenant (CPR or name) and the address, normalised.
  tenancy_key text not null,
  department_id uuid references housing_department(id),
  children_under_18 boolean not null default false,
  known_need boolean not null default false,
  opened_on date not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  outcome text check (outcome in ('averted_paid', 'averted_plan', 'averted_help', 'moved', 'evicted')),
  outcome_on date,
  outcome_note text,
  no_help_decision_on date,
  no_help_reason text,
  created_at timestamptz not null default now(),
  check ((status = 'closed') = (outcome is not null))
);
create unique index eviction_case_open_key on eviction_case (municipality_id, tenancy_key) where status = 'open';
create index eviction_case_status_idx on eviction_case (municipality_id, status, opened_on);
create index eviction_case_citizen_idx on eviction_case (citizen_id);
create index eviction_case_department_idx on eviction_case (department_id);

create table eviction_notice (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  case_id uuid not null references eviction_case(id),
  source text not null check (source in ('public_landlord', 'private_landlord', 'bailiff_court')),
  received_on date not null,
  tenant_cpr text check (tenant_cpr ~ '^[0-9]{10}$'),
  arrears_amount numeric(12, 2) not null check (arrears_amount >= 0),
  arrears_months int not null check (arrears_months between 0 and 120),
  paakrav_on date,
  termination_on date,
  bailiff_filed_on date,
  eviction_date date,
  children_under_18 boolean not null,
  reported_via text not null check (reported_via in ('form', 'import', 'partner')),
  reported_by uuid references app_user(id),
  import_key text,
  created_at timestamptz not null default now()
);
create index eviction_notice_case_idx on eviction_notice (case_id, received_on);
create index eviction_notice_month_idx on eviction_notice (municipality_id, received_on);
-- The same line of an import file is never imported twice.
create unique index eviction_notice_import_key on eviction_notice (municipality_id, import_key) where import_key is not null;

create table eviction_action (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  case_id uuid not null references eviction_case(id),
  kind text not null check (kind in ('contact_phone', 'contact_letter', 'home_visit', 'debt_advice', 'help_81',
    'help_81a', 'payment_plan', 'deposit_loan', 'fast_track')),
  done_on date not null,
  result text,
  amount numeric(12, 2) check (amount is null or amount >= 0),
  respond_by date,
  responded_on date,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index eviction_action_case_idx on eviction_action (case_id, done_on);

create table prevention_settings (
  municipality_id uuid primary key references municipality(id),
  deposit_loan_limits jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid
);
`)
    .execute(db);
  for (const table of ['eviction_case', 'eviction_notice', 'eviction_action', 'prevention_settings']) {
    await sql
      .raw(`
alter table ${table} enable row level security;
create policy tenant on ${table} using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update on ${table} to hjemvej_app;`)
      .execute(db);
  }
  const grants: [string, string][] = [];
  for (const role of ['prevention', 'admin'])
    grants.push([role, 'prevention.read'], [role, 'prevention.manage']);
  grants.push(['caseworker', 'prevention.read']);
  // Prevention workers name the department a notice concerns.
  grants.push(['prevention', 'housing.read']);
  for (const role of ['prevention', 'leader', 'economy', 'allocation', 'admin'])
    grants.push([role, 'prevention.reports']);
  grants.push(['partner_housing', 'notices.report']);
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'prevention.%' or permission = 'notices.report'`.execute(
    db,
  );
  await sql
    .raw('drop table prevention_settings, eviction_action, eviction_notice, eviction_case;')
    .execute(db);
}
