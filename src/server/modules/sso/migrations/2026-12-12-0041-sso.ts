import { type Kysely, sql } from 'kysely';

/**
 * Single sign-on with OpenID Connect (issue 20 §2): a municipality's provider (issuer, client, the
 * sealed client secret, the claims that carry roles and the username, claim values mapped to
 * roles), the provider identities (issuer + subject) of the users it provisioned, and the ID token
 * of each single sign-on session (sealed; the id_token_hint of the logout at the provider), which
 * goes with its session. The login page lists the municipalities with single sign-on on through
 * the security-definer function `sso_login_choices` (no tenant is known before login). Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table sso_config (
  municipality_id uuid primary key references municipality(id),
  enabled boolean not null default false,
  issuer text not null check (length(issuer) between 1 and 500),
  client_id text not null check (length(client_id) between 1 and 500),
  client_secret_sealed text not null,
  role_claim text not null check (length(role_claim) between 1 and 100),
  username_claim text not null check (length(username_claim) between 1 and 100),
  role_mappings jsonb not null default '[]' check (jsonb_typeof(role_mappings) = 'array'),
  updated_by uuid references app_user(id),
  updated_at timestamptz not null default now()
);

create table sso_identity (
  municipality_id uuid not null references municipality(id),
  issuer text not null,
  subject text not null,
  user_id uuid not null unique references app_user(id),
  created_at timestamptz not null default now(),
  primary key (municipality_id, issuer, subject)
);

create table sso_session (
  token_hash text primary key references session(token_hash) on delete cascade,
  municipality_id uuid not null references municipality(id),
  id_token_sealed text not null,
  created_at timestamptz not null default now()
);

create function sso_login_choices()
  returns table (id uuid, code text, name text)
  language sql stable security definer set search_path = public as $f$
  select m.id, m.code, m.name from sso_config c join municipality m on m.id = c.municipality_id
  where c.enabled order by m.name
$f$;
grant execute on function sso_login_choices() to hjemvej_app;
`)
    .execute(db);
  const grants: [string, string][] = [
    ['sso_config', 'select, insert, update'],
    ['sso_identity', 'select, insert'],
    ['sso_session', 'select, insert, delete'],
  ];
  for (const [table, verbs] of grants) {
    await sql
      .raw(`
alter table ${table} enable row level security;
create policy tenant on ${table} using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant ${verbs} on ${table} to hjemvej_app;`)
      .execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw('drop function sso_login_choices(); drop table sso_session, sso_identity, sso_config')
    .execute(db);
}
