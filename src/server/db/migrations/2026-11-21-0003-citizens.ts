import { type Kysely, sql } from 'kysely';

/**
 * The by-name registry: citizens, CPR changes, sensitive flags, household, consent, whereabouts
 * episodes (append-only history), contacts, duplicate review and merges, the inactivity policy,
 * and the citizens permissions. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create extension if not exists pg_trgm;

create table citizen (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  cpr text check (cpr ~ '^[0-9]{10}$'),
  birth_date date not null,
  sex text check (sex in ('male', 'female')),
  initials text check (length(initials) between 1 and 10),
  given_name text check (length(given_name) between 1 and 200),
  family_name text check (length(family_name) between 1 and 200),
  phone text,
  email text,
  address text,
  handlekommune text check (handlekommune ~ '^[0-9]{3}$'),
  registered_on date not null default current_date,
  moved_away_on date,
  died_on date,
  merged_into uuid references citizen(id),
  -- The current state, kept by the service in the same transaction as every change that moves it
  -- (episodes and contacts are never dated in the future, so it holds for today and every later day).
  cur_situation text,
  cur_from_date date,
  cur_release_date date,
  cur_housing_solution boolean,
  last_contact_on date,
  name_search text generated always as (
    lower(coalesce(given_name, '') || ' ' || coalesce(family_name, '') || ' ' || coalesce(initials, ''))
  ) stored,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now()
);
create unique index citizen_cpr_key on citizen (municipality_id, cpr) where cpr is not null;
create index citizen_cpr_prefix_idx on citizen (municipality_id, cpr text_pattern_ops);
create index citizen_birth_idx on citizen (municipality_id, birth_date);
create index citizen_name_trgm_idx on citizen using gin (name_search gin_trgm_ops);
create index citizen_merged_idx on citizen (merged_into) where merged_into is not null;
create index citizen_merged_cpr_idx on citizen (municipality_id, cpr text_pattern_ops) where merged_into is not null;
create index citizen_name_order_idx on citizen (municipality_id, lower(coalesce(family_name, '')),
  lower(coalesce(given_name, '')), initials, id) where merged_into is null;

create table citizen_cpr_change (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  old_cpr text not null,
  new_cpr text not null,
  changed_on date not null,
  recorded_at timestamptz not null default now(),
  recorded_by uuid
);
create index citizen_cpr_change_old_idx on citizen_cpr_change (municipality_id, old_cpr text_pattern_ops);
create index citizen_cpr_change_citizen_idx on citizen_cpr_change (citizen_id);

create table citizen_sensitive (
  citizen_id uuid primary key references citizen(id),
  municipality_id uuid not null references municipality(id),
  mental_illness boolean not null default false,
  substance_abuse boolean not null default false,
  formerly_placed boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by uuid
);

create table household_member (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  kind text not null check (kind in ('adult', 'child')),
  name text not null check (length(name) between 1 and 200),
  birth_date date not null,
  cpr text check (cpr ~ '^[0-9]{10}$'),
  added_on date not null default current_date,
  ended_on date
);
create index household_member_citizen_idx on household_member (citizen_id);

create table consent (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  purpose text not null,
  given_on date not null,
  expires_on date,
  withdrawn_on date,
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  check (expires_on is null or expires_on >= given_on),
  check (withdrawn_on is null or withdrawn_on >= given_on)
);
create index consent_citizen_idx on consent (citizen_id);
create index consent_expiry_idx on consent (municipality_id, expires_on) where withdrawn_on is null;

create table whereabouts_episode (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  situation text not null check (situation in ('street', 'night_shelter', 'shelter', 'hotel', 'family_friends',
    'transitional', 'prison', 'hospital', 'other', 'housed', 'at_risk', 'institution', 'unknown')),
  from_date date not null,
  release_date date,
  housing_solution boolean,
  has_contract boolean,
  temporary boolean,
  because_of_homelessness boolean,
  note text,
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  retracted_at timestamptz,
  retracted_by uuid,
  retract_reason text
);
create index whereabouts_citizen_idx on whereabouts_episode (citizen_id, from_date desc, recorded_at desc)
  where retracted_at is null;
create index whereabouts_municipality_idx on whereabouts_episode (municipality_id, from_date);

create table citizen_contact (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  contact_on date not null,
  channel text not null check (channel in ('meeting', 'phone', 'outreach', 'other')),
  note text,
  recorded_at timestamptz not null default now(),
  recorded_by uuid
);
create index citizen_contact_citizen_idx on citizen_contact (citizen_id, contact_on desc);

create table duplicate_candidate (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_a uuid not null references citizen(id),
  citizen_b uuid not null references citizen(id),
  score real not null,
  status text not null default 'open' check (status in ('open', 'merged', 'dismissed')),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid,
  unique (citizen_a, citizen_b),
  check (citizen_a < citizen_b)
);
create index duplicate_candidate_open_idx on duplicate_candidate (municipality_id) where status = 'open';

create table citizen_merge (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  survivor_id uuid not null references citizen(id),
  merged_id uuid not null references citizen(id),
  candidate_id uuid references duplicate_candidate(id),
  merged_at timestamptz not null default now(),
  merged_by uuid,
  undone_at timestamptz,
  undone_by uuid
);
create index citizen_merge_survivor_idx on citizen_merge (survivor_id);

-- Name search for the current tenant. Row-level security keeps LIKE (not leakproof) from using the
-- trigram index, so the search runs here as the owner, limited to hjemvej_municipality().
create function citizen_name_search(p_word text) returns setof uuid
  language sql stable security definer set search_path = public as $f$
  select c.id from citizen c
  where c.municipality_id = hjemvej_municipality() and c.name_search like '%' || p_word || '%'
$f$;
grant execute on function citizen_name_search(text) to hjemvej_app;

create table citizen_policy (
  municipality_id uuid primary key references municipality(id),
  no_contact_days int not null default 90 check (no_contact_days between 1 and 3650),
  institution_days int not null default 90 check (institution_days between 1 and 3650)
);
`)
    .execute(db);

  const tables = [
    'citizen',
    'citizen_cpr_change',
    'citizen_sensitive',
    'household_member',
    'consent',
    'whereabouts_episode',
    'citizen_contact',
    'duplicate_candidate',
    'citizen_merge',
    'citizen_policy',
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

  const grants: [string, string][] = [];
  for (const role of ['caseworker']) {
    for (const p of [
      'citizens.read',
      'citizens.write',
      'citizens.sensitive',
      'citizens.import',
      'citizens.merge',
    ])
      grants.push([role, p]);
  }
  for (const role of ['support', 'allocation']) {
    for (const p of ['citizens.read', 'citizens.write', 'citizens.sensitive']) grants.push([role, p]);
  }
  grants.push(['prevention', 'citizens.read'], ['prevention', 'citizens.write'], ['leader', 'citizens.read']);
  // The municipality's settings (here: the inactivity policy) belong to its administrator.
  grants.push(['admin', 'settings.manage']);
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'citizens.%' or permission = 'settings.manage'`.execute(
    db,
  );
  await sql
    .raw(`drop function citizen_name_search(text); drop table citizen_policy, citizen_merge, duplicate_candidate, citizen_contact, whereabouts_episode,
      consent, household_member, citizen_sensitive, citizen_cpr_change, citizen;`)
    .execute(db);
}
