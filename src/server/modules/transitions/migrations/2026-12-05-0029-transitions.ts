import { type Kysely, sql } from 'kysely';

/**
 * Transition plans for young people aged 15–29 (issue 17 §4–5): one open plan per young person with
 * their wishes and dreams in their own words, goals and participants (the young person, family, the
 * child-area and adult-area caseworkers as users, UU/KUI guidance, the support worker, external
 * participants); meetings, planned ahead or recorded with who attended, the young person's view and
 * the decisions; actions — who does what by when — for a responsible participant; the municipality's
 * catalogue of youth offers and the offers a young person has. Grants the module's permissions.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table transition_plan (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  citizen_id uuid not null references citizen(id),
  started_on date not null,
  wishes text not null check (length(wishes) between 1 and 4000),
  goals text check (length(goals) <= 4000),
  closed_on date check (closed_on >= started_on),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
-- One open plan per young person.
create unique index transition_plan_open_key on transition_plan (municipality_id, citizen_id)
  where closed_on is null;

create table transition_participant (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  plan_id uuid not null references transition_plan(id),
  kind text not null check (kind in ('young_person', 'family', 'child_caseworker', 'adult_caseworker',
    'guidance', 'support_worker', 'external')),
  user_id uuid references app_user(id),
  name text check (length(name) between 1 and 200),
  organisation text check (length(organisation) between 1 and 200),
  created_at timestamptz not null default now(),
  check (kind not in ('child_caseworker', 'adult_caseworker') or user_id is not null)
);
create index transition_participant_plan_idx on transition_participant (plan_id);
create index transition_participant_user_idx on transition_participant (municipality_id, user_id)
  where user_id is not null;

create table transition_meeting (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  plan_id uuid not null references transition_plan(id),
  held_on date not null,
  young_person_view text check (length(young_person_view) between 1 and 4000),
  decisions text check (length(decisions) between 1 and 4000),
  recorded_by uuid references app_user(id),
  recorded_at timestamptz,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  check ((recorded_at is null) = (young_person_view is null))
);
create index transition_meeting_plan_idx on transition_meeting (plan_id, held_on);

create table transition_meeting_attendee (
  municipality_id uuid not null references municipality(id),
  meeting_id uuid not null references transition_meeting(id),
  participant_id uuid not null references transition_participant(id),
  primary key (meeting_id, participant_id)
);

create table transition_action (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  plan_id uuid not null references transition_plan(id),
  meeting_id uuid references transition_meeting(id),
  description text not null check (length(description) between 1 and 1000),
  responsible_id uuid not null references transition_participant(id),
  due_on date not null,
  done_on date,
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index transition_action_plan_idx on transition_action (plan_id);
create index transition_action_open_idx on transition_action (municipality_id, responsible_id, due_on)
  where done_on is null;

create table transition_offer (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  kind text not null check (kind in ('ungeguide', 'mentor', 'stoettekontaktperson', 'kui', 'ungebolig', 'cti',
    'behandling', 'ungestoette', 'other')),
  name text not null check (length(name) between 1 and 200),
  provider text not null check (length(provider) between 1 and 200),
  min_age int not null check (min_age between 0 and 120),
  max_age int not null check (max_age between 0 and 120 and max_age >= min_age),
  contact text not null check (length(contact) between 1 and 300),
  description text check (length(description) <= 2000),
  created_at timestamptz not null default now(),
  unique (municipality_id, name)
);

create table transition_plan_offer (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  plan_id uuid not null references transition_plan(id),
  offer_id uuid not null references transition_offer(id),
  from_date date not null,
  to_date date check (to_date >= from_date),
  created_by uuid references app_user(id),
  created_at timestamptz not null default now()
);
create index transition_plan_offer_plan_idx on transition_plan_offer (plan_id);
`)
    .execute(db);
  const verbs: Record<string, string> = {
    transition_plan: 'select, insert, update',
    transition_participant: 'select, insert',
    transition_meeting: 'select, insert, update',
    transition_meeting_attendee: 'select, insert',
    transition_action: 'select, insert, update',
    transition_offer: 'select, insert, update',
    transition_plan_offer: 'select, insert, update',
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
    ['caseworker', 'transitions.read'],
    ['caseworker', 'transitions.write'],
    ['caseworker', 'transitions.all'],
    ['support', 'transitions.read'],
    ['support', 'transitions.write'],
    ['admin', 'transitions.read'],
    ['admin', 'transitions.catalogue'],
  ];
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'transitions.%'`.execute(db);
  await sql
    .raw(
      'drop table transition_plan_offer, transition_offer, transition_action, transition_meeting_attendee, transition_meeting, transition_participant, transition_plan;',
    )
    .execute(db);
}
