import { type Kysely, sql } from 'kysely';

/**
 * § 110 shelters and stays (issue 16 §1–3): the municipality's shelters (boformer) with places,
 * whether they are on Tilbudsportalen (a refund condition) and a dated daily rate (takst); the
 * shelter staff's link to their one shelter; stays with the admission decision, the handlekommune
 * (kommunekode), the notification date (§ 110 stk. 6) and the discharge (date, destination,
 * reason, whether the municipality decided it under § 110 stk. 5). One open stay per citizen and
 * shelter.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table shelter (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('municipal', 'independent')),
  places int not null check (places between 0 and 10000),
  on_tilbudsportalen boolean not null,
  created_at timestamptz not null default now(),
  unique (municipality_id, name)
);

create table shelter_rate (
  municipality_id uuid not null references municipality(id),
  shelter_id uuid not null references shelter(id),
  valid_from date not null,
  daily_rate numeric(10, 2) not null check (daily_rate >= 0),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  primary key (shelter_id, valid_from)
);

create table shelter_user (
  user_id uuid primary key references app_user(id),
  municipality_id uuid not null references municipality(id),
  shelter_id uuid not null references shelter(id)
);

create table shelter_stay (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  shelter_id uuid not null references shelter(id),
  citizen_id uuid not null references citizen(id),
  admitted_on date not null,
  admission_decided_on date not null check (admission_decided_on <= admitted_on),
  handlekommune text not null check (handlekommune ~ '^[0-9]{3}$'),
  notified_on date check (notified_on >= admission_decided_on),
  discharged_on date check (discharged_on >= admitted_on),
  discharged_to text check (discharged_to in ('own_home', 'care_107_108', 'other_shelter', 'street',
    'hospital_prison', 'family_friends', 'unknown')),
  discharge_reason text check (length(discharge_reason) <= 2000),
  municipal_discharge boolean not null default false,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  check ((discharged_on is null) = (discharged_to is null))
);
create unique index shelter_stay_open_key on shelter_stay (shelter_id, citizen_id) where discharged_on is null;
create index shelter_stay_citizen_idx on shelter_stay (municipality_id, citizen_id);
create index shelter_stay_shelter_idx on shelter_stay (municipality_id, shelter_id, admitted_on desc);
`)
    .execute(db);
  const verbs: Record<string, string> = {
    shelter: 'select, insert, update',
    shelter_rate: 'select, insert, update',
    shelter_user: 'select, insert, update, delete',
    shelter_stay: 'select, insert, update',
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
    ['admin', 'shelters.manage'],
    ['partner_shelter', 'shelters.stays'],
    ['caseworker', 'shelters.read'],
    ['economy', 'shelters.read'],
  ];
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'shelters.%'`.execute(db);
  await sql.raw('drop table shelter_stay, shelter_user, shelter_rate, shelter;').execute(db);
}
