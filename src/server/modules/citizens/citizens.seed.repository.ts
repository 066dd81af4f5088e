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
