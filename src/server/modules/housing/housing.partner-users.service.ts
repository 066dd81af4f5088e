import type { Tx } from '../../db/database';
import * as repo from './housing.repository';

/**
 * The link between a housing-organisation user (role partner_housing) and the one organisation it
 * acts for (a contact row, as the organisation page's contacts and the demo partner use): the user
 * then sees and reports vacancies and notices for that organisation's departments only. The access
 * module sets it when an administrator creates a user or changes a role (issue 14 §3); the audit
 * entry is the access module's, in the same transaction.
 */

/** The municipality's housing organisations to choose from, by name. */
export async function organisationChoices(trx: Tx, municipalityId: string) {
  return (await repo.listOrganisations(trx, municipalityId)).map((o) => ({ id: o.id, name: o.name }));
}

/** Whether the organisation is one of the municipality's. */
export async function organisationExists(trx: Tx, municipalityId: string, organisationId: string) {
  return (await repo.findOrganisation(trx, municipalityId, organisationId)) !== undefined;
}

/** The organisation each of these users acts for (the first, should a user have been linked to more). */
export async function partnerOrganisationsOf(
  trx: Tx,
  municipalityId: string,
  userIds: string[],
): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const r of await repo.organisationsOfUsers(trx, municipalityId, userIds))
    if (!links.has(r.user_id)) links.set(r.user_id, r.organisation_id);
  return links;
}

/** Links the user to this one organisation, or to none (null) when the user leaves the role. */
export async function linkPartnerUser(
  trx: Tx,
  municipalityId: string,
  userId: string,
  organisationId: string | null,
): Promise<void> {
  await repo.replaceUserOrganisation(trx, municipalityId, userId, organisationId);
}
