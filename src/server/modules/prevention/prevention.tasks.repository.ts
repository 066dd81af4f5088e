import { sql } from 'kysely';
import type { NoticeSource } from '../../../shared/prevention/model';
import type { Executor } from '../../db/database';

export interface CaseDeadlineRow {
  case_id: string;
  tenant_name: string;
  address: string;
  children_under_18: boolean;
  known_need: boolean;
  case_eviction_date: string | null;
  /** No action is recorded on or after the latest notice's receipt: the team has not taken it up. */
  unhandled: boolean;
  notice_id: string;
  source: NoticeSource;
  received_on: string;
  paakrav_on: string | null;
  termination_on: string | null;
  bailiff_filed_on: string | null;
  eviction_date: string | null;
}

/**
 * Open cases with their latest notice (issue 14 §1), where the team has not acted on that notice
 * yet or the case has an eviction date: the handoff of a notice to the prevention team and the
 * dates it carries (påkrav, ophævelse, eviction).
 */
export async function openCaseDeadlines(db: Executor, m: string): Promise<CaseDeadlineRow[]> {
  // Each open case's latest notice by its own index (eviction_notice_case_idx), not every notice
  // of the municipality sorted.
  const { rows } = await sql<CaseDeadlineRow>`
    select
      c.id as case_id, c.tenant_name, c.address, c.children_under_18, c.known_need,
      c.eviction_date as case_eviction_date,
      (c.last_action_on is null or c.last_action_on < n.received_on) as unhandled,
      n.id as notice_id, n.source, n.received_on, n.paakrav_on, n.termination_on,
      n.bailiff_filed_on, n.eviction_date
    from eviction_case c
    cross join lateral (
      select n.id, n.source, n.received_on, n.paakrav_on, n.termination_on, n.bailiff_filed_on, n.eviction_date
      from eviction_notice n
      where n.case_id = c.id and n.municipality_id = c.municipality_id
      order by n.received_on desc, n.created_at desc, n.id desc
      limit 1
    ) n
    where c.municipality_id = ${m} and c.status = 'open'
      and (c.last_action_on is null or c.last_action_on < n.received_on or c.eviction_date is not null)
    order by c.id`.execute(db);
  return rows;
}
