import { type Kysely, sql } from 'kysely';

/**
 * The audit chain without a lock on the request path (issue 21 §1, ADR 0009).
 *
 * Until now a BEFORE INSERT trigger numbered and chained every row under a lock on the
 * municipality's chain head, held until the writing transaction ended: every audited request of a
 * municipality, reads included, queued behind the one before it. Now:
 *
 * - An insert only appends. The row gets `id` from an identity (the order rows were written in)
 *   and leaves `seq`, `prev_hash` and `hash` empty; the trigger clears them if a caller set them,
 *   and still stamps `occurred_at`.
 * - `audit_chain_pending(municipality)` (SECURITY DEFINER) chains what has committed: under the
 *   head's row lock, which only chaining takes, it numbers the municipality's unchained rows in
 *   `id` order after the head, hashes each exactly as before (`audit_row_hash`) and moves the head.
 *   A row still uncommitted is not seen and is chained by a later call, after the rows chained
 *   before it: the chain's order is the order of chaining. The server calls it every second
 *   (the audit module's job) and `audit:verify` and the auditor's check call it first.
 * - Append-only still: the one update allowed sets the three chain fields of a row that has none,
 *   and nothing else; every other update and every delete is refused, even from the owner.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table audit_event add column id bigint generated always as identity;
alter table audit_event drop constraint audit_event_pkey;
alter table audit_event add constraint audit_event_pkey primary key (id);
alter table audit_event alter column seq drop not null,
  alter column prev_hash drop not null,
  alter column hash drop not null;
create unique index audit_event_seq_idx on audit_event (municipality_id, seq);
create index audit_event_pending_idx on audit_event (municipality_id, id) where hash is null;

create or replace function audit_event_chain() returns trigger language plpgsql as $f$
begin
  new.seq := null;
  new.prev_hash := null;
  new.hash := null;
  new.occurred_at := coalesce(new.occurred_at, now());
  return new;
end $f$;

create or replace function audit_event_append_only() returns trigger language plpgsql as $f$
begin
  if tg_op = 'UPDATE' and old.hash is null and old.seq is null and old.prev_hash is null
    and new.hash is not null and new.seq is not null and new.prev_hash is not null
    and (new.id, new.municipality_id, new.occurred_at, new.actor_user_id, new.actor_username,
      new.action, new.entity_type, new.entity_id, new.purpose, new.client_ip, new.details)
      is not distinct from
      (old.id, old.municipality_id, old.occurred_at, old.actor_user_id, old.actor_username,
      old.action, old.entity_type, old.entity_id, old.purpose, old.client_ip, old.details) then
    return new;
  end if;
  raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
end $f$;

create function audit_chain_pending(p_municipality uuid default null, p_limit int default 20000)
  returns int language plpgsql security definer set search_path = public as $f$
declare
  m uuid;
  v_seq bigint;
  v_hash text;
  v_prev text;
  r record;
  chained int := 0;
begin
  -- Heads are locked in one order, so two chaining calls never wait on each other in a circle.
  for m in
    select distinct e.municipality_id from audit_event e
    where e.hash is null and (p_municipality is null or e.municipality_id = p_municipality)
    order by 1
  loop
    insert into audit_chain_head (municipality_id, last_seq, last_hash)
      values (m, 0, repeat('0', 64))
      on conflict (municipality_id) do nothing;
    select h.last_seq, h.last_hash into v_seq, v_hash
      from audit_chain_head h where h.municipality_id = m for update;
    -- Read after the lock: rows another call chained before it let go are no longer pending.
    for r in
      select e.id, e.occurred_at, e.actor_user_id, e.actor_username, e.action, e.entity_type,
        e.entity_id, e.purpose, e.client_ip, e.details
      from audit_event e
      where e.municipality_id = m and e.hash is null
      order by e.id
      limit p_limit
    loop
      v_seq := v_seq + 1;
      v_prev := v_hash;
      v_hash := audit_row_hash(m, v_seq, r.occurred_at, r.actor_user_id, r.actor_username,
        r.action, r.entity_type, r.entity_id, r.purpose, r.client_ip, r.details, v_prev);
      update audit_event set seq = v_seq, prev_hash = v_prev, hash = v_hash where id = r.id;
      chained := chained + 1;
    end loop;
    update audit_chain_head set last_seq = v_seq, last_hash = v_hash where municipality_id = m;
  end loop;
  return chained;
end $f$;
revoke all on function audit_chain_pending(uuid, int) from public;
grant execute on function audit_chain_pending(uuid, int) to hjemvej_app;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
select audit_chain_pending();
drop function audit_chain_pending(uuid, int);
create or replace function audit_event_append_only() returns trigger language plpgsql as $f$
begin
  raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
end $f$;
create or replace function audit_event_chain() returns trigger
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
drop index audit_event_pending_idx;
drop index audit_event_seq_idx;
alter table audit_event drop constraint audit_event_pkey;
alter table audit_event alter column seq set not null,
  alter column prev_hash set not null,
  alter column hash set not null;
alter table audit_event add constraint audit_event_pkey primary key (municipality_id, seq);
alter table audit_event drop column id;
`)
    .execute(db);
}
