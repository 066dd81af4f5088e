import { type Kysely, sql } from 'kysely';

/**
 * The week-6 count (issue 18 §1): one count per municipality and count year (ISO week 6, rule 5),
 * and one registration per person (rule 6) with the answers of VIVE's person form as far as
 * domain.md §1 knows them — whereabouts situation, sex, birth date, duration, causes, on a housing
 * list, action plan, support received, income source, citizenship, a homeless migrant without
 * residence (counted apart, rule 7) and the units that met the person. A registration names a
 * citizen of the by-name list, or initials and a birth date. Grants the module's permissions.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table homeless_count (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  year int not null check (year >= 2007),
  week_from date not null,
  week_to date not null check (week_to = week_from + 6),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  closed_by uuid references app_user(id),
  closed_at timestamptz,
  unique (municipality_id, year)
);

create table count_registration (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  count_id uuid not null references homeless_count(id),
  citizen_id uuid references citizen(id),
  initials text check (length(initials) <= 10),
  birth_date date not null,
  sex text not null check (sex in ('male', 'female', 'unknown')),
  situation text not null check (situation in ('street', 'night_shelter', 'shelter', 'hotel',
    'family_friends', 'transitional', 'prison', 'hospital', 'other')),
  duration text not null
    check (duration in ('under_3_months', '3_to_12_months', '1_to_2_years', 'over_2_years', 'unknown')),
  causes text[] not null default '{}',
  on_housing_list text not null check (on_housing_list in ('yes', 'no', 'unknown')),
  has_action_plan text not null check (has_action_plan in ('yes', 'no', 'unknown')),
  support_received text not null check (support_received in ('yes', 'no', 'unknown')),
  income_source text not null check (income_source in ('cash_benefit', 'early_pension',
    'old_age_pension', 'other_benefit', 'wages', 'none', 'other', 'unknown')),
  citizenship text not null check (citizenship in ('danish', 'eu', 'other', 'unknown')),
  migrant_without_residence boolean not null default false,
  units text[] not null default '{}',
  note text check (length(note) <= 2000),
  registered_by uuid references app_user(id),
  registered_at timestamptz not null default now(),
  updated_by uuid references app_user(id),
  updated_at timestamptz,
  check (citizen_id is not null or initials is not null)
);
create unique index count_registration_citizen_idx on count_registration (count_id, citizen_id)
  where citizen_id is not null;
create index count_registration_count_idx on count_registration (municipality_id, count_id);
`)
    .execute(db);
  for (const table of ['homeless_count', 'count_registration']) {
    await sql
      .raw(`
alter table ${table} enable row level security;
create policy tenant on ${table} using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update on ${table} to hjemvej_app;`)
      .execute(db);
  }
  const grants: [string, string][] = [
    ['caseworker', 'count.read'],
    ['caseworker', 'count.register'],
    ['caseworker', 'count.manage'],
    ['caseworker', 'count.report'],
    ['leader', 'count.report'],
    ['economy', 'count.report'],
    ['admin', 'count.report'],
  ];
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'count.%'`.execute(db);
  await sql.raw('drop table count_registration, homeless_count').execute(db);
}
