import { type Kysely, sql } from 'kysely';

/**
 * Foundation: municipalities (tenants), roles and permissions as data, users, sessions, login
 * throttling, the append-only audit log with its hash chain, and row-level security.
 *
 * Frozen: never edit after it has run anywhere; add a new migration instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
do $$ begin
  create role hjemvej_app nologin;
exception when duplicate_object then null;
end $$;
do $$ begin
  execute format('grant hjemvej_app to %I', current_user);
exception when others then null;
end $$;

grant usage on schema public to hjemvej_app;

-- The tenant of the current transaction, set by the application with set_config(..., true).
create function hjemvej_municipality() returns uuid
  language sql stable as
  $f$ select nullif(current_setting('hjemvej.municipality_id', true), '')::uuid $f$;

create table municipality (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[0-9]{3}$'),
  name text not null check (length(name) between 1 and 200),
  authority text not null check (length(authority) between 1 and 300),
  contact_email text,
  created_at timestamptz not null default now()
);

create table role (
  code text primary key,
  sort_order int not null
);

create table role_permission (
  role_code text not null references role(code),
  permission text not null,
  primary key (role_code, permission)
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name text not null check (length(display_name) between 1 and 200),
  role_code text not null references role(code),
  password_hash text not null,
  disabled_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index app_user_username_key on app_user (username);
create index app_user_municipality_idx on app_user (municipality_id, username);

create table session (
  token_hash text primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  municipality_id uuid not null references municipality(id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_user_idx on session (user_id);
create index session_expires_idx on session (expires_at);

-- Failed logins per username (HMAC of the normalised name, so unknown names are throttled alike
-- and the table reveals no usernames).
create table login_throttle (
  username_key text primary key,
  failures int not null default 0,
  last_failure_at timestamptz not null default now(),
  locked_until timestamptz
);

create table audit_event (
  municipality_id uuid not null references municipality(id),
  seq bigint not null,
  occurred_at timestamptz not null default now(),
  actor_user_id uuid,
  actor_username text,
  action text not null check (action ~ '^[a-z_]+\\.[a-z_.]+$'),
  entity_type text not null,
  entity_id text,
  purpose text,
  client_ip text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null,
  primary key (municipality_id, seq)
);
create index audit_event_time_idx on audit_event (municipality_id, occurred_at desc);
create index audit_event_entity_idx on audit_event (municipality_id, entity_type, entity_id);

-- The newest link of each municipality's chain. Deleting the last rows of the chain is detected
-- because this head still names them.
create table audit_chain_head (
  municipality_id uuid primary key references municipality(id),
  last_seq bigint not null,
  last_hash text not null
);

create function audit_row_hash(
  p_municipality_id uuid, p_seq bigint, p_occurred_at timestamptz, p_actor_user_id uuid,
  p_actor_username text, p_action text, p_entity_type text, p_entity_id text, p_purpose text,
  p_client_ip text, p_details jsonb, p_prev_hash text
) returns text language sql immutable as $f$
  select encode(sha256(convert_to(concat_ws('|',
    p_municipality_id::text, p_seq::text,
    ((extract(epoch from p_occurred_at) * 1000000)::bigint)::text,
    coalesce(p_actor_user_id::text, ''), coalesce(p_actor_username, ''), p_action, p_entity_type,
    coalesce(p_entity_id, ''), coalesce(p_purpose, ''), coalesce(p_client_ip, ''),
    p_details::text, p_prev_hash), 'UTF8')), 'hex')
$f$;

-- Numbers and chains every new audit row. Runs as the owner so the application role needs no
-- rights on the chain head; the head row's lock orders concurrent writers of one municipality.
create function audit_event_chain() returns trigger
  language plpgsql security definer set search_path = public as $f$
declare
  head audit_chain_head%rowtype;
begin
  insert into audit_chain_head (municipality_id, last_seq, last_hash)
    values (new.municipality_id, 0, repeat('0', 64))
    on conflict (municipality_id) do nothing;
  select * into head from audit_chain_head where municipality_id = new.municipality_id for update;
  new.seq := head.last_seq + 1;
  new.occurred_at := coalesce(new.occurred_at, now());
  new.prev_hash := head.last_hash;
  new.hash := audit_row_hash(new.municipality_id, new.seq, new.occurred_at, new.actor_user_id,
    new.actor_username, new.action, new.entity_type, new.entity_id, new.purpose, new.client_ip,
    new.details, new.prev_hash);
  update audit_chain_head set last_seq = new.seq, last_hash = new.hash
    where municipality_id = new.municipality_id;
  return new;
end $f$;
create trigger audit_event_chain before insert on audit_event
  for each row execute function audit_event_chain();

create function audit_event_append_only() returns trigger language plpgsql as $f$
begin
  raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
end $f$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function audit_event_append_only();

-- Login looks a user up by name before any tenant is known; this function is the only door.
create function auth_user_by_username(p_username text)
  returns table (id uuid, municipality_id uuid, password_hash text, disabled boolean)
  language sql stable security definer set search_path = public as $f$
  select id, municipality_id, password_hash, disabled_at is not null
  from app_user where username = lower(p_username)
$f$;

-- Resolves a session token hash to its user, with the municipality and the role's permissions,
-- sliding the idle timeout; ends idle or expired sessions. The only way to read a session without a
-- tenant, and one round trip per request.
create function auth_session_touch(p_token_hash text, p_idle interval)
  returns table (user_id uuid, municipality_id uuid, csrf_token text, username text, display_name text,
    role_code text, municipality_code text, municipality_name text, authority text, permissions text[])
  language plpgsql security definer set search_path = public as $f$
begin
  delete from session s where s.token_hash = p_token_hash
    and (s.expires_at <= now() or s.last_seen_at + p_idle <= now());
  return query
    with touched as (
      update session s set last_seen_at = now()
      where s.token_hash = p_token_hash
      returning s.user_id, s.municipality_id, s.csrf_token
    )
    select t.user_id, t.municipality_id, t.csrf_token, u.username, u.display_name, u.role_code,
      m.code, m.name, m.authority,
      coalesce((select array_agg(rp.permission order by rp.permission) from role_permission rp
        where rp.role_code = u.role_code), '{}')
    from touched t
    join app_user u on u.id = t.user_id and u.disabled_at is null
    join municipality m on m.id = t.municipality_id;
end $f$;

alter table municipality enable row level security;
alter table app_user enable row level security;
alter table session enable row level security;
alter table audit_event enable row level security;
alter table audit_chain_head enable row level security;

create policy tenant on municipality using (id = hjemvej_municipality());
create policy tenant on app_user using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
create policy tenant on session using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
create policy tenant on audit_event using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
create policy tenant on audit_chain_head using (municipality_id = hjemvej_municipality());

grant select on municipality to hjemvej_app;
grant select on role, role_permission to hjemvej_app;
grant select, insert, update on app_user to hjemvej_app;
grant select, insert, update, delete on session to hjemvej_app;
grant select, insert, update, delete on login_throttle to hjemvej_app;
grant select, insert on audit_event to hjemvej_app;
grant select on audit_chain_head to hjemvej_app;
grant execute on function auth_user_by_username(text) to hjemvej_app;
grant execute on function auth_session_touch(text, interval) to hjemvej_app;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
drop function auth_session_touch(text, interval);
drop function auth_user_by_username(text);
drop table audit_chain_head, audit_event, login_throttle, session, app_user, role_permission, role, municipality;
drop function audit_event_append_only();
drop function audit_event_chain();
drop function audit_row_hash(uuid, bigint, timestamptz, uuid, text, text, text, text, text, text, jsonb, text);
drop function hjemvej_municipality();
`)
    .execute(db);
}
