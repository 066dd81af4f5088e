import { type Kysely, sql } from 'kysely';

/**
 * A second factor for password logins (issue 20 §3, ADR 0019).
 *
 * - `user_second_factor`: one row per user with a TOTP secret, sealed (AES-256-GCM, never in
 *   plain text), `confirmed_at` once the user has proved it with a code (until then an enrolment
 *   in progress), and `last_step`, the last time step accepted (RFC 6238 §5.2: never twice).
 * - `user_recovery_code`: the ten one-time recovery codes of a user, argon2id-hashed, each spent by
 *   setting `used_at`.
 * - `municipality.second_factor_roles`: the roles that must use a second factor, set by the
 *   administrator; admin and auditor for every municipality, existing and new. The app role may
 *   change this column of its own row only (the `tenant` policy of migration 0001).
 * Tenant tables: row-level security per municipality. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table municipality
  add column second_factor_roles text[] not null default '{admin,auditor}';
grant update (second_factor_roles) on municipality to hjemvej_app;

create table user_second_factor (
  user_id uuid primary key references app_user(id) on delete cascade,
  municipality_id uuid not null references municipality(id),
  secret_sealed text not null,
  confirmed_at timestamptz,
  last_step bigint,
  created_at timestamptz not null default now()
);
alter table user_second_factor enable row level security;
create policy tenant on user_second_factor using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update, delete on user_second_factor to hjemvej_app;

create table user_recovery_code (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user(id) on delete cascade,
  municipality_id uuid not null references municipality(id),
  code_hash text not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index user_recovery_code_user on user_recovery_code (user_id);
alter table user_recovery_code enable row level security;
create policy tenant on user_recovery_code using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update, delete on user_recovery_code to hjemvej_app;`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
drop table user_recovery_code;
drop table user_second_factor;
alter table municipality drop column second_factor_roles;`)
    .execute(db);
}
