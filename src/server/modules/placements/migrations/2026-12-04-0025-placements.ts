import { type Kysely, sql } from 'kysely';

/**
 * Alternative housing (issue 16 §6): skæve boliger (almenboligloven § 149 a) — a unit register and
 * its tenancies, one tenant per unit and one open tenancy per citizen at a time — and § 107
 * (temporary) / § 108 (long-term) residential care placements (serviceloven) with the decision,
 * the planned move-in, the planned end (a § 107 stay is temporary), the start, the end and the monthly cost. Overlapping placements of one
 * citizen are refused by the service (a citizen-wide exclusion constraint needs btree_gist, which
 * PGlite lacks). A decision ended before any start is a withdrawn decision. Grants the module's permissions.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table skaev_bolig (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  name text not null check (length(name) between 1 and 200),
  address text not null check (length(address) between 1 and 300),
  project text not null check (length(project) between 1 and 200),
  rooms int not null check (rooms between 1 and 20),
  monthly_rent numeric(10, 2) not null check (monthly_rent >= 0),
  social_caretaker boolean not null,
  created_at timestamptz not null default now(),
  unique (municipality_id, name)
);

create table skaev_tenancy (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  unit_id uuid not null references skaev_bolig(id),
  citizen_id uuid not null references citizen(id),
  from_date date not null,
  to_date date check (to_date >= from_date),
  end_reason text check (length(end_reason) <= 2000),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create unique index skaev_tenancy_open_unit_key on skaev_tenancy (unit_id) where to_date is null;
create unique index skaev_tenancy_open_citizen_key on skaev_tenancy (municipality_id, citizen_id)
  where to_date is null;
create index skaev_tenancy_unit_idx on skaev_tenancy (municipality_id, unit_id, from_date desc);

create table care_placement (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  kind text not null check (kind in ('s107', 's108')),
  provider text not null check (length(provider) between 1 and 200),
  decided_on date not null,
  planned_move_in_on date not null check (planned_move_in_on >= decided_on),
  planned_end_on date check (planned_end_on >= planned_move_in_on),
  started_on date check (started_on >= decided_on),
  ended_on date check (ended_on >= started_on and ended_on >= decided_on),
  end_reason text check (length(end_reason) <= 2000),
  monthly_cost numeric(12, 2) not null check (monthly_cost >= 0),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index care_placement_citizen_idx on care_placement (municipality_id, citizen_id, decided_on desc);
create index care_placement_period_idx on care_placement (municipality_id, started_on, ended_on);
`)
    .execute(db);
  const verbs: Record<string, string> = {
    skaev_bolig: 'select, insert, update',
    skaev_tenancy: 'select, insert, update',
    care_placement: 'select, insert, update',
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
    ['caseworker', 'placements.read'],
    ['caseworker', 'placements.manage'],
    ['admin', 'placements.read'],
    ['admin', 'placements.units'],
  ];
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'placements.%'`.execute(db);
  await sql.raw('drop table care_placement, skaev_tenancy, skaev_bolig;').execute(db);
}
