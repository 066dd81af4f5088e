import { sql } from 'kysely';
import type { ApplicationStatus } from '../../../shared/allocation/model';
import type { Executor } from '../../db/database';

/** An application on the waiting list by `upTo`: its date, status, events and first letting. */
export interface WaitingFacts {
  citizenId: string;
  status: ApplicationStatus;
  waitingSince: string;
  /** Status changes with their dates (Danish time), in order. */
  events: { to: ApplicationStatus; on: string }[];
  /** The date the first offer of a home to it was accepted, if any. */
  letOn: string | null;
}

/** The facts `waitingSpells` judges, for every application that entered the waiting list by `upTo`. */
export async function waitingFacts(db: Executor, m: string, upTo: string): Promise<WaitingFacts[]> {
  const { rows } = await sql<{
    citizen_id: string;
    status: ApplicationStatus;
    waiting_since: string;
    let_on: string | null;
    events: { to: ApplicationStatus; on: string }[];
  }>`
    select a.citizen_id, a.status, a.waiting_since::text as waiting_since,
      (select min(t.accepted_on)::text from tenancy t
        where t.application_id = a.id and t.municipality_id = ${m}) as let_on,
      coalesce((select json_agg(json_build_object('to', e.to_status,
                  'on', (e.at at time zone 'Europe/Copenhagen')::date::text) order by e.at)
                from application_event e
                where e.application_id = a.id and e.municipality_id = ${m}), '[]'::json) as events
    from allocation_application a
    where a.municipality_id = ${m} and a.waiting_since is not null and a.waiting_since <= ${upTo}
    order by a.citizen_id, a.waiting_since`.execute(db);
  return rows.map((r) => ({
    citizenId: r.citizen_id,
    status: r.status,
    waitingSince: r.waiting_since,
    events: r.events,
    letOn: r.let_on,
  }));
}
