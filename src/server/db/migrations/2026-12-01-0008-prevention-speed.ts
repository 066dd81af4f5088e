import { type Kysely, sql } from 'kysely';

/**
 * Eviction prevention at scale (issue 6, the benchmark's targets). The inbox orders open cases by
 * § 5 a urgency in SQL and pages through them, so each case carries the facts its duties follow
 * from:
 *
 * - `bailiff_notice_on`: the first notice from the bailiff's court (received_on), the day § 5 a starts;
 * - `eviction_date`: the latest eviction date any notice names;
 * - `last_action_on`: the latest action (contact or help), which meets the duty to act at once when
 *   it is on or after the bailiff's notice;
 * - `help_given`: any help (§ 81, § 81 a, payment plan, deposit loan), after which no "no help"
 *   decision is due.
 *
 * Like the citizen's current state, the service keeps them in the same transaction as every change
 * that moves them: a new case is inserted with the facts of its first notices, and
 * `eviction_case_refresh_facts(ids)` recomputes them (and `children_under_18`, which a case learns
 * from any notice and never forgets) for existing cases that get a notice or an action, in one
 * statement for all of them. A per-statement trigger on the whole insert would have to read every
 * new case back to see that its facts already hold (measured: about as long as inserting the notices
 * again), so inserts call the function; updates and deletes of notices and actions, which the
 * application never makes to these columns, call it from statement-level triggers. A partial index
 * covering these columns lets the inbox rank the open cases without reading the table. Frozen.
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

-- The facts of the given cases, recomputed from their notices and actions; only cases whose facts
-- change are written. Runs as the caller (row-level security applies).
create function eviction_case_refresh_facts(p_cases uuid[]) returns void language sql as $f$
  update eviction_case c set
    bailiff_notice_on = f.bailiff_on,
    eviction_date = f.eviction_date,
    children_under_18 = c.children_under_18 or f.children,
    last_action_on = f.last_on,
    help_given = f.helped
  from (
    select x.id,
      (select min(n.received_on) from eviction_notice n
        where n.case_id = x.id and n.municipality_id = x.municipality_id and n.source = 'bailiff_court') as bailiff_on,
      (select max(n.eviction_date) from eviction_notice n
        where n.case_id = x.id and n.municipality_id = x.municipality_id) as eviction_date,
      exists (select from eviction_notice n
        where n.case_id = x.id and n.municipality_id = x.municipality_id and n.children_under_18) as children,
      (select max(a.done_on) from eviction_action a
        where a.case_id = x.id and a.municipality_id = x.municipality_id) as last_on,
      exists (select from eviction_action a
        where a.case_id = x.id and a.municipality_id = x.municipality_id
          and a.kind in ('help_81', 'help_81a', 'payment_plan', 'deposit_loan')) as helped
    from eviction_case x where x.id = any(p_cases)
  ) f
  where c.id = f.id
    and (c.bailiff_notice_on is distinct from f.bailiff_on
      or c.eviction_date is distinct from f.eviction_date
      or (f.children and not c.children_under_18)
      or c.last_action_on is distinct from f.last_on
      or c.help_given <> f.helped)
$f$;

select eviction_case_refresh_facts(array_agg(id)) from eviction_case;

-- The inbox ranks every open case from these columns alone: an index-only scan of the open cases.
create index eviction_case_inbox_idx on eviction_case (municipality_id)
  include (id, status, children_under_18, known_need, opened_on, bailiff_notice_on, eviction_date, last_action_on,
    help_given, no_help_decision_on)
  where status = 'open';

create function eviction_facts_after_update() returns trigger language plpgsql as $f$
begin
  perform eviction_case_refresh_facts(array(select case_id from changed_old union select case_id from changed_new));
  return null;
end $f$;
create function eviction_facts_after_delete() returns trigger language plpgsql as $f$
begin
  perform eviction_case_refresh_facts(array(select case_id from changed_old));
  return null;
end $f$;
create trigger eviction_notice_facts_update after update on eviction_notice
  referencing old table as changed_old new table as changed_new
  for each statement execute function eviction_facts_after_update();
create trigger eviction_notice_facts_delete after delete on eviction_notice
  referencing old table as changed_old for each statement execute function eviction_facts_after_delete();
create trigger eviction_action_facts_update after update on eviction_action
  referencing old table as changed_old new table as changed_new
  for each statement execute function eviction_facts_after_update();
create trigger eviction_action_facts_delete after delete on eviction_action
  referencing old table as changed_old for each statement execute function eviction_facts_after_delete();
`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
drop trigger eviction_notice_facts_update on eviction_notice;
drop trigger eviction_notice_facts_delete on eviction_notice;
drop trigger eviction_action_facts_update on eviction_action;
drop trigger eviction_action_facts_delete on eviction_action;
drop function eviction_facts_after_update(), eviction_facts_after_delete(), eviction_case_refresh_facts(uuid[]);
drop index eviction_case_inbox_idx;
alter table eviction_case drop column bailiff_notice_on, drop column eviction_date, drop column last_action_on,
  drop column help_given;
`)
    .execute(db);
}
