import { type Kysely, sql } from 'kysely';

/**
 * Every process may keep a session it has read for a few seconds (issue 21 §3, ADR 0025). Whatever
 * ends a session deletes its row — logout, a user disabled or given another role, a second factor
 * reset, single sign-on's new roles, the purge of ended sessions — so one trigger tells every
 * process, at commit, which session ended: `NOTIFY hjemvej_session_ended, '<token hash>'`. The
 * payload is the keyed hash the table holds, never the token. `auth_session_touch` also answers
 * when the session ends at the latest, so that no process keeps it past that. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create function session_ended_notify() returns trigger
  language plpgsql security definer set search_path = public as $f$
begin
  perform pg_notify('hjemvej_session_ended', old.token_hash);
  return null;
end $f$;
create trigger session_ended after delete on session
  for each row execute function session_ended_notify();
drop function auth_session_touch(text, interval);
create function auth_session_touch(p_token_hash text, p_idle interval)
  returns table (user_id uuid, municipality_id uuid, csrf_token text, username text, display_name text,
    role_code text, municipality_code text, municipality_name text, authority text, permissions text[], expires_at timestamptz)
  language plpgsql security definer set search_path = public as $f$
declare
  seen timestamptz;
  ends timestamptz;
begin
  select s.last_seen_at, s.expires_at into seen, ends from session s where s.token_hash = p_token_hash;
  if not found then return; end if;
  if ends <= now() or seen + p_idle <= now() then
    delete from session s where s.token_hash = p_token_hash
      and (s.expires_at <= now() or s.last_seen_at + p_idle <= now());
    return;
  end if;
  if seen <= now() - interval '1 minute' then
    update session s set last_seen_at = now()
      where s.token_hash = p_token_hash and s.last_seen_at <= now() - interval '1 minute';
  end if;
  return query
    select s.user_id, s.municipality_id, s.csrf_token, u.username, u.display_name, u.role_code,
      m.code, m.name, m.authority,
      coalesce((select array_agg(rp.permission order by rp.permission) from role_permission rp
        where rp.role_code = u.role_code), '{}'),
      s.expires_at
    from session s
    join app_user u on u.id = s.user_id and u.disabled_at is null
    join municipality m on m.id = s.municipality_id
    where s.token_hash = p_token_hash;
end $f$;
grant execute on function auth_session_touch(text, interval) to hjemvej_app;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
drop trigger session_ended on session;
drop function session_ended_notify();
drop function auth_session_touch(text, interval);
create function auth_session_touch(p_token_hash text, p_idle interval)
  returns table (user_id uuid, municipality_id uuid, csrf_token text, username text, display_name text,
    role_code text, municipality_code text, municipality_name text, authority text, permissions text[])
  language plpgsql security definer set search_path = public as $f$
declare
  seen timestamptz;
  ends timestamptz;
begin
  select s.last_seen_at, s.expires_at into seen, ends from session s where s.token_hash = p_token_hash;
  if not found then return; end if;
  if ends <= now() or seen + p_idle <= now() then
    delete from session s where s.token_hash = p_token_hash
      and (s.expires_at <= now() or s.last_seen_at + p_idle <= now());
    return;
  end if;
  if seen <= now() - interval '1 minute' then
    update session s set last_seen_at = now()
      where s.token_hash = p_token_hash and s.last_seen_at <= now() - interval '1 minute';
  end if;
  return query
    select s.user_id, s.municipality_id, s.csrf_token, u.username, u.display_name, u.role_code,
      m.code, m.name, m.authority,
      coalesce((select array_agg(rp.permission order by rp.permission) from role_permission rp
        where rp.role_code = u.role_code), '{}')
    from session s
    join app_user u on u.id = s.user_id and u.disabled_at is null
    join municipality m on m.id = s.municipality_id
    where s.token_hash = p_token_hash;
end $f$;
grant execute on function auth_session_touch(text, interval) to hjemvej_app;
`)
    .execute(db);
}
