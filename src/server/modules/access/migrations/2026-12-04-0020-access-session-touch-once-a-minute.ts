import { type Kysely, sql } from 'kysely';

/**
 * A request reads its session and writes it only once a minute (issue 21 §3). `auth_session_touch`
 * updated `last_seen_at` on every request: a write, so a WAL flush at commit, and a row lock that
 * queued a user's concurrent requests (a page asks for several things at once). Now it moves
 * `last_seen_at` only when the last move is a minute old or more; the idle timeout is measured to
 * within that minute. A session past its end is still deleted on the request that finds it.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create or replace function auth_session_touch(p_token_hash text, p_idle interval)
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
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create or replace function auth_session_touch(p_token_hash text, p_idle interval)
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
`)
    .execute(db);
}
