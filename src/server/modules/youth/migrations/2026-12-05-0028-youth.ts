import { type Kysely, sql } from 'kysely';

/**
 * Young people aged 15–29 (issue 17 §1–3): a youth profile per citizen (education and KUI status,
 * a special need, the young person's own goals in their own words, the housing situation), the
 * history of placements outside the home (anbringelser: from, to, type), the current supports
 * (ungestøtte, efterværn, mentor, ungeguide, støttekontaktperson), the decisions on youth support
 * (Barnets Lov § 111), and the pairing (parløb) of one child/youth-area and one adult-area
 * caseworker from a chosen age. A caseworker's service area (born_unge or voksen) is a new column
 * of app_user. Grants the module's permissions. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table app_user add column service_area text check (service_area in ('born_unge', 'voksen'));

create table youth_profile (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  education_status text not null check (education_status in ('in_education', 'planned', 'completed', 'none')),
  kui_status text not null check (kui_status in ('none', 'active', 'ended')),
  special_need boolean not null default false,
  own_goals text check (length(own_goals) <= 4000),
  housing_note text check (length(housing_note) <= 2000),
  updated_by uuid references app_user(id),
  updated_at timestamptz not null default now(),
  unique (municipality_id, citizen_id)
);

create table youth_placement (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  placement_type text not null
    check (placement_type in ('family_care', 'residential_institution', 'own_room', 'other')),
  from_date date not null,
  to_date date check (to_date >= from_date),
  note text check (length(note) <= 2000),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index youth_placement_citizen_idx on youth_placement (municipality_id, citizen_id, from_date);

create table youth_support (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  kind text not null
    check (kind in ('ungestoette', 'eftervaern', 'mentor', 'ungeguide', 'stoettekontaktperson')),
  from_date date not null,
  to_date date check (to_date >= from_date),
  provider text check (length(provider) <= 200),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index youth_support_citizen_idx on youth_support (municipality_id, citizen_id, from_date);

create table youth_decision (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  decided_on date not null,
  outcome text not null check (outcome in ('granted', 'refused', 'not_relevant')),
  note text check (length(note) <= 2000),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index youth_decision_citizen_idx on youth_decision (municipality_id, citizen_id, decided_on);

create table youth_pairing (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  child_user_id uuid not null references app_user(id),
  adult_user_id uuid not null references app_user(id),
  from_age int not null default 16 check (from_age between 12 and 18),
  updated_by uuid references app_user(id),
  updated_at timestamptz not null default now(),
  unique (municipality_id, citizen_id)
);
`)
    .execute(db);
  const verbs: Record<string, string> = {
    youth_profile: 'select, insert, update',
    youth_placement: 'select, insert, update',
    youth_support: 'select, insert, update',
    youth_decision: 'select, insert',
    youth_pairing: 'select, insert, update',
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
  const grants: [string, string][] = [
    ['caseworker', 'youth.read'],
    ['caseworker', 'youth.write'],
    ['support', 'youth.read'],
  ];
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'youth.%'`.execute(db);
  await sql
    .raw(
      'drop table youth_pairing, youth_decision, youth_support, youth_placement, youth_profile; alter table app_user drop column service_area;',
    )
    .execute(db);
}
