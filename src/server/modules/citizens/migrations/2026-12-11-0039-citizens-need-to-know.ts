import { type Kysely, sql } from 'kysely';

/**
 * Need-to-know in the by-name registry (issue 20 (d), design.md §1: "a support worker sees her own
 * caseload"). Frozen.
 *
 * - `citizens.all`: sees every citizen of the municipality. Granted to every role that read citizens
 *   before this migration except `support` (caseworker, allocation, prevention, leader). A user
 *   without it sees only the citizens of `citizen_caseload`.
 * - `citizens.identity`: sees a citizen's identifying and contact details: the CPR number (masked,
 *   DDMMYY-XXXX; the full number through the logged "show"), phone, e-mail and address. Granted to
 *   caseworker, allocation, prevention and support, who meet and identify the person; not to the
 *   leader, who steers by figures.
 * - `citizen_caseload(municipality, user)`: the citizens a user works with: the citizens of the active
 *   support enrollments (end_on is null) of her worker row, of her team, and of her team mates when
 *   the team shares its caseload (ACT) — the same relation as the support module's
 *   `workerUsersOfCitizens` — and the citizens of the active coherent plans she coordinates or owns
 *   an action in, and the citizens she registered herself (an outreach worker registers the person
 *   she met and goes on working with them). A merged record's survivor counts as the record. Security invoker: row-level
 *   security applies as everywhere.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
create function citizen_caseload(p_municipality uuid, p_user uuid) returns setof uuid
  language sql stable set search_path = public as $f$
  with direct(id) as (
    select e.citizen_id from support_worker w
      join support_enrollment e on e.worker_id = w.id and e.end_on is null
      where w.municipality_id = p_municipality and w.user_id = p_user and w.active
    union
    select e.citizen_id from support_worker w
      join support_enrollment e on e.team_id = w.team_id and e.end_on is null
      where w.municipality_id = p_municipality and w.user_id = p_user and w.active
    union
    select e.citizen_id from support_worker me
      join support_team t on t.id = me.team_id and t.shared_caseload
      join support_worker mate on mate.team_id = me.team_id
      join support_enrollment e on e.worker_id = mate.id and e.end_on is null
      where me.municipality_id = p_municipality and me.user_id = p_user and me.active
    union
    select c.id from citizen c
      where c.municipality_id = p_municipality and c.created_by = p_user
    union
    select p.citizen_id from coherent_plan p
      where p.municipality_id = p_municipality and p.status = 'active' and p.coordinator_id = p_user
    union
    select p.citizen_id from plan_action a
      join coherent_plan p on p.id = a.plan_id and p.status = 'active'
      where a.municipality_id = p_municipality and a.owner_user_id = p_user
  )
  select id from direct
  union
  select c.merged_into from citizen c join direct d on d.id = c.id where c.merged_into is not null
$f$;
revoke all on function citizen_caseload(uuid, uuid) from public;
grant execute on function citizen_caseload(uuid, uuid) to hjemvej_app;

insert into role_permission (role_code, permission)
  select distinct role_code, 'citizens.all' from role_permission
  where permission = 'citizens.read' and role_code <> 'support'
  on conflict do nothing;
insert into role_permission (role_code, permission)
  select distinct role_code, 'citizens.identity' from role_permission
  where permission = 'citizens.read' and role_code <> 'leader'
  on conflict do nothing;
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
delete from role_permission where permission in ('citizens.all', 'citizens.identity');
drop function citizen_caseload(uuid, uuid);`)
    .execute(db);
}
