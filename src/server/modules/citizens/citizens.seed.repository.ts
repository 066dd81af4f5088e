import type { Executor } from '../../db/database';

/** The demo seed's SQL beyond the services. */

/**
 * Dates a demo citizen's registration back to when the by-name list first met them (the demo's
 * history is entered today, but the list has known these people since their first episode; a
 * registration counts as a contact, so a registration dated today would make everyone active now).
 */
export async function backdateRegistration(
  db: Executor,
  municipalityId: string,
  id: string,
  registeredOn: string,
) {
  await db
    .updateTable('citizen')
    .set({ registered_on: registeredOn })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

/**
 * Dates every trace of a demo citizen in the registry back to `on` (registration, creation, the
 * last change, contacts and whereabouts as recorded): a person the list has not met since, whom the
 * retention policy's dry run finds (issue 20 §6). The demo only; nothing is deleted.
 */
export async function backdateCitizenActivity(db: Executor, municipalityId: string, id: string, on: string) {
  const at = new Date(`${on}T12:00:00Z`);
  await db
    .updateTable('citizen')
    .set({ registered_on: on, created_at: at, updated_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('whereabouts_episode')
    .set({ recorded_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', id)
    .execute();
}
