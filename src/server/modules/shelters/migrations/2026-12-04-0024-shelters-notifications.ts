import { type Kysely, sql } from 'kysely';

/**
 * The handlekommune's inbox of § 110 stk. 6 notifications (issue 16 §3), across tenants without
 * opening them.
 *
 * - `shelter_notification` is the recipient's table: `municipality_id` is the handlekommune that
 *   received it, `from_municipality_id` the municipality of the shelter that sent it. It holds only
 *   the notified facts, copied when sent: the shelter's name and municipality, the citizen's CPR
 *   number if known (else birth date and initials), name if known, and the admission, admission
 *   decision and notification dates. The row policy `tenant` lets a municipality see only the
 *   notifications addressed to it; the sender sees none of them (its own stay holds what it sent).
 *   The app role may not insert rows at all, and may update only the recipient's own columns
 *   (acknowledged, by whom, and the citizen it was linked to in the recipient's by-name list).
 * - `shelter_notification_send(stay, notified_on)` (SECURITY DEFINER) is the one way in: it reads
 *   the stay of the calling tenant (`hjemvej_municipality()`; another tenant's stay is not found),
 *   finds the handlekommune by its kommunekode, and copies the facts above into its inbox; a
 *   caller cannot choose the facts or the recipient. It returns the new row's id, or null when the
 *   handlekommune is not in this deployment (the shelter then sends a letter) or it was sent before.
 * - `shelter_handlekommune_known(codes)` (SECURITY DEFINER) answers which kommunekoder belong to a
 *   municipality of this deployment, and nothing else about them.
 * Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create table shelter_notification (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality(id),
  from_municipality_id uuid not null references municipality(id),
  stay_id uuid not null unique references shelter_stay(id),
  shelter_name text not null,
  from_municipality_name text not null,
  cpr text,
  birth_date date,
  initials text,
  given_name text,
  family_name text,
  admitted_on date not null,
  admission_decided_on date not null,
  notified_on date not null,
  citizen_id uuid references citizen(id),
  acknowledged_on date,
  acknowledged_by uuid references app_user(id),
  created_at timestamptz not null default now(),
  check (cpr is not null or (birth_date is not null and initials is not null)),
  check ((acknowledged_on is null) = (acknowledged_by is null))
);
create index shelter_notification_inbox_idx
  on shelter_notification (municipality_id, acknowledged_on nulls first, notified_on desc);

alter table shelter_notification enable row level security;
create policy tenant on shelter_notification using (municipality_id = hjemvej_municipality())
  with check (municipality_id = hjemvej_municipality());
grant select on shelter_notification to hjemvej_app;
grant update (acknowledged_on, acknowledged_by, citizen_id) on shelter_notification to hjemvej_app;

create function shelter_notification_send(p_stay uuid, p_notified_on date)
  returns uuid language plpgsql security definer set search_path = public as $f$
declare
  me uuid := hjemvej_municipality();
  recipient uuid;
  s record;
  sent uuid;
begin
  if me is null then
    raise exception 'shelter_notification_send needs a tenant' using errcode = 'insufficient_privilege';
  end if;
  select t.id, t.handlekommune, t.admitted_on, t.admission_decided_on, t.citizen_id,
      sh.name as shelter_name, m.name as municipality_name,
      c.cpr, c.birth_date, c.initials, c.given_name, c.family_name
    into s
    from shelter_stay t
    join shelter sh on sh.id = t.shelter_id
    join citizen c on c.id = t.citizen_id
    join municipality m on m.id = t.municipality_id
    where t.id = p_stay and t.municipality_id = me;
  if not found then
    return null;
  end if;
  select id into recipient from municipality where code = s.handlekommune;
  if recipient is null then
    return null;
  end if;
  insert into shelter_notification (municipality_id, from_municipality_id, stay_id, shelter_name,
      from_municipality_name, cpr, birth_date, initials, given_name, family_name, admitted_on,
      admission_decided_on, notified_on, citizen_id)
    values (recipient, me, s.id, s.shelter_name, s.municipality_name, s.cpr,
      case when s.cpr is null then s.birth_date end, case when s.cpr is null then s.initials end,
      s.given_name, s.family_name, s.admitted_on, s.admission_decided_on, p_notified_on,
      -- The citizen is already in the recipient's by-name list only when the shelter is its own.
      case when recipient = me then s.citizen_id end)
    on conflict (stay_id) do nothing
    returning id into sent;
  return sent;
end $f$;
revoke all on function shelter_notification_send(uuid, date) from public;
grant execute on function shelter_notification_send(uuid, date) to hjemvej_app;

create function shelter_handlekommune_known(p_codes text[])
  returns setof text language sql stable security definer set search_path = public as $f$
  select code from municipality where code = any(p_codes)
$f$;
revoke all on function shelter_handlekommune_known(text[]) from public;
grant execute on function shelter_handlekommune_known(text[]) to hjemvej_app;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
drop function shelter_handlekommune_known(text[]);
drop function shelter_notification_send(uuid, date);
drop table shelter_notification;
`)
    .execute(db);
}
