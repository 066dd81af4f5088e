import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/**
 * The demo seed's own SQL (allocation.seed.ts): which demo citizens need a home, and the history
 * the services stamp with today moved back to the day it happened in the demo's year. Nothing else
 * calls these; the services stay the only way data is made.
 */

/** Demo citizens still without a home, in a stable order (name, birth date). */
export function homelessCitizens(db: Executor, m: string) {
  return (
    db
      .selectFrom('citizen')
      .select(['id', 'given_name', 'family_name', 'birth_date', 'sex'])
      .where('municipality_id', '=', m)
      .where('merged_into', 'is', null)
      // The citizens module keeps each citizen's current situation in this column (not in the types).
      .where(sql<boolean>`cur_situation is not null and cur_situation <> 'housed'`)
      .orderBy('family_name')
      .orderBy('given_name')
      .orderBy('birth_date')
      .execute()
  );
}

/** Noon of a day in Danish time (a timestamp that shows as that date). */
const at = (date: string) => new Date(`${date}T11:00:00Z`);

/** Dates the application's events that are still stamped with this transaction's start (not yet moved). */
export async function backdateNewEvents(db: Executor, m: string, applicationId: string, date: string) {
  await db
    .updateTable('application_event')
    .set({ at: at(date) })
    .where('municipality_id', '=', m)
    .where('application_id', '=', applicationId)
    .where('at', '>=', sql<Date>`now()`)
    .execute();
}

export async function backdateApplication(
  db: Executor,
  m: string,
  id: string,
  values: { submittedOn: string; updatedOn: string; waitingSince?: string; pausedUntil?: string },
) {
  await db
    .updateTable('allocation_application')
    .set({
      submitted_at: at(values.submittedOn),
      updated_at: at(values.updatedOn),
      ...(values.waitingSince ? { waiting_since: values.waitingSince } : {}),
      ...(values.pausedUntil ? { paused_until: values.pausedUntil } : {}),
    })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

export async function backdateVacancy(db: Executor, m: string, id: string, createdOn: string) {
  await db
    .updateTable('vacancy')
    .set({ created_at: at(createdOn) })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

export async function backdateOffer(
  db: Executor,
  m: string,
  id: string,
  values: { offeredOn: string; replyBy: string; respondedOn?: string },
) {
  await db
    .updateTable('offer')
    .set({
      offered_at: at(values.offeredOn),
      reply_by: values.replyBy,
      ...(values.respondedOn ? { responded_at: at(values.respondedOn) } : {}),
    })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

export async function backdateTenancy(db: Executor, m: string, id: string, acceptedOn: string) {
  await db
    .updateTable('tenancy')
    .set({ accepted_on: acceptedOn, created_at: at(acceptedOn) })
    .where('municipality_id', '=', m)
    .where('id', '=', id)
    .execute();
}

/** The demo municipality's departments with their names (for the demo addresses). */
export function demoDepartments(db: Executor, m: string) {
  return db
    .selectFrom('housing_department')
    .select(['id', 'number', 'name'])
    .where('municipality_id', '=', m)
    .execute();
}
