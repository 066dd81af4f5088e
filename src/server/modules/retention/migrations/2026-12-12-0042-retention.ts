import { type Kysely, sql } from 'kysely';

/**
 * Retention and deletion (issue 20 §6, GDPR art. 5(1)(e); ADR 0021).
 *
 * - `retention_policy`: a municipality's years after a citizen's last activity (1–30; 5 when none
 *   is set); `retention_run`: every dry run and deletion run, who, when, the policy, the counts per
 *   table. A dry run keeps the ids it found (`candidates`) until a deletion run confirms it.
 * - Pseudonymous audit subjects. A row's subject — the citizen of a `citizen` row (`entity_id`) or
 *   of `details.citizenId` — is hashed into the chain only through `subject_digest`, a keyed
 *   SHA-256 of the subject under the municipality's secret key (`audit_subject_key`, the owner's
 *   alone), stamped at insert. The chain's hash (v2, for rows with a digest) covers the digest and
 *   the row without its clear subject, so the clear subject can later be replaced by the pseudonym
 *   `pseudonym:<first 16 hex digits of the digest>` without breaking the chain; while it is clear,
 *   verification checks it against the digest. Rows written before this migration keep their
 *   hash (v1, over the clear subject) and cannot be pseudonymised (ADR 0021 says what that means).
 * - The append-only trigger allows exactly that one more update: the clear subject of a row with a
 *   digest replaced by its pseudonym, every other column unchanged.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table retention_policy (
  municipality_id uuid primary key references municipality(id),
  years int not null check (years between 1 and 30),
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user(id)
);

create table retention_run (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  kind text not null check (kind in ('dry_run', 'deletion')),
  ran_at timestamptz not null default now(),
  ran_by uuid references app_user(id),
  years int not null,
  cutoff date not null,
  citizens int not null default 0,
  failed int not null default 0,
  audit_pseudonymised int not null default 0,
  audit_kept_clear int not null default 0,
  tables jsonb not null default '[]'::jsonb,
  candidates uuid[],
  confirmed_by uuid references retention_run(id),
  finished_at timestamptz
);
create index retention_run_idx on retention_run (municipality_id, ran_at desc);

alter table retention_policy enable row level security;
alter table retention_run enable row level security;
create policy tenant on retention_policy using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
create policy tenant on retention_run using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select, insert, update on retention_policy to hjemvej_app;
grant select, insert, update on retention_run to hjemvej_app;

-- The keyed subject digest of the audit log.
create table audit_subject_key (
  municipality_id uuid primary key references municipality(id),
  key bytea not null
);
revoke all on audit_subject_key from public;
alter table audit_event add column subject_digest text;

create function audit_subject(p_entity_type text, p_entity_id text, p_details jsonb)
  returns text language sql immutable as $f$
  select case when p_entity_type = 'citizen' then p_entity_id else p_details->>'citizenId' end
$f$;

create function audit_is_pseudonym(p_subject text) returns boolean language sql immutable as $f$
  select p_subject like 'pseudonym:%'
$f$;

create function audit_subject_digest(p_municipality uuid, p_subject text)
  returns text language sql stable security definer set search_path = public as $f$
  select encode(sha256(k.key || convert_to(p_subject, 'UTF8')), 'hex')
  from audit_subject_key k where k.municipality_id = p_municipality
$f$;
revoke all on function audit_subject_digest(uuid, text) from public;
grant execute on function audit_subject_digest(uuid, text) to hjemvej_app;

create function audit_row_hash_v2(
  p_municipality_id uuid, p_seq bigint, p_occurred_at timestamptz, p_actor_user_id uuid,
  p_actor_username text, p_action text, p_entity_type text, p_entity_id text, p_purpose text,
  p_client_ip text, p_details jsonb, p_subject_digest text, p_prev_hash text
) returns text language sql immutable as $f$
  select encode(sha256(convert_to(concat_ws('|', 'v2',
    p_municipality_id::text, p_seq::text,
    ((extract(epoch from p_occurred_at) * 1000000)::bigint)::text,
    coalesce(p_actor_user_id::text, ''), coalesce(p_actor_username, ''), p_action, p_entity_type,
    case when p_entity_type = 'citizen' then '' else coalesce(p_entity_id, '') end,
    coalesce(p_purpose, ''), coalesce(p_client_ip, ''),
    (p_details - 'citizenId')::text, p_subject_digest, p_prev_hash), 'UTF8')), 'hex')
$f$;

-- What a row's hash must be: v1 over the clear subject (rows without a digest), v2 over the digest.
-- A clear subject that does not match its digest gives a hash no row has.
create function audit_expected_hash(e audit_event) returns text
  language sql stable security definer set search_path = public as $f$
  select case
    when e.subject_digest is null then audit_row_hash(e.municipality_id, e.seq, e.occurred_at,
      e.actor_user_id, e.actor_username, e.action, e.entity_type, e.entity_id, e.purpose,
      e.client_ip, e.details, e.prev_hash)
    when not audit_is_pseudonym(audit_subject(e.entity_type, e.entity_id, e.details))
      and e.subject_digest is distinct from audit_subject_digest(e.municipality_id,
        audit_subject(e.entity_type, e.entity_id, e.details)) then 'subject_mismatch'
    else audit_row_hash_v2(e.municipality_id, e.seq, e.occurred_at, e.actor_user_id,
      e.actor_username, e.action, e.entity_type, e.entity_id, e.purpose, e.client_ip, e.details,
      e.subject_digest, e.prev_hash)
  end
$f$;
grant execute on function audit_expected_hash(audit_event) to hjemvej_app;

create or replace function audit_event_chain() returns trigger
  language plpgsql security definer set search_path = public as $f$
declare
  v_subject text := audit_subject(new.entity_type, new.entity_id, new.details);
begin
  new.seq := null;
  new.prev_hash := null;
  new.hash := null;
  new.subject_digest := null;
  new.occurred_at := coalesce(new.occurred_at, now());
  if v_subject is not null then
    insert into audit_subject_key (municipality_id, key)
      values (new.municipality_id, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'))
      on conflict (municipality_id) do nothing;
    new.subject_digest := audit_subject_digest(new.municipality_id, v_subject);
  end if;
  return new;
end $f$;

create or replace function audit_event_append_only() returns trigger language plpgsql as $f$
declare
  v_pseudonym text;
begin
  if tg_op = 'UPDATE' and old.hash is null and old.seq is null and old.prev_hash is null
    and new.hash is not null and new.seq is not null and new.prev_hash is not null
    and (new.id, new.municipality_id, new.occurred_at, new.actor_user_id, new.actor_username,
      new.action, new.entity_type, new.entity_id, new.purpose, new.client_ip, new.details,
      new.subject_digest)
      is not distinct from
      (old.id, old.municipality_id, old.occurred_at, old.actor_user_id, old.actor_username,
      old.action, old.entity_type, old.entity_id, old.purpose, old.client_ip, old.details,
      old.subject_digest) then
    return new;
  end if;
  -- Retention (ADR 0021): the clear subject replaced by its pseudonym, nothing else.
  if tg_op = 'UPDATE' and old.subject_digest is not null then
    v_pseudonym := 'pseudonym:' || left(old.subject_digest, 16);
    if (new.id, new.municipality_id, new.seq, new.prev_hash, new.hash, new.occurred_at,
        new.actor_user_id, new.actor_username, new.action, new.entity_type, new.purpose,
        new.client_ip, new.subject_digest)
        is not distinct from
        (old.id, old.municipality_id, old.seq, old.prev_hash, old.hash, old.occurred_at,
        old.actor_user_id, old.actor_username, old.action, old.entity_type, old.purpose,
        old.client_ip, old.subject_digest)
      and new.entity_id is not distinct from
        (case when old.entity_type = 'citizen' then v_pseudonym else old.entity_id end)
      and new.details = (case when old.details ? 'citizenId'
        then old.details || jsonb_build_object('citizenId', v_pseudonym) else old.details end) then
      return new;
    end if;
  end if;
  raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
end $f$;

create or replace function audit_chain_pending(p_municipality uuid default null, p_limit int default 20000)
  returns int language plpgsql security definer set search_path = public as $f$
declare
  m uuid;
  v_seq bigint;
  v_hash text;
  v_prev text;
  r record;
  chained int := 0;
begin
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
    for r in
      select e.id, e.occurred_at, e.actor_user_id, e.actor_username, e.action, e.entity_type,
        e.entity_id, e.purpose, e.client_ip, e.details, e.subject_digest
      from audit_event e
      where e.municipality_id = m and e.hash is null
      order by e.id
      limit p_limit
    loop
      v_seq := v_seq + 1;
      v_prev := v_hash;
      if r.subject_digest is null then
        v_hash := audit_row_hash(m, v_seq, r.occurred_at, r.actor_user_id, r.actor_username,
          r.action, r.entity_type, r.entity_id, r.purpose, r.client_ip, r.details, v_prev);
      else
        v_hash := audit_row_hash_v2(m, v_seq, r.occurred_at, r.actor_user_id, r.actor_username,
          r.action, r.entity_type, r.entity_id, r.purpose, r.client_ip, r.details,
          r.subject_digest, v_prev);
      end if;
      update audit_event set seq = v_seq, prev_hash = v_prev, hash = v_hash where id = r.id;
      chained := chained + 1;
    end loop;
    update audit_chain_head set last_seq = v_seq, last_hash = v_hash where municipality_id = m;
  end loop;
  return chained;
end $f$;
`)
    .execute(db);
  const grants: [string, string][] = [
    ['admin', 'retention.manage'],
    ['admin', 'retention.register'],
    ['auditor', 'retention.register'],
  ];
  await db
    .insertInto('role_permission')
    .values(grants.map(([role_code, permission]) => ({ role_code, permission })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permission where permission like 'retention.%'`.execute(db);
  await sql.raw('drop table retention_run, retention_policy').execute(db);
}
