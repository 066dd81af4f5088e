import { type Kysely, sql } from 'kysely';

/**
 * Eviction prevention at scale (issue 6, the benchmark's targets). The inbox orders open cases by
 * § 5 a urgency in SQL and pages through them, so each case carries the facts its duties follow
 * from, kept by the database itself:
 *
 * - `bailiff_notice_on`: the first notice from the bailiff's court (received_on), the day § 5 a starts;
 * - `eviction_date`: the latest eviction date any notice names;
 * - `last_action_on`: the latest action (contact or help), which meets the duty to act at once when
 *   it is on or after the bailiff's notice;
 * - `help_given`: any help (§ 81, § 81 a, payment plan, deposit loan), after which no "no help"
 *   decision is due.
 *
 * Statement-level triggers with transition tables keep them (and `children_under_18`, which a case
 * learns from any of its notices and never forgets) in step with every insert, whatever writes it: one
 * set-based update per statement, touching only the cases whose facts change. Updates and deletes of
 * notices or actions (the application does neither to the facts' columns) recompute the facts of the
 * cases involved from scratch. Frozen.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not import app types
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
alter table eviction_case
  add column bailiff_notice_on date,
  add column eviction_date date,
  add column last_action_on date,
  add column help_given boolean not null default false;

update eviction_case c set
  bailiff_notice_on = n.bailiff_on,
  eviction_date = n.eviction_date,
  children_under_18 = c.children_under_18 or n.children
from (
  select case_id, min(received_on) filter (where source = 'bailiff_court') as bailiff_on,
    max(eviction_date) as eviction_date, bool_or(children_under_18) as children
  from eviction_notice group by case_id
) n
where n.case_id = c.id;

update eviction_case c set last_action_on = a.last_on, help_given = a.helped
from (
  select case_id, max(done_on) as last_on,
    bool_or(kind in ('help_81', 'help_81a', 'payment_plan', 'deposit_loan')) as helped
  from eviction_action group by case_id
) a
where a.case_id = c.id;

-- New notices move their cases' facts forward: the earliest bailiff notice, the latest eviction date,
-- children. Cases whose facts already hold them (a case inserted with its first notices' facts) are
-- not touched.
create function eviction_notice_facts_insert() returns trigger language plpgsql as $f$
begin
  update eviction_case c set
    bailiff_notice_on = least(c.bailiff_notice_on, n.bailiff_on),
    eviction_date = greatest(c.eviction_date, n.eviction_date),
    children_under_18 = c.children_under_18 or n.children
  from (
    select case_id, min(received_on) filter (where source = 'bailiff_court') as bailiff_on,
      max(eviction_date) as eviction_date, bool_or(children_under_18) as children
    from new_notices group by case_id
  ) n
  where c.id = n.case_id
    and (c.bailiff_notice_on is distinct from least(c.bailiff_notice_on, n.bailiff_on)
      or c.eviction_date is distinct from greatest(c.eviction_date, n.eviction_date)
      or (n.children and not c.children_under_18));
  return null;
end $f$;
create trigger eviction_notice_facts_insert after insert on eviction_notice
  referencing new table as new_notices for each statement execute function eviction_notice_facts_insert();

-- A notice changed or removed (never by the application): the facts of its cases from scratch.
create function eviction_notice_facts_recompute() returns trigger language plpgsql as $f$
begin
  update eviction_case c set
    bailiff_notice_on = (select min(n.received_on) from eviction_notice n
      where n.case_id = c.id and n.source = 'bailiff_court'),
    eviction_date = (select max(n.eviction_date) from eviction_notice n where n.case_id = c.id),
    children_under_18 = c.children_under_18
      or coalesce((select bool_or(n.children_under_18) from eviction_notice n where n.case_id = c.id), false)
  where c.id in (select case_id from changed_old union select case_id from changed_new);
  return null;
end $f$;
create trigger eviction_notice_facts_update after update on eviction_notice
  referencing old table as changed_old new table as changed_new
  for each statement execute function eviction_notice_facts_recompute();

create function eviction_notice_facts_delete() returns trigger language plpgsql as $f$
begin
  update eviction_case c set
    bailiff_notice_on = (select min(n.received_on) from eviction_notice n
      where n.case_id = c.id and n.source = 'bailiff_court'),
    eviction_date = (select max(n.eviction_date) from eviction_notice n where n.case_id = c.id)
  where c.id in (select case_id from changed_old);
  return null;
end $f$;
create trigger eviction_notice_facts_delete after delete on eviction_notice
  referencing old table as changed_old for each statement execute function eviction_notice_facts_delete();

-- New actions: the latest action and whether help was given.
create function eviction_action_facts_insert() returns trigger language plpgsql as $f$
begin
  update eviction_case c set
    last_action_on = greatest(c.last_action_on, a.last_on),
    help_given = c.help_given or a.helped
  from (
    select case_id, max(done_on) as last_on,
      bool_or(kind in ('help_81', 'help_81a', 'payment_plan', 'deposit_loan')) as helped
    from new_actions group by case_id
  ) a
  where c.id = a.case_id
    and (c.last_action_on is distinct from greatest(c.last_action_on, a.last_on)
      or (a.helped and not c.help_given));
  return null;
end $f$;
create trigger eviction_action_facts_insert after insert on eviction_action
  referencing new table as new_actions for each statement execute function eviction_action_facts_insert();

create function eviction_action_facts_recompute() returns trigger language plpgsql as $f$
begin
  update eviction_case c set
    last_action_on = (select max(a.done_on) from eviction_action a where a.case_id = c.id),
    help_given = exists (select from eviction_action a where a.case_id = c.id
      and a.kind in ('help_81', 'help_81a', 'payment_plan', 'deposit_loan'))
  where c.id in (select case_id from changed_old union select case_id from changed_new);
  return null;
end $f$;
create trigger eviction_action_facts_update after update on eviction_action
  referencing old table as changed_old new table as changed_new
  for each statement execute function eviction_action_facts_recompute();

create function eviction_action_facts_delete() returns trigger language plpgsql as $f$
begin
  update eviction_case c set
    last_action_on = (select max(a.done_on) from eviction_action a where a.case_id = c.id),
    help_given = exists (select from eviction_action a where a.case_id = c.id
      and a.kind in ('help_81', 'help_81a', 'payment_plan', 'deposit_loan'))
  where c.id in (select case_id from changed_old);
  return null;
end $f$;
create trigger eviction_action_facts_delete after delete on eviction_action
  referencing old table as changed_old for each statement execute function eviction_action_facts_delete();
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
drop trigger eviction_notice_facts_insert on eviction_notice;
drop trigger eviction_notice_facts_update on eviction_notice;
drop trigger eviction_notice_facts_delete on eviction_notice;
drop trigger eviction_action_facts_insert on eviction_action;
drop trigger eviction_action_facts_update on eviction_action;
drop trigger eviction_action_facts_delete on eviction_action;
drop function eviction_notice_facts_insert(), eviction_notice_facts_recompute(), eviction_notice_facts_delete(),
  eviction_action_facts_insert(), eviction_action_facts_recompute(), eviction_action_facts_delete();
alter table eviction_case drop column bailiff_notice_on, drop column eviction_date, drop column last_action_on,
  drop column help_given;
`)
    .execute(db);
}
