import { type Kysely, sql } from 'kysely';

/**
 * Coherent plans (sammenhængende borgerforløb, issue 15 §6) and cross-sector alerts (§7): one active
 * plan per citizen with its coordinator, goals in the citizen's words, actions owned by departments
 * with a responsible person and a due date, review dates, the citizen's participation and the
 * departments the plan was shared with (history: insert only); benefit sanctions and stops from the
 * benefits office; deposit-loan and § 81 cases; the dated fast-track limit in working days.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  const departments = `('jobcenter', 'ydelse', 'psykiatri', 'misbrugsbehandling', 'sundhed', 'bolig', 'forebyggelse',
    'socialafdeling')`;
  await sql
    .raw(`
create table coherent_plan (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  coordinator_id uuid not null references app_user(id),
  started_on date not null,
  status text not null default 'active' check (status in ('active', 'closed')),
  closed_on date,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  check ((status = 'closed') = (closed_on is not null))
);
-- One coordinator, one plan: a citizen has at most one active plan.
create unique index coherent_plan_active_key on coherent_plan (municipality_id, citizen_id) where status = 'active';
create index coherent_plan_coordinator_idx on coherent_plan (municipality_id, coordinator_id) where status = 'active';

create table plan_goal (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  plan_id uuid not null references coherent_plan(id),
  text text not null check (length(text) between 1 and 1000),
  created_on date not null,
  achieved_on date,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index plan_goal_plan_idx on plan_goal (plan_id);

create table plan_action (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  plan_id uuid not null references coherent_plan(id),
  goal_id uuid references plan_goal(id),
  department text not null check (department in ${departments}),
  description text not null check (length(description) between 1 and 1000),
  owner_user_id uuid references app_user(id),
  owner_name text not null check (length(owner_name) between 1 and 200),
  due_on date not null,
  done_on date,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index plan_action_plan_idx on plan_action (plan_id);
create index plan_action_owner_open_idx on plan_action (municipality_id, owner_user_id, due_on) where done_on is null;

create table plan_review (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  plan_id uuid not null references coherent_plan(id),
  review_on date not null,
  held_on date,
  note text check (length(note) <= 2000),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index plan_review_plan_idx on plan_review (plan_id, review_on);

create table plan_participation (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  plan_id uuid not null references coherent_plan(id),
  participated_on date not null,
  how text not null check (how in ('meeting', 'phone', 'home_visit', 'written', 'network_meeting', 'other')),
  note text check (length(note) <= 2000),
  recorded_by uuid references app_user(id),
  recorded_at timestamptz not null default now()
);
create index plan_participation_plan_idx on plan_participation (plan_id, participated_on);

create table plan_share (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  plan_id uuid not null references coherent_plan(id),
  department text not null check (department in ${departments}),
  shared_on date not null,
  -- The consent (purpose cross_department) the sharing rested on, checked when it was recorded.
  consent_purpose text not null,
  shared_by uuid references app_user(id),
  shared_at timestamptz not null default now(),
  unique (plan_id, department)
);

create table benefit_sanction (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  kind text not null check (kind in ('sanction', 'stop')),
  effective_on date not null,
  note text check (length(note) <= 1000),
  source text not null check (source in ('form', 'import')),
  import_key text,
  recorded_on date not null,
  recorded_by uuid references app_user(id),
  handled_on date,
  handled_by uuid references app_user(id),
  handled_note text check (length(handled_note) between 1 and 2000),
  created_at timestamptz not null default now(),
  check ((handled_on is null) = (handled_note is null))
);
create index benefit_sanction_citizen_idx on benefit_sanction (municipality_id, citizen_id);
create index benefit_sanction_open_idx on benefit_sanction (municipality_id) where handled_on is null;
-- The same line of a benefits office's list is never imported twice.
create unique index benefit_sanction_import_key on benefit_sanction (municipality_id, import_key) where import_key is not null;

create table deposit_case (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  kind text not null check (kind in ('deposit_loan', 'section_81')),
  opened_on date not null,
  decided_on date,
  outcome text check (outcome in ('granted', 'refused')),
  handled_on date,
  handled_by uuid references app_user(id),
  handled_note text check (length(handled_note) between 1 and 2000),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  check ((decided_on is null) = (outcome is null)),
  check (decided_on is null or decided_on >= opened_on),
  check ((handled_on is null) = (handled_note is null))
);
create index deposit_case_open_idx on deposit_case (municipality_id, opened_on) where decided_on is null;
create index deposit_case_citizen_idx on deposit_case (municipality_id, citizen_id);

create table plans_fast_track_limit (
  municipality_id uuid not null references municipality(id),
  valid_from date not null,
  working_days int not null check (working_days between 1 and 250),
  updated_by uuid references app_user(id),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, valid_from)
);
`)
    .execute(db);
  const verbs: Record<string, string> = {
    coherent_plan: 'select, insert, update',
    plan_goal: 'select, insert, update',
    plan_action: 'select, insert, update',
    plan_review: 'select, insert, update',
    plan_participation: 'select, insert',
    plan_share: 'select, insert',
    benefit_sanction: 'select, insert, update',
    deposit_case: 'select, insert, update',
    plans_fast_track_limit: 'select, insert, update',
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
  const grants: [string, string][] = [];
  // Caseworkers (the authority) and support workers coordinate plans and own actions; caseworkers
  // read every plan of the municipality, others only those they have need-to-know of.
  for (const role of ['caseworker', 'support']) grants.push([role, 'plans.read'], [role, 'plans.write']);
  grants.push(['caseworker', 'plans.all']);
  // Benefit sanctions and deposit-loan / § 81 cases come from the benefits side: the caseworkers and
  // the economic advisers of the prevention team record and import them.
  for (const role of ['caseworker', 'prevention']) grants.push([role, 'plans.alerts']);
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'plans.%'`.execute(db);
  await sql
    .raw(`drop table plans_fast_track_limit, deposit_case, benefit_sanction, plan_share, plan_participation,
      plan_review, plan_action, plan_goal, coherent_plan;`)
    .execute(db);
}
